/**
 * Online backups with SQLite's backup API (better-sqlite3 `db.backup`): a consistent copy taken while the app keeps
 * working. Written as `….part`, switched to a plain rollback journal so the copy is one self-contained file, then
 * renamed into place: a crash mid-backup leaves only a `.part`, removed at the next start.
 */
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from '../db/connection.ts';
import { renameDurably } from '../safety/atomic-output.ts';
import { backupName, listBackups, pruneBackups, type BackupInfo, type BackupReason } from './backup-files.ts';
import { withNativeBinding } from '../db/native-binding.ts';
import { useRollbackJournal } from '../db/queries/database-file.ts';

/** How many backups of each kind are kept unless the caller says otherwise. */
export const defaultKeep = 10;

export interface BackupOptions {
  reason: BackupReason;
  keep?: number;
  now?: Date;
}

/** Copies `db` (an open connection) into the backup folder and prunes the oldest; answers the new backup. */
export async function createBackup(db: Db, dir: string, options: BackupOptions): Promise<BackupInfo> {
  await mkdir(dir, { recursive: true });
  let takenAt = options.now ?? new Date();
  const existing = new Set((await listBackups(dir)).map((b) => b.name));
  // Two backups in the same millisecond would share a name; the later one moves on by a millisecond.
  while (existing.has(backupName(takenAt, options.reason))) takenAt = new Date(takenAt.getTime() + 1);
  const name = backupName(takenAt, options.reason);
  const part = path.join(dir, `${name}.part`);
  try {
    await db.backup(part);
    makeSelfContained(part);
    await renameDurably(part, path.join(dir, name));
  } catch (error) {
    await rm(part, { force: true });
    throw error;
  }
  await pruneBackups(dir, options.keep ?? defaultKeep);
  const info = (await listBackups(dir)).find((b) => b.name === name);
  if (!info) throw new Error(`backup ${name} vanished after it was written`);
  return info;
}

/** A copy of a WAL database is marked WAL too; a rollback journal keeps it one file that opens read-only. */
function makeSelfContained(file: string): void {
  const copy = new Database(file, withNativeBinding({}));
  try {
    useRollbackJournal(copy);
  } finally {
    copy.close();
  }
}

/** Opens a database file at `source` (a backup, or a file that is not open) and backs it up the same way. */
export async function backupFile(source: string, dir: string, options: BackupOptions): Promise<BackupInfo> {
  const db = new Database(source, withNativeBinding({ fileMustExist: true }));
  try {
    return await createBackup(db, dir, options);
  } finally {
    db.close();
  }
}
