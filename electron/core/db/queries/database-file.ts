/** Questions about a database file as a whole: its schema version, its health, its journal. */
import type { Db } from '../connection.ts';

/** `PRAGMA user_version`: the number of the last migration applied; 0 for a file that holds no schema yet. */
export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** SQLite's `quick_check`: the problems it found, none for a sound file. */
export function quickCheckProblems(db: Db): string[] {
  const rows = db.pragma('quick_check') as { quick_check: string }[];
  return rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
}

/** SQLite's full `integrity_check` (reads every page): `ok`, or its first complaint. */
export function integrityCheck(db: Db): string {
  return String(db.pragma('integrity_check', { simple: true }));
}

/** Switches a copied file from WAL to a rollback journal, so the copy is one file that also opens read-only. */
export function useRollbackJournal(db: Db): void {
  db.pragma('journal_mode = DELETE');
  db.pragma('synchronous = FULL');
}

/** How long a statement waits for another connection's lock before SQLITE_BUSY. */
export function setBusyTimeout(db: Db, ms: number): void {
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(ms))}`);
}

/** `trigger name` and `view name` of every trigger and view in the file: SQL a file carries and runs itself. */
export function triggersAndViews(db: Db): string[] {
  return db
    .prepare("SELECT type || ' ' || name FROM sqlite_master WHERE type IN ('trigger', 'view')")
    .pluck()
    .all() as string[];
}

/** The size of the database in bytes (its pages), what a copy of it needs. */
export function databaseBytes(db: Db): number {
  return (db.pragma('page_count', { simple: true }) as number) * (db.pragma('page_size', { simple: true }) as number);
}

const sha256Pattern = /^[0-9a-f]{64}$/;

/**
 * The file hashes in the `attachments` and `submissions` tables of a file that only carries a backup's name. Data
 * only: with trusted_schema off, and nothing from a table that is a view (SQL of its own).
 */
export function untrustedAttachmentHashes(db: Db): string[] {
  db.pragma('trusted_schema = OFF');
  // The submitted dossiers' PDFs too (migration 006): a restore brings their rows back and needs their files.
  const rows = ['attachments', 'submissions'].flatMap((table) => {
    const kind = db.prepare('SELECT type FROM sqlite_master WHERE name = ?').pluck().get(table);
    return kind === 'table' ? (db.prepare(`SELECT DISTINCT sha256 FROM ${table}`).pluck().all() as unknown[]) : [];
  });
  return rows.filter((h): h is string => typeof h === 'string' && sha256Pattern.test(h));
}
