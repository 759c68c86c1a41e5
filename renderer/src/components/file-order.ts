/**
 * Moving one attached file within its material (or one page within its file): the new order, and which of the moved
 * item's buttons takes the focus once the list is drawn again (the pressed one, or the nearest still enabled).
 */

export type OrderButton = 'first' | 'up' | 'down' | 'last';

/** `ids` with `id` moved to index `to` (clamped to the list). */
export function movedTo(ids: number[], id: number, to: number): number[] {
  const from = ids.indexOf(id);
  if (from < 0) return ids;
  const rest = ids.filter((x) => x !== id);
  const at = Math.min(rest.length, Math.max(0, to));
  return [...rest.slice(0, at), id, ...rest.slice(at)];
}

/** Where dropping the file dragged from `from` on item `over` (in its upper or lower half) puts it. */
export function dropIndex(from: number, over: number, lowerHalf: boolean): number {
  const insertAt = lowerHalf ? over + 1 : over;
  return from < insertAt ? insertAt - 1 : insertAt;
}

/** Names the moved item: a file by its id, a page as `pageFocusKey` says. */
export type FocusKey = number | string;

/** The focus key of one page of an attached file. */
export const pageFocusKey = (attachmentId: number, page: number): FocusKey => `page:${attachmentId}:${page}`;

// Set by a move, read once by the moved item's buttons after the list is drawn again.
const pending = new Map<FocusKey, OrderButton>();

export function focusAfterMove(key: FocusKey, button: OrderButton): void {
  pending.set(key, button);
}

export function takeFocusAfterMove(key: FocusKey): OrderButton | undefined {
  const button = pending.get(key);
  pending.delete(key);
  return button;
}
