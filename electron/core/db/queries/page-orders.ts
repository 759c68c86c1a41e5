/** The order the clerk put an attached file's pages in (absent: the file's own order). */
import { isPageOrder } from '#shared/page-order.ts';
import type { Db } from '../connection.ts';

/**
 * The stored order of this attachment's pages (source page numbers from 1, in print order), or undefined when the
 * file keeps its own order. A stored list that is not an order of `pageCount` pages is ignored (the file's order).
 */
export function getPageOrder(db: Db, attachmentId: number, pageCount?: number): number[] | undefined {
  const row = db.prepare('SELECT pages FROM page_orders WHERE attachment_id = ?').get(attachmentId) as
    { pages: string } | undefined;
  if (!row) return undefined;
  const pages: unknown = JSON.parse(row.pages);
  if (!Array.isArray(pages) || !isPageOrder(pages, pageCount ?? pages.length)) return undefined;
  return pages as number[];
}

/** Stores the order of this attachment's pages, or (null) takes it back: the file's own order again. */
export function setPageOrder(db: Db, attachmentId: number, pages: readonly number[] | null): void {
  if (pages === null) {
    db.prepare('DELETE FROM page_orders WHERE attachment_id = ?').run(attachmentId);
    return;
  }
  db.prepare(
    `INSERT INTO page_orders (attachment_id, pages) VALUES (?, ?)
     ON CONFLICT (attachment_id) DO UPDATE SET pages = excluded.pages`,
  ).run(attachmentId, JSON.stringify(pages));
}
