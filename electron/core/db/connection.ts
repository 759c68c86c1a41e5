import Database from 'better-sqlite3';
import { migrate } from './migrate.ts';
import type { BackupHook } from './migrate.ts';

export type Db = Database.Database;

export interface OpenOptions {
  /** Called with the open database before pending migrations run (the backup issue hooks in here). */
  beforeMigrate?: BackupHook;
  readonly?: boolean;
  /**
   * The compiled better-sqlite3 addon to load instead of the one under node_modules: the Electron app passes its
   * build for Electron's ABI (`out/native/electron/better_sqlite3.node`); Node (tests, CLI) leaves it unset.
   */
  nativeBinding?: string;
}

/**
 * Opens (or creates) the application database with the settings every connection needs:
 * WAL so readers never block the writer, `synchronous = FULL` so a committed row survives a power cut,
 * foreign keys enforced. Then brings the schema up to date.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const db = new Database(file, {
    readonly: options.readonly ?? false,
    fileMustExist: options.readonly ?? false,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    if (!options.readonly) migrate(db, options.beforeMigrate);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
