/** Where the 公章 and 骑缝章 marks go on pages that already carry ink, from a coarse ink grid (pure). */
import { describe, expect, it } from 'vitest';
import { margins, seal } from '../../../electron/core/dossier/layout.ts';
import {
  edgeBox,
  emptyGrid,
  inkBox,
  inkIn,
  placeEdge,
  placeMarks,
  placeSeal,
  sealBox,
  type InkGrid,
} from '../../../electron/core/dossier/mark-places.ts';
import { sealCentre } from '../../../electron/core/dossier/marks.ts';
import { planDossier } from '../../../electron/core/dossier/plan.ts';
import { A4, mm, type PlanMaterial } from '../../../electron/core/dossier/types.ts';
import { edgePlaceText, sealPlaceText } from '#shared/dossier/mark-spots.ts';
import { sealPlan } from '#shared/dossier/seal-plan.ts';

const R = seal.diameter / 2;
const lowerHalf = A4.height / 2;

function gridWith(...boxes: [number, number, number, number, (1 | 2)?][]): InkGrid {
  const grid = emptyGrid();
  for (const [x0, y0, x1, y1, kind] of boxes) inkBox(grid, [x0, y0, x1, y1], kind ?? 1);
  return grid;
}

describe('placeSeal', () => {
  it('keeps the chosen corner when no ink is there', () => {
    const grid = gridWith([mm(20), A4.height - mm(100), A4.width - mm(20), A4.height - mm(20)]);
    expect(placeSeal(grid, 'bottom-right')).toEqual({ ...sealCentre('bottom-right'), r: R, choice: 'chosen' });
  });

  it('moves off a red seal in the corner to the nearest free place in the lower half, and says it was a seal', () => {
    const home = sealCentre('bottom-right');
    const grid = gridWith([home.x - mm(22), home.y - mm(22), home.x + mm(22), home.y + mm(22), 2]);
    const spot = placeSeal(grid, 'bottom-right');
    expect(spot).toMatchObject({ choice: 'moved', avoided: 'seal' });
    expect(inkIn(grid, sealBox(spot.x, spot.y))).toBe(0);
    expect(spot.y + R).toBeLessThanOrEqual(lowerHalf);
    // Nearest: just clear of the old seal (its 22 mm half width plus the mark's 20 mm radius, a cell or two of slack).
    expect(Math.hypot(spot.x - home.x, spot.y - home.y)).toBeLessThan(mm(42 + 5));
  });

  it('calls text or a signature ink, not a seal', () => {
    const home = sealCentre('bottom-left');
    const grid = gridWith([home.x - mm(5), home.y - mm(3), home.x + mm(30), home.y + mm(3)]);
    expect(placeSeal(grid, 'bottom-left')).toMatchObject({ choice: 'moved', avoided: 'ink' });
  });

  it('falls back to the corner, and says so, when the whole lower half is inked', () => {
    const grid = gridWith([0, 0, A4.width, lowerHalf + mm(5)]);
    expect(placeSeal(grid, 'bottom-right')).toEqual({
      ...sealCentre('bottom-right'),
      r: R,
      choice: 'crowded',
      avoided: 'ink',
    });
  });

  it('stays in the corner, unchecked, for a page it could not look at', () => {
    expect(placeSeal(undefined, 'top-left')).toMatchObject({ ...sealCentre('top-left'), choice: 'unchecked' });
  });

  it('keeps clear of the page’s 骑缝章 mark', () => {
    const home = sealCentre('bottom-right');
    const grid = gridWith([home.x - mm(22), home.y - mm(22), A4.width, home.y + mm(22)]);
    const edge = edgeBox(home.y + mm(45));
    const spot = placeSeal(grid, 'bottom-right', [edge]);
    const box = sealBox(spot.x, spot.y);
    expect(box[2] <= edge[0] || box[3] <= edge[1] || box[1] >= edge[3]).toBe(true);
  });
});

