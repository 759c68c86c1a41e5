/** The SQLite side of the data folder's lock (safety/data-lock.ts): a tiny database held exclusively. */
import type { Db } from '../connection.ts';

/**
 * Takes the file's exclusive lock and keeps it until `db` closes (`locking_mode = EXCLUSIVE` never gives a lock
 * back once a write took it). Throws SQLITE_BUSY at once when another connection holds it.
 */
export function holdExclusively(db: Db): void {
  db.pragma('busy_timeout = 0');
  db.pragma('locking_mode = EXCLUSIVE');
  db.exec(
    'BEGIN EXCLUSIVE; CREATE TABLE IF NOT EXISTS taken (at TEXT); DELETE FROM taken; INSERT INTO taken VALUES (datetime()); COMMIT;',
  );
}
