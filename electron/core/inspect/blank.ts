/**
 * Whether a page is blank: nothing on it but paper. A scanned blank back still shows faint mirror-image text,
 * scanner noise, the dark edge of the scanner lid and punch holes; none of these counts. Anything else that
 * leaves a mark of some size — one line of text, a signature, a stamp — makes the page not blank.
 */
import { inkMask } from './mats.ts';
import { inkThreshold, paperLevel } from './ink.ts';
import type { Cv } from './opencv.ts';
import type { Picture } from './picture.ts';

/** A mark smaller than this on both sides is dust or noise (millimetres). */
const MIN_MARK_MM = 1.5;
/** Punch holes: round, 4–12 mm across (6 mm, 8 mm for ring binders, and their shadow), within 25 mm of an edge. */
const HOLE = { min: 4, max: 12, edge: 25 } as const;

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
  area: number;
}

function isPunchHole(b: Box, p: Picture, mm: number): boolean {
  const [w, h] = [b.w / mm, b.h / mm];
  if (w < HOLE.min || w > HOLE.max || h < HOLE.min || h > HOLE.max || Math.abs(w - h) > 0.3 * Math.max(w, h))
    return false;
  const nearEdge = Math.min(b.x, b.y, p.width - b.x - b.w, p.height - b.y - b.h) < HOLE.edge * mm;
  return nearEdge && b.area / (b.w * b.h) > 0.6;
}

/** The scanner lid's dark edge: a strip along the border, at most LID_EDGE_MM thick. A block that merely touches the border is ink. */
const LID_EDGE_MM = 10;

function isLidEdge(b: Box, p: Picture, mm: number): boolean {
  const touches = b.x === 0 || b.y === 0 || b.x + b.w >= p.width || b.y + b.h >= p.height;
  return touches && Math.min(b.w, b.h) <= LID_EDGE_MM * mm;
}

/** The marks on a page: connected areas of ink that are not noise, lid edge or punch holes. */
export function countMarks(cv: Cv, p: Picture): number {
  const mm = p.dpi / 25.4;
  const mask = inkMask(cv, p, inkThreshold(paperLevel(p)));
  const [labels, stats, centroids] = [new cv.Mat(), new cv.Mat(), new cv.Mat()];
  try {
    const n = cv.connectedComponentsWithStats(mask, labels, stats, centroids, 8, cv.CV_32S);
    let marks = 0;
    const s = stats.data32S;
    for (let i = 1; i < n; i += 1) {
      const at = i * stats.cols;
      const b: Box = { x: s[at]!, y: s[at + 1]!, w: s[at + 2]!, h: s[at + 3]!, area: s[at + 4]! };
      if (Math.max(b.w, b.h) < MIN_MARK_MM * mm || isLidEdge(b, p, mm) || isPunchHole(b, p, mm)) continue;
      marks += 1;
    }
    return marks;
  } finally {
    [mask, labels, stats, centroids].forEach((m) => m.delete());
  }
}

export function isBlank(cv: Cv, p: Picture): boolean {
  return countMarks(cv, p) === 0;
}
