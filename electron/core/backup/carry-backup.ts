/**
 * 备份到…: a backup the clerk can carry away (a USB drive) and restore on another machine. It is a folder
 * `卷宗备份-<time>/` holding the database (one self-contained file), every stored file the database names, and
 * `juanzong-backup.json` listing each with its SHA-256. It is written as `….part`, read back and checked against
 * that list, and only then renamed: a folder without `.part` is a whole, verified backup.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { UserFacingError } from '#shared/errors.ts';
import type { Db } from '../db/connection.ts';
import { explainTrouble } from '../db/database-trouble.ts';
import { referencedHashes } from '../db/queries/attachments.ts';
import { databaseBytes, useRollbackJournal } from '../db/queries/database-file.ts';
import { withNativeBinding } from '../db/native-binding.ts';
import { renameDurably } from '../safety/atomic-output.ts';
import type { DataLock } from '../safety/data-lock.ts';
import type { FileStore } from '../store/file-store.ts';
import { assertFreeSpace, assertRestorable, restoreDatabaseFile, withLock } from './restore-backup.ts';

const listName = 'juanzong-backup.json';
const databaseName = 'juanzong.sqlite3';

const carriedList = z.object({
  app: z.literal('juanzong'),
  takenAt: z.string(),
  database: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), size: z.number().int().nonnegative() }),
  files: z.array(z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), size: z.number().int().nonnegative() })),
});
type CarriedList = z.infer<typeof carriedList>;

export interface CarriedBackup {
  folder: string;
  files: number;
  bytes: number;
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const objectPath = (root: string, sha256: string) => path.join(root, 'files', sha256.slice(0, 2), sha256);

/** Reads every file of the folder back and compares it with the list; throws naming the first that differs. */
async function verifyCarried(folder: string, list: CarriedList, label: string): Promise<void> {
  const damaged = (what: string) =>
    new UserFacingError(
      'carried-backup-damaged',
      `备份文件夹「${label}」不完整或已损坏（${what}），请换一份备份或重新备份。`,
    );
  const check = async (file: string, expected: { sha256: string; size: number }, what: string) => {
    if (!existsSync(file) || (await stat(file)).size !== expected.size || (await sha256Of(file)) !== expected.sha256)
      throw damaged(what);
  };
  await check(path.join(folder, databaseName), list.database, databaseName);
  for (const f of list.files) await check(objectPath(folder, f.sha256), f, `文件 ${f.sha256.slice(0, 12)}…`);
}

function timeStamp(date: Date): string {
  return date.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
}

/** A database copy that is one file (no -wal), as `create-backup.ts` makes them. */
async function copyDatabase(db: Db, target: string): Promise<void> {
  await db.backup(target);
  const copy = new Database(target, withNativeBinding({}));
  try {
    useRollbackJournal(copy);
  } finally {
    copy.close();
  }
}

/**
 * Writes a carried backup of the open database and its files into a new folder inside `chosen`, checks it, and
 * answers where it is. Needs no lock: it only reads the data folder, so it also runs beside the window.
 *
 * @example const { folder } = await exportBackupTo({ db, store }, '/media/usb');
 */
export async function exportBackupTo(
  ctx: { db: Db; store: FileStore },
  chosen: string,
  now = new Date(),
): Promise<CarriedBackup> {
  const folder = path.join(path.resolve(chosen), `卷宗备份-${timeStamp(now)}`);
  if (existsSync(folder))
    throw new UserFacingError('carried-backup-exists', `「${folder}」已经存在。请稍等一秒再备份，或选择其他文件夹。`);
  const part = `${folder}.part`;
  const hashes = [...referencedHashes(ctx.db)].sort();
  const sizes = await Promise.all(hashes.map(async (h) => (await stat(ctx.store.pathOf(h))).size));
  const dbBytes = databaseBytes(ctx.db);
  try {
    await mkdir(path.resolve(chosen), { recursive: true });
    await assertFreeSpace(path.resolve(chosen), dbBytes + sizes.reduce((a, b) => a + b, 0) + 1024 * 1024);
    await rm(part, { recursive: true, force: true });
    await mkdir(path.join(part, 'files'), { recursive: true });
    await copyDatabase(ctx.db, path.join(part, databaseName));
    for (const sha256 of hashes) {
      await mkdir(path.dirname(objectPath(part, sha256)), { recursive: true });
      await copyFile(ctx.store.pathOf(sha256), objectPath(part, sha256));
    }
    const database = {
      sha256: await sha256Of(path.join(part, databaseName)),
      size: (await stat(path.join(part, databaseName))).size,
    };
    const list: CarriedList = {
      app: 'juanzong',
      takenAt: now.toISOString(),
      database,
      files: hashes.map((sha256, i) => ({ sha256, size: sizes[i]! })),
    };
    await writeFile(path.join(part, listName), `${JSON.stringify(list, null, 1)}\n`);
    await verifyCarried(part, list, folder);
    await renameDurably(part, folder);
    return { folder, files: hashes.length, bytes: database.size + sizes.reduce((a, b) => a + b, 0) };
  } catch (error) {
    await rm(part, { recursive: true, force: true });
    return explainTrouble(error, path.resolve(chosen), path.resolve(chosen));
  }
}

async function readList(folder: string): Promise<CarriedList> {
  const parsed = carriedList.safeParse(
    await readFile(path.join(folder, listName), 'utf8').then(JSON.parse, () => undefined),
  );
  if (!parsed.success) {
    throw new UserFacingError(
      'not-a-carried-backup',
      `「${folder}」不是卷宗的备份文件夹（没有可读的 ${listName}）。请选择用「备份到…」或 juanzong backup export 做出的「卷宗备份-…」文件夹。`,
    );
  }
  return parsed.data;
}

export interface ImportedBackup {
  takenAt: string;
  files: number;
  /** The backup of this machine's database as it was just before (null when there was none). */
  safetyBackup: string | null;
}

/**
 * Restores a carried backup into this data folder: checks every file against the list first, stores the files,
 * then puts the database in place as a restore does (the current one backed up first). Needs the lock.
 */
export async function importBackupFrom(
  ctx: { dataDir: string; store: FileStore; lock?: DataLock | null },
  folder: string,
): Promise<ImportedBackup> {
  const source = path.resolve(folder);
  const list = await readList(source);
  await verifyCarried(source, list, source);
  assertRestorable(path.join(source, databaseName), source);
  return withLock(ctx.dataDir, ctx.lock ?? undefined, 'backup import', async () => {
    await assertFreeSpace(
      ctx.dataDir,
      list.files.reduce((n, f) => n + f.size, 0),
    );
    try {
      for (const f of list.files) await ctx.store.putFile(objectPath(source, f.sha256));
    } catch (error) {
      explainTrouble(error, ctx.dataDir, ctx.dataDir);
    }
    const put = await restoreDatabaseFile(
      ctx.dataDir,
      path.join(ctx.dataDir, databaseName),
      path.join(source, databaseName),
      source,
    );
    return { takenAt: list.takenAt, files: list.files.length, safetyBackup: put.safetyBackup };
  });
}