describe('placeEdge', () => {
  it('takes the middle of the fore-edge when it is free on every page', () => {
    expect(placeEdge([emptyGrid(), emptyGrid()])).toMatchObject({ y: A4.height / 2, choice: 'chosen' });
  });

  it('moves to the nearest height free on all the pages when text runs to the edge on one of them', () => {
    const text = gridWith([mm(20), A4.height / 2 - mm(30), A4.width, A4.height / 2 + mm(60)]);
    const spot = placeEdge([emptyGrid(), text]);
    expect(spot).toMatchObject({ choice: 'moved', avoided: 'ink' });
    expect(inkIn(text, edgeBox(spot.y))).toBe(0);
    expect(spot.y).toBeLessThan(A4.height / 2);
    expect(spot.y - R).toBeGreaterThanOrEqual(margins.bottom);
  });

  it('stays in the middle, crowded, when the whole edge is inked', () => {
    expect(placeEdge([gridWith([0, 0, A4.width, A4.height])])).toMatchObject({
      y: A4.height / 2,
      choice: 'crowded',
    });
  });
});

describe('placeMarks', () => {
  const a4 = { width: A4.width, height: A4.height };
  const material: PlanMaterial = {
    id: 'audit-report',
    title: '审计报告',
    status: 'included',
    seal: { official: true, crossPageWhenMultiPage: true },
    files: [{ name: 'audit.pdf', pages: [a4, a4, a4] }],
  };
  const laidOut = planDossier({
    options: { duplex: false, sealMarkers: true, landscape: 'fit', sealPosition: 'bottom-right' },
    materials: [material],
  });
  const first = laidOut.pages.find((p) => p.kind === 'content')!.physical;
  const home = sealCentre('bottom-right');
  const plan = placeMarks(
    laidOut,
    new Map([[first, gridWith([home.x - mm(22), home.y - mm(22), home.x + mm(22), home.y + mm(22), 2])]]),
  );

  it('writes each mark’s place into the pages and the page map, and leaves the cover where laid out', () => {
    const page = plan.pages[first - 1]!;
    expect(page.marks.sealAt).toMatchObject({ choice: 'moved', avoided: 'seal' });
    expect(page.marks.crossPageAt).toMatchObject({ choice: 'chosen' });
    expect(plan.pageMap.pageList![first - 1]!.marks!.seal).toMatchObject({ corner: 'bottom-right', choice: 'moved' });
    expect(plan.pages[0]!.marks.sealAt).toBeUndefined();
    expect(plan.pageMap.pageList![0]!.marks!.seal).toMatchObject({ corner: 'bottom-right', choice: 'chosen' });
  });

  it('tells the seal plan where the marks are, in words', () => {
    const rows = sealPlan(plan.pageMap, { duplex: false });
    expect(rows[0]!.officialSealPlace).toBe('右下角');
    const audit = rows.find((r) => r.id === 'audit-report')!;
    expect(audit.officialSealPlace).toMatch(/^下半部(左侧|中部|右侧)，避开已有印章$/);
    expect(audit.crossPagePlace).toBe('右侧页边中部');
  });
});

describe('the words for a mark’s place', () => {
  it('names the corner, the side of the lower half it moved to and what it avoided, or why it could not move', () => {
    expect(sealPlaceText('bottom-left', { x: 100, y: 140, r: R, choice: 'chosen' })).toBe('左下角');
    expect(sealPlaceText('bottom-right', { x: 100, y: 200, r: R, choice: 'moved', avoided: 'seal' })).toBe(
      '下半部左侧，避开已有印章',
    );
    expect(sealPlaceText('bottom-right', { x: 500, y: 140, r: R, choice: 'crowded', avoided: 'ink' })).toBe(
      '右下角，页面下半部没有空处，盖章时请避开原有文字或签名',
    );
    expect(edgePlaceText({ y: 300, r: R, choice: 'moved', avoided: 'ink' })).toBe('右侧页边偏下，避开原有文字或签名');
    expect(edgePlaceText({ y: A4.height / 2, r: R, choice: 'unchecked' })).toBe('右侧页边中部');
  });
});
