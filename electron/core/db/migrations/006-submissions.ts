import type { Migration } from './index.ts';

/**
 * The dossier as it was handed in (标记为已递交), one per application: the exact PDF (by its hash in the file store,
 * so backups and archives carry it), its page map and the snapshot the reprint plan compares against.
 */
export const submissions: Migration = {
  name: '006-submissions',
  up(db) {
    db.exec(`
      CREATE TABLE submissions (
        application_id INTEGER PRIMARY KEY REFERENCES applications (id) ON DELETE CASCADE,
        submitted_at TEXT NOT NULL,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        pages INTEGER NOT NULL CHECK (pages >= 0),
        -- The page map the assembler answered, and what the comparison keeps of each page: JSON, written whole.
        page_map TEXT NOT NULL CHECK (json_valid(page_map)),
        snapshot TEXT NOT NULL CHECK (json_valid(snapshot)),
        note TEXT NOT NULL DEFAULT ''
      ) STRICT;
    `);
  },
};
