/**
 * The order of an attached file's pages as the clerk set it: its source page numbers (from 1) in print order, each
 * page once. Pure data, used alike by the service (to refuse a wrong order), the assembly and the window.
 */

/** Whether `order` lists each of pages 1…`count` exactly once. */
export function isPageOrder(order: readonly unknown[], count: number): order is number[] {
  if (order.length !== count) return false;
  const seen = new Set<number>();
  for (const page of order) {
    if (typeof page !== 'number' || !Number.isInteger(page) || page < 1 || page > count || seen.has(page)) return false;
    seen.add(page);
  }
  return true;
}

/** Pages 1…`count` in the file's own order. */
export function naturalOrder(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i + 1);
}

/** Whether `order` is the file's own order (no change to store). */
export function isNaturalOrder(order: readonly number[]): boolean {
  return order.every((page, i) => page === i + 1);
}
