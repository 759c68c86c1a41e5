import type { Migration } from './index.ts';

/**
 * The order the clerk put an attached file's pages in: its source page numbers (from 1) as a JSON list, each page
 * once, in the order the dossier prints them. No row, the file's own order.
 */
export const pageOrders: Migration = {
  name: '008-page-orders',
  up(db) {
    db.exec(`
      CREATE TABLE page_orders (
        attachment_id INTEGER PRIMARY KEY REFERENCES attachments (id) ON DELETE CASCADE,
        pages TEXT NOT NULL CHECK (json_valid(pages) AND json_type(pages) = 'array')
      ) STRICT;
    `);
  },
};
