import type { Migration } from './index.ts';

/**
 * Per attachment: whether the clerk keeps its review markup on paper, and what its paper copy leaves out
 * (the notices found when it was attached, as a JSON array) for the material's card.
 */
export const contentOptions: Migration = {
  name: '004-content-options',
  up(db) {
    db.exec(`
      ALTER TABLE attachments ADD COLUMN keep_markup INTEGER NOT NULL DEFAULT 0 CHECK (keep_markup IN (0, 1));
      ALTER TABLE attachments ADD COLUMN content_notices TEXT NOT NULL DEFAULT '[]';
    `);
  },
};
