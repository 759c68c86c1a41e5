/**
 * Puts a backup back as the application database. The backup is checked first; the current database is backed up
 * (or, when damaged, moved aside to `damaged/`) so a restore can itself be undone; the copy is made with SQLite's
 * backup API, so a window that has the database open sees the restored data at once.
 */
import { existsSync } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import { UserFacingError } from '../../../shared/errors.ts';
import { latestVersion } from '../db/migrate.ts';
import { fsyncDir } from '../safety/atomic-output.ts';
import { isBackupName, listBackups, type BackupInfo } from './backup-files.ts';
import { backupFile } from './create-backup.ts';
import { inspectDatabaseFile } from './database-health.ts';
import { withNativeBinding } from '../db/native-binding.ts';

export interface RestoreResult {
  restored: BackupInfo;
  /** The backup of the database as it was just before (absent when it was damaged). */
  safetyBackup: string | null;
  /** Where the damaged database was moved, when it was. */
  movedAside: string | null;
}

async function findBackup(dir: string, name: string): Promise<BackupInfo> {
  const found = isBackupName(name) ? (await listBackups(dir)).find((b) => b.name === name) : undefined;
  if (!found) {
    throw new UserFacingError(
      'backup-not-found',
      `找不到备份「${name}」。请运行 juanzong backup list 或在窗口的备份列表中选择一个现有的备份。`,
    );
  }
  return found;
}

function assertRestorable(file: string, backup: BackupInfo): void {
  const { verdict, version } = inspectDatabaseFile(file);
  if (verdict !== 'ok') {
    throw new UserFacingError('backup-damaged', `备份「${backup.name}」本身已损坏（${verdict}）。请选择另一个备份。`);
  }
  if (version > latestVersion()) {
    throw new UserFacingError(
      'backup-from-future',
      `备份「${backup.name}」来自更新版本的卷宗（数据版本 ${version}）。请先安装最新版卷宗再恢复它。`,
    );
  }
}

async function moveAside(dbFile: string, dataDir: string, stamp: string): Promise<string> {
  const dir = path.join(dataDir, 'damaged');
  await mkdir(dir, { recursive: true });
  const target = path.join(dir, `${path.basename(dbFile)}.${stamp}`);
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(dbFile + suffix)) await rename(dbFile + suffix, target + suffix);
  }
  await fsyncDir(dir);
  await fsyncDir(path.dirname(dbFile));
  return target;
}

/** Restores backup `name` of the data folder over `dbFile`. */
export async function restoreBackup(dataDir: string, dbFile: string, name: string): Promise<RestoreResult> {
  const dir = path.join(dataDir, 'backups');
  const backup = await findBackup(dir, name);
  const source = path.join(dir, backup.name);
  assertRestorable(source, backup);
  let safetyBackup: string | null = null;
  let movedAside: string | null = null;
  const current = existsSync(dbFile) ? inspectDatabaseFile(dbFile) : undefined;
  if (current?.verdict === 'ok') {
    safetyBackup = (await backupFile(dbFile, dir, { reason: 'before-restore' })).name;
  } else if (current) {
    movedAside = await moveAside(dbFile, dataDir, new Date().toISOString().replace(/[:.]/g, '-'));
  }
  const src = new Database(source, withNativeBinding({ readonly: true, fileMustExist: true }));
  try {
    await src.backup(dbFile);
  } finally {
    src.close();
  }
  return { restored: backup, safetyBackup, movedAside };
}
