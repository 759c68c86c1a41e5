import type Database from 'better-sqlite3';
import { migrations } from './migrations/index.ts';

export type BackupHook = (db: Database.Database, fromVersion: number, toVersion: number) => void;

/** The database was written by a newer Juanzong: opening it here could lose what that version stored. */
export class DatabaseFromFutureError extends Error {
  readonly code = 'db-from-future';
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `数据文件来自更新版本的卷宗（数据版本 ${found}，本程序最高支持 ${supported}）。` +
        '请安装最新版卷宗后再打开；不要用旧版本继续编辑，以免丢失数据。',
    );
  }
}

export function latestVersion(): number {
  return migrations.length;
}

/**
 * Runs every pending migration in one transaction, so a crash leaves the old schema whole.
 * `PRAGMA user_version` records how many steps have run; migration N is `migrations[N - 1]`.
 */
export function migrate(db: Database.Database, beforeMigrate?: BackupHook): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = latestVersion();
  if (current > latest) throw new DatabaseFromFutureError(current, latest);
  if (current === latest) return;
  beforeMigrate?.(db, current, latest);
  db.transaction(() => {
    for (const step of migrations.slice(current)) step.up(db);
    db.pragma(`user_version = ${latest}`);
  }).immediate();
}
