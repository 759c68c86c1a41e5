import type { Migration } from './index.ts';

/**
 * The automatic fixes (crop a photo, split a long image, straighten, reduce) the clerk turned off for a whole
 * attached file: a row means "off"; no row, the inspection's proposal applies as `options.autoFix` says.
 */
export const fileFixes: Migration = {
  name: '007-file-fixes',
  up(db) {
    db.exec(`
      CREATE TABLE file_fixes_off (
        attachment_id INTEGER NOT NULL REFERENCES attachments (id) ON DELETE CASCADE,
        fix TEXT NOT NULL CHECK (fix IN ('crop', 'split', 'straighten', 'reduce')),
        PRIMARY KEY (attachment_id, fix)
      ) STRICT;
    `);
  },
};
