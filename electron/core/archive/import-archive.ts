/**
 * Imports a `.juanzong` archive into this data folder as a new application. Every check runs before the database
 * changes: the zip's directory (entry count, names, symlinks, sizes, ratios), then the extracted files (each
 * against its hash), then the manifest; files are unpacked only into `<data>/staging/<random>/` under names we
 * choose, stored, and only then are the rows written, in one transaction. An application that is already here is
 * never overwritten: the import is refused, or, when asked, added as a copy.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { UserFacingError } from '../../../shared/errors.ts';
import type { Db } from '../db/connection.ts';
import { latestVersion } from '../db/migrate.ts';
import type { FileStore } from '../store/file-store.ts';
import { refuse } from './archive-errors.ts';
import { archiveManifest, type ArchiveManifest } from './archive-manifest.ts';
import { checkEntryNames, manifestEntry } from './entry-names.ts';
import { findExistingCopy, writeApplicationRows } from './write-rows.ts';
import { assertRoomFor, freeBytesAt } from './zip-checks.ts';
import { ZipArchive, type ZipLimits } from './zip-reader.ts';

export const defaultLimits: ZipLimits = {
  maxEntries: 2_000,
  maxEntryBytes: 512 * 1024 * 1024,
  maxTotalBytes: 4 * 1024 * 1024 * 1024 - 1,
  maxRatio: 100,
};

/** The manifest of 5,000 attachments and 10,000 cost lines is a few MB; more is not ours. */
const maxManifestBytes = 32 * 1024 * 1024;

export interface ImportContext {
  db: Db;
  store: FileStore;
  dataDir: string;
  now: () => string;
}

export interface ImportOptions {
  asCopy?: boolean;
  limits?: ZipLimits;
  /** Shown in messages; the archive's file name. */
  label?: string;
  /** Free bytes on the disk of a folder (tests give a small disk); the file system's answer by default. */
  freeBytes?: (dir: string) => Promise<number>;
}

export interface ImportResult {
  applicationId: number;
  applicantId: number;
  files: number;
}

export const stagingDirOf = (dataDir: string) => path.join(dataDir, 'staging');

/** Removes what an interrupted import left unpacked. Call at start-up. */
export async function cleanupStaging(dataDir: string): Promise<void> {
  await rm(stagingDirOf(dataDir), { recursive: true, force: true });
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Unpacks every entry as `<staging>/<index>`, after checking there is room for it and its copy in the store. */
async function extractAll(zip: ZipArchive, staging: string, label: string, freeBytes: (dir: string) => Promise<number>): Promise<string[]> {
  const declared = zip.entries.reduce((n, e) => n + e.size, 0);
  assertRoomFor(2 * declared, await freeBytes(staging), label);
  const paths: string[] = [];
  for (const index of zip.entries.keys()) {
    const target = path.join(staging, String(index));
    await zip.extractTo(index, target);
    paths.push(target);
  }
  return paths;
}

async function readManifest(file: string, label: string): Promise<ArchiveManifest> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    refuse('archive-damaged', label, `清单 ${manifestEntry} 不是有效的 JSON`);
  }
  const parsed = archiveManifest.safeParse(raw);
  if (!parsed.success) refuse('archive-damaged', label, `清单内容不符合卷宗的格式（${parsed.error.issues[0]?.path.join('.') ?? ''}）`);
  return parsed.data;
}

/** Checks each attachment's file against the hash and size its row gives. */
async function verifyFiles(manifest: ArchiveManifest, staged: Map<string, string>, label: string): Promise<void> {
  for (const hash of staged.keys()) {
    if ((await sha256Of(staged.get(hash)!)) !== hash) refuse('archive-file-damaged', label, `文件 ${hash.slice(0, 12)}… 的内容与校验值不符`);
  }
  for (const a of manifest.attachments) {
    const name = String(a.original_name ?? '?');
    if (!staged.has(String(a.sha256))) refuse('archive-file-missing', label, `附件「${name}」的文件不在压缩包里`);
  }
}

function checkManifestSize(zip: ZipArchive, label: string): number {
  const index = zip.entries.findIndex((e) => e.name === manifestEntry);
  if (zip.entries[index]!.size > maxManifestBytes) refuse('archive-too-large', label, `清单 ${manifestEntry} 超过 ${maxManifestBytes / 1024 / 1024} MB`);
  return index;
}

export async function importArchive(ctx: ImportContext, archive: string, options: ImportOptions = {}): Promise<ImportResult> {
  const label = options.label ?? path.basename(archive);
  const zip = await ZipArchive.open(archive, label, options.limits ?? defaultLimits);
  try {
    const hashes = checkEntryNames(zip.entries, label);
    const manifestIndex = checkManifestSize(zip, label);
    const staging = path.join(stagingDirOf(ctx.dataDir), randomBytes(8).toString('hex'));
    await mkdir(staging, { recursive: true });
    try {
      const paths = await extractAll(zip, staging, label, options.freeBytes ?? freeBytesAt);
      const manifest = await readManifest(paths[manifestIndex]!, label);
      const staged = new Map([...hashes].map(([index, hash]) => [hash, paths[index]!]));
      return await admit(ctx, manifest, staged, label, options);
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
  } finally {
    zip.close();
  }
}

async function admit(ctx: ImportContext, manifest: ArchiveManifest, staged: Map<string, string>, label: string, options: ImportOptions): Promise<ImportResult> {
  await verifyFiles(manifest, staged, label);
  if (manifest.schemaVersion > latestVersion()) {
    refuse('archive-from-future', label, `它由更新版本的卷宗导出（数据版本 ${manifest.schemaVersion}）`, '请先升级本机的卷宗再导入。');
  }
  const existing = findExistingCopy(ctx.db, manifest);
  if (existing && !options.asCopy) {
    throw new UserFacingError(
      'archive-exists',
      `「${label}」中的申报项目在本机已经存在（编号 ${existing}），卷宗没有覆盖它，也没有导入任何内容。` +
        '如要两份并存，请选择「作为副本导入」（命令行加 --as-copy）；如要以导入的为准，请先删除本机的那一份。',
    );
  }
  for (const file of staged.values()) await ctx.store.putFile(file);
  return { ...writeApplicationRows(ctx.db, manifest, ctx.now(), label), files: staged.size };
}
