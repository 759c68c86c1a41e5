/**
 * Imports a `.juanzong` archive into this data folder as a new application. Every check runs before the database
 * changes: the zip's directory (entry count, names, symlinks, sizes, ratios, overlaps, free space), then the
 * manifest's rows (the API's schemas), then the extracted files (each against its hash, then the attach-time
 * checks); files are unpacked only into `<data>/staging/<random>/` under names we choose, stored, and only then
 * are the rows written, in one write transaction. An application that is already here is never overwritten: the
 * import is refused, or, when asked, added as a copy — once per archive, however many imports run at once.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../db/connection.ts';
import { latestVersion } from '../db/migrate.ts';
import type { FileStore } from '../store/file-store.ts';
import { refuse } from './archive-errors.ts';
import { archiveManifest, type ArchiveManifest } from './archive-manifest.ts';
import { checkEntryNames, manifestEntry } from './entry-names.ts';
import { checkAttachmentFiles, verifyFiles } from './archive-files.ts';
import { checkArchiveRows, checkPageOrders } from './archive-rows.ts';
import { archiveExists, findExistingCopy, writeApplicationRows, type ImportKey } from './write-rows.ts';
import { safeFileName } from '../safety/file-name.ts';
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

/** Unpacks every entry as `<staging>/<index>`, after checking there is room for it and its copy in the store. */
async function extractAll(
  zip: ZipArchive,
  staging: string,
  label: string,
  freeBytes: (dir: string) => Promise<number>,
): Promise<string[]> {
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

/** The manifest, and its hash: what names this archive (and so an import of it) once and for all. */
async function readManifest(file: string, label: string): Promise<{ manifest: ArchiveManifest; hash: string }> {
  const bytes = await readFile(file);
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch {
    refuse('archive-damaged', label, `清单 ${manifestEntry} 不是有效的 JSON`);
  }
  const parsed = archiveManifest.safeParse(raw);
  if (!parsed.success)
    refuse('archive-damaged', label, `清单内容不符合卷宗的格式（${parsed.error.issues[0]?.path.join('.') ?? ''}）`);
  return { manifest: parsed.data, hash: createHash('sha256').update(bytes).digest('hex') };
}

function checkManifestSize(zip: ZipArchive, label: string): number {
  const index = zip.entries.findIndex((e) => e.name === manifestEntry);
  if (zip.entries[index]!.size > maxManifestBytes)
    refuse('archive-too-large', label, `清单 ${manifestEntry} 超过 ${maxManifestBytes / 1024 / 1024} MB`);
  return index;
}

export async function importArchive(
  ctx: ImportContext,
  archive: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const label = options.label ?? path.basename(archive);
  const zip = await ZipArchive.open(archive, label, options.limits ?? defaultLimits);
  try {
    const hashes = checkEntryNames(zip.entries, label);
    const manifestIndex = checkManifestSize(zip, label);
    const staging = path.join(stagingDirOf(ctx.dataDir), randomBytes(8).toString('hex'));
    await mkdir(staging, { recursive: true });
    try {
      const paths = await extractAll(zip, staging, label, options.freeBytes ?? freeBytesAt);
      const { manifest, hash } = await readManifest(paths[manifestIndex]!, label);
      const staged = new Map([...hashes].map(([index, fileHash]) => [fileHash, paths[index]!]));
      const key = { archiveKey: options.asCopy ? `${hash}:copy` : hash, asCopy: options.asCopy ?? false };
      return await admit(ctx, manifest, staged, key, label);
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
  } finally {
    zip.close();
  }
}

/**
 * Checks the rows (the API's schemas) and the files (the attach-time checks), stores the files, then writes the
 * rows in one write transaction that first looks again for a copy already here.
 */
async function admit(
  ctx: ImportContext,
  manifest: ArchiveManifest,
  staged: Map<string, string>,
  key: ImportKey,
  label: string,
): Promise<ImportResult> {
  if (manifest.schemaVersion > latestVersion()) {
    refuse(
      'archive-from-future',
      label,
      `它由更新版本的卷宗导出（数据版本 ${manifest.schemaVersion}）`,
      '请先升级本机的卷宗再导入。',
    );
  }
  const rows = checkArchiveRows(manifest, label);
  await verifyFiles(rows, staged, label);
  // Looked for again inside the write transaction; this early look spares checking and storing files for nothing.
  const existing = findExistingCopy(ctx.db, rows, key);
  if (existing !== undefined) throw archiveExists(label, existing, key.asCopy);
  const facts = await checkAttachmentFiles(rows, staged, label);
  checkPageOrders(rows, new Map(rows.attachments.map((a) => [a.exporterId, facts.get(a.sha256)!.pageCount])), label);
  for (const file of staged.values()) await ctx.store.putFile(file);
  const attachments = rows.attachments.map((a) => ({ ...a, originalName: safeFileName(a.originalName) }));
  return {
    ...writeApplicationRows(ctx.db, { ...rows, attachments }, facts, key, ctx.now(), label),
    files: staged.size,
  };
}
