import Database from 'better-sqlite3';
import { migrate } from './migrate.ts';
import type { BackupHook } from './migrate.ts';

export type Db = Database.Database;

export interface OpenOptions {
  /** Called with the open database before pending migrations run (the backup issue hooks in here). */
  beforeMigrate?: BackupHook;
  readonly?: boolean;
}

/**
 * Opens (or creates) the application database with the settings every connection needs:
 * WAL so readers never block the writer, `synchronous = FULL` so a committed row survives a power cut,
 * foreign keys enforced. Then brings the schema up to date.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
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
