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
