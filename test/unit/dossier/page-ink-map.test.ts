/** A page's stored ink (kept by the inspection, in the page's own picture) placed on the sheet grid (pure). */
import { describe, expect, it } from 'vitest';
import { gridOf, gridOfPageInk } from '../../../electron/core/dossier/ink-map.ts';
import { inkIn, type InkGrid } from '../../../electron/core/dossier/mark-places.ts';
import { A4, type Placement, type QuarterTurn } from '../../../electron/core/dossier/types.ts';
import type { ColourPicture } from '../../../electron/core/inspect/colour-pages.ts';
import { pageInk, pageInkCells } from '../../../electron/core/inspect/page-ink.ts';

/** A 200 × 280 pixel page picture (A4-ish at 24 dpi) on white, with rectangles of the given colours. */
function picture(...blocks: [number, number, number, number, [number, number, number]][]): ColourPicture {
  const [width, height] = [200, 280];
  const data = new Uint8Array(width * height * 3).fill(250);
  for (const [x0, y0, x1, y1, rgb] of blocks)
    for (let y = y0; y < y1; y += 1) for (let x = x0; x < x1; x += 1) data.set(rgb, 3 * (y * width + x));
  return { data, width, height };
}

const BLACK: [number, number, number] = [20, 20, 20];
const RED: [number, number, number] = [220, 30, 30];

/** The placed box: 400 × 560 points upright, 560 × 400 when turned a quarter, at (50, 100). */
function placement(turn: QuarterTurn): Placement {
  const [width, height] = turn % 180 === 0 ? [400, 560] : [560, 400];
  return { mode: 'fit', turn, scale: 1, x: 50, y: 100, width, height, sheet: A4 };
}

/** The sheet cells inked in `grid`, as row*cols+col. */
const inked = (grid: InkGrid) => [...grid.cells.keys()].filter((i) => grid.cells[i]! > 0);

describe('stored page ink on the sheet', () => {
  // Black in the page's top-left corner, red in its bottom-right corner, as shown.
  const page = picture([0, 0, 30, 20, BLACK], [160, 240, 200, 280, RED]);
  const ink = pageInk(page);

  it('keeps the picture small: one byte a 2 × 2 pixel cell, deflated', () => {
    expect([ink.cols, ink.rows]).toEqual([100, 140]);
    expect(pageInkCells(ink)!.filter((k) => k === 2).length).toBe(20 * 20);
    expect(ink.cells.length).toBeLessThan(400);
  });

  // Where the page's top-left and bottom-right corners land on the sheet after each clockwise quarter turn.
  const corners: Record<QuarterTurn, { topLeft: [number, number]; bottomRight: [number, number] }> = {
    0: { topLeft: [60, 650], bottomRight: [440, 110] },
    90: { topLeft: [600, 490], bottomRight: [60, 110] },
    180: { topLeft: [440, 110], bottomRight: [60, 650] },
    270: { topLeft: [60, 110], bottomRight: [600, 490] },
  };

  for (const turn of [0, 90, 180, 270] as const) {
    it(`puts the ink where the drawn page would, turned ${turn}°`, () => {
      const p = placement(turn);
      const stored = gridOfPageInk(ink, p)!;
      const drawn = gridOf(page, p);
      const { topLeft, bottomRight } = corners[turn];
      const near = ([x, y]: [number, number]) => [x - 5, y - 5, x + 5, y + 5] as [number, number, number, number];
      expect(inkIn(stored, near(topLeft))).toBe(1);
      expect(inkIn(stored, near(bottomRight))).toBe(2);
      // Every cell the drawing inks is inked from the stored ink, and hardly any more (a cell's width of slack).
      const fromStored = new Set(inked(stored));
      expect(inked(drawn).every((i) => fromStored.has(i))).toBe(true);
      expect(fromStored.size).toBeLessThanOrEqual(inked(drawn).length * 1.5);
      // Nothing away from the two corners.
      expect(
        inkIn(stored, [p.x + p.width / 3, p.y + p.height / 3, p.x + (2 * p.width) / 3, p.y + (2 * p.height) / 3]),
      ).toBe(0);
    });
  }

  it('refuses cells that are not what the stored ink says (a damaged row): the page is drawn instead', () => {
    expect(gridOfPageInk({ ...ink, cols: ink.cols + 1 }, placement(0))).toBeUndefined();
    expect(gridOfPageInk({ ...ink, cells: 'not deflate' }, placement(0))).toBeUndefined();
  });
});
