import type { Migration } from './index.ts';

/**
 * Which archive each imported application came from. The key is the archive's manifest hash (with `:copy` for an
 * import as a copy), unique: two imports of the same archive at once make one application, not two.
 */
export const archiveImports: Migration = {
  name: '003-archive-imports',
  up(db) {
    db.exec(`
      CREATE TABLE archive_imports (
        archive_key TEXT PRIMARY KEY CHECK (length(archive_key) BETWEEN 64 AND 80),
        application_id INTEGER NOT NULL UNIQUE REFERENCES applications (id) ON DELETE CASCADE,
        imported_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
