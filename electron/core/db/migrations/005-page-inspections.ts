import type { Migration } from './index.ts';

/**
 * What the inspection found on each page of a stored file, kept by content (`sha256`) and by the inspection's
 * version (a newer inspection looks again); and the clerk's own choice to leave a page out or keep it, per
 * attachment, which wins over what the inspection proposes. Turns stay in `page_turns`.
 */
export const pageInspections: Migration = {
  name: '005-page-inspections',
  up(db) {
    db.exec(`
      CREATE TABLE page_inspections (
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        version INTEGER NOT NULL CHECK (version >= 1),
        -- The file's findings as JSON ({pages, failed?, ms}), written whole in one statement.
        result TEXT NOT NULL CHECK (json_valid(result)),
        inspected_at TEXT NOT NULL,
        PRIMARY KEY (sha256, version)
      ) STRICT;

      CREATE TABLE page_decisions (
        attachment_id INTEGER NOT NULL REFERENCES attachments (id) ON DELETE CASCADE,
        page INTEGER NOT NULL CHECK (page >= 1),
        decision TEXT NOT NULL CHECK (decision IN ('skip', 'keep')),
        PRIMARY KEY (attachment_id, page)
      ) STRICT;
    `);
  },
};
