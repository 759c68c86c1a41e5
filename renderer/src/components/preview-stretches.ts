/**
 * A long dossier previewed in stretches (第 1–50 页, 第 51–100 页 …): only one stretch is in the page at a time,
 * so a 1,200-page dossier costs no more to show than a 50-page one.
 */

export interface Stretch {
  /** Indexes into the list shown (pages or sheets), from 0, both included. */
  from: number;
  to: number;
}

/** `count` items cut into stretches of `size`; the last may be shorter. */
export function stretchesOf(count: number, size: number): Stretch[] {
  const stretches: Stretch[] = [];
  for (let from = 0; from < count; from += size) stretches.push({ from, to: Math.min(count, from + size) - 1 });
  return stretches;
}

/** The stretch holding item `index`. */
export function stretchOf(index: number, size: number): number {
  return Math.max(0, Math.floor(index / size));
}
