/**
 * The start-up check of the database file. A damaged file is never opened for writing and never replaced by a new
 * empty one: the clerk is told which file is damaged and offered the newest backup.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { UserFacingError } from '#shared/errors.ts';
import { passingTroubleOf, DatabaseUnavailableError } from '../db/database-trouble.ts';
import { listBackups, type BackupInfo } from './backup-files.ts';
import { withNativeBinding } from '../db/native-binding.ts';
import { quickCheckProblems, schemaVersion, setBusyTimeout } from '../db/queries/database-file.ts';

/** The database is damaged, or missing while backups exist: both offer the newest backup. */
export class DamagedDatabaseError extends UserFacingError {
  constructor(
    readonly file: string,
    readonly detail: string,
    readonly backups: BackupInfo[],
    readonly missing = false,
  ) {
    super(
      missing ? 'db-missing' : 'db-damaged',
      missing ? missingMessage(file, backups) : damagedMessage(file, detail, backups),
    );
    this.name = 'DamagedDatabaseError';
  }
}

function missingMessage(file: string, backups: BackupInfo[]): string {
  const newest = backups.at(-1)!;
  return (
    `数据文件「${file}」不见了，但数据文件夹中有备份，卷宗没有新建空白数据。如果数据文件夹在 U 盘或网络盘上，请先确认它已连接、` +
    `选的是原来的文件夹；确实丢失时，请在卷宗启动时的提示中选择「用最近的备份恢复」，或运行 juanzong backup restore ${newest.name}。`
  );
}

function damagedMessage(file: string, detail: string, backups: BackupInfo[]): string {
  const head = `数据文件「${file}」已损坏，无法使用（${detail}）。卷宗没有修改它，也没有新建空白数据。`;
  const newest = backups.at(-1);
  if (!newest) {
    return `${head}没有找到可用的备份。请不要删除或覆盖该文件，把它复制一份后联系技术支持。`;
  }
  return (
    `${head}最近的备份是「${newest.name}」（${newest.takenAt}）。请在卷宗启动时出现的提示中选择「用最近的备份恢复」，` +
    `或运行 juanzong backup restore ${newest.name}。恢复前，损坏的文件会移到 damaged 文件夹保留。`
  );
}

export interface DatabaseVerdict {
  /** `ok`, or why the file cannot be used (SQLite's own words). */
  verdict: string;
  /** `PRAGMA user_version`: 0 for a file that holds no schema yet. */
  version: number;
}

/**
 * Checks a database file. Damage answers a verdict; a lock, a read-only folder or a full disk throws
 * DatabaseUnavailableError instead (they are not damage, and a restore would not help).
 */
export function inspectDatabaseFile(file: string): DatabaseVerdict {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, withNativeBinding({ fileMustExist: true }));
    setBusyTimeout(db, 5000);
    const problems = quickCheckProblems(db);
    const version = schemaVersion(db);
    if (problems.length === 0) return { verdict: 'ok', version };
    return { verdict: `完整性检查未通过：${problems.slice(0, 3).join('；')}`, version };
  } catch (error) {
    const trouble = passingTroubleOf(error, path.dirname(file));
    if (trouble) throw new DatabaseUnavailableError(trouble, trouble === 'locked' ? file : path.dirname(file));
    return { verdict: `SQLite 报告：${error instanceof Error ? error.message : String(error)}`, version: 0 };
  } finally {
    db?.close();
  }
}

/**
 * Throws `DamagedDatabaseError` when the database file is damaged, or missing while backups exist (someone or
 * something deleted it: starting empty would hide that). A first start (no file, no backups) passes.
 */
export async function assertDatabaseUsable(file: string, backupDir: string): Promise<void> {
  const backups = await listBackups(backupDir);
  if (!existsSync(file)) {
    if (backups.length > 0) throw new DamagedDatabaseError(file, '文件不存在，但数据文件夹中有备份', backups, true);
    return;
  }
  const { verdict, version } = inspectDatabaseFile(file);
  if (verdict !== 'ok') throw new DamagedDatabaseError(file, verdict, backups);
  if (version === 0 && backups.length > 0) {
    throw new DamagedDatabaseError(file, '文件里没有任何数据，但数据文件夹中有备份', backups);
  }
}
