/**
 * Puts a backup back as the application database. It needs the data folder's lock (nothing may replace a database
 * another process holds), checks the backup (readable, not from a newer version, no triggers or views Juanzong
 * does not make) and the free space first, copies it beside the database and checks the copy, and only then
 * touches the current database: a healthy one is backed up and overwritten with SQLite's backup API (one
 * transaction, so a window that has it open sees the restored data at once, and a failure leaves it whole); a
 * damaged one is moved aside to `damaged/` and the verified copy renamed into its place.
 */
import { existsSync, statSync } from 'node:fs';
import { mkdir, rename, rm, statfs } from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import { UserFacingError } from '#shared/errors.ts';
import { DatabaseUnavailableError, explainTrouble } from '../db/database-trouble.ts';
import { latestVersion, migrate } from '../db/migrate.ts';
import { triggersAndViews } from '../db/queries/database-file.ts';
import { takeLock, type DataLock } from '../safety/data-lock.ts';
import { fsyncDir, renameDurably } from '../safety/atomic-output.ts';
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

/** Triggers and views in a database that a fresh Juanzong database of the latest schema does not have. */
function foreignSchemaObjects(db: Database.Database): string[] {
  const reference = new Database(':memory:', withNativeBinding({}));
  try {
    migrate(reference);
    const ours = new Set(triggersAndViews(reference));
    return triggersAndViews(db).filter((what) => !ours.has(what));
  } finally {
    reference.close();
  }
}

/** Refuses a backup that is damaged, from a newer version, or carries triggers or views of its own. */
export function assertRestorable(file: string, label: string): void {
  const { verdict, version } = inspectDatabaseFile(file);
  if (verdict !== 'ok') {
    throw new UserFacingError('backup-damaged', `备份「${label}」本身已损坏（${verdict}）。请选择另一个备份。`);
  }
  if (version > latestVersion()) {
    throw new UserFacingError(
      'backup-from-future',
      `备份「${label}」来自更新版本的卷宗（数据版本 ${version}）。请先安装最新版卷宗再恢复它。`,
    );
  }
  const db = new Database(file, withNativeBinding({ readonly: true, fileMustExist: true }));
  let foreign: string[];
  try {
    foreign = foreignSchemaObjects(db);
  } finally {
    db.close();
  }
  if (foreign.length > 0) {
    throw new UserFacingError(
      'backup-foreign-schema',
      `备份「${label}」含有卷宗不会建立的内容（${foreign.slice(0, 3).join('、')}），不像是卷宗做的备份，卷宗没有恢复它。请选择另一个备份。`,
    );
  }
}

/** Refuses (as a full disk) when the folder cannot hold `bytes` more, before anything is written. */
export async function assertFreeSpace(folder: string, bytes: number): Promise<void> {
  const { bavail, bsize } = await statfs(folder);
  if (bavail * bsize < bytes) throw new DatabaseUnavailableError('disk-full', folder);
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

/** Copies database `source` to `target` with SQLite's backup API and checks the copy. */
async function copyVerified(source: string, target: string, label: string): Promise<void> {
  const src = new Database(source, withNativeBinding({ readonly: true, fileMustExist: true }));
  try {
    await src.backup(target);
  } finally {
    src.close();
  }
  assertRestorable(target, label);
}

/** Runs `work` holding the folder's lock: `held` when the caller owns it, else taken here for `task`. */
export async function withLock<T>(
  dataDir: string,
  held: DataLock | undefined,
  task: string,
  work: () => Promise<T>,
): Promise<T> {
  if (held) return work();
  const lock = await takeLock(dataDir, { role: 'cli', task: `juanzong ${task}` }, { waitMs: 3000 });
  try {
    return await work();
  } finally {
    lock.release();
  }
}

/** Puts the verified copy `staged` in place of `dbFile`, keeping or moving aside what was there. */
async function putInPlace(dataDir: string, dbFile: string, staged: string): Promise<Omit<RestoreResult, 'restored'>> {
  const current = existsSync(dbFile) ? inspectDatabaseFile(dbFile) : undefined;
  if (current?.verdict === 'ok') {
    const safetyBackup = (await backupFile(dbFile, path.join(dataDir, 'backups'), { reason: 'before-restore' })).name;
    const src = new Database(staged, withNativeBinding({ readonly: true, fileMustExist: true }));
    try {
      await src.backup(dbFile);
    } finally {
      src.close();
    }
    return { safetyBackup, movedAside: null };
  }
  const movedAside = current ? await moveAside(dbFile, dataDir, new Date().toISOString().replace(/[:.]/g, '-')) : null;
  await renameDurably(staged, dbFile);
  return { safetyBackup: null, movedAside };
}

/**
 * Puts database file `source` (already checked by the caller or not) in place of `dbFile`: checks it, checks the
 * free space, stages a verified copy, then keeps or moves aside what was there. The caller holds the lock.
 */
export async function restoreDatabaseFile(
  dataDir: string,
  dbFile: string,
  source: string,
  label: string,
): Promise<Omit<RestoreResult, 'restored'>> {
  assertRestorable(source, label);
  // The staged copy, the safety backup of the current database, and the copy's write into it.
  await assertFreeSpace(dataDir, 3 * statSync(source).size + 16 * 1024 * 1024);
  const staged = path.join(dataDir, `${path.basename(dbFile)}.restoring`);
  await rm(staged, { force: true });
  try {
    await copyVerified(source, staged, label);
    return await putInPlace(dataDir, dbFile, staged);
  } catch (error) {
    return explainTrouble(error, dataDir, dataDir);
  } finally {
    await rm(staged, { force: true });
  }
}

/**
 * Restores backup `name` of the data folder over `dbFile`. Pass the lock when the caller owns the folder (the
 * window's services); otherwise it is taken here, and a folder in use is refused (FolderInUseError).
 */
export async function restoreBackup(
  dataDir: string,
  dbFile: string,
  name: string,
  held?: DataLock,
): Promise<RestoreResult> {
  return withLock(dataDir, held, 'backup restore', async () => {
    const backup = await findBackup(path.join(dataDir, 'backups'), name);
    const source = path.join(dataDir, 'backups', backup.name);
    return { restored: backup, ...(await restoreDatabaseFile(dataDir, dbFile, source, backup.name)) };
  });
}
