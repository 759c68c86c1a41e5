/**
 * The call's paper size and its exceptions in the page plan: “B5纸双面打印（设计图纸可用A3纸，特殊规定的除外）”.
 * Every page is laid on the profile's sheet; a material the profile excepts keeps pages of another paper size.
 */
import { describe, expect, it } from 'vitest';
import { contentAreaOf, tocPerPage } from '../../../electron/core/dossier/layout.ts';
import { sealCentre } from '../../../electron/core/dossier/marks.ts';
import { emptyGrid, placeMarks } from '../../../electron/core/dossier/mark-places.ts';
import { paperSizeOf, placePage, planDossier } from '../../../electron/core/dossier/plan.ts';
import {
  A4,
  SHEETS,
  mm,
  type PlanInput,
  type PlanMaterial,
  type ShownPage,
} from '../../../electron/core/dossier/types.ts';

const { A3, B5 } = SHEETS;
const seal = { official: true, crossPageWhenMultiPage: true };
const b5Rule = { sheet: B5, keepsOwnSize: false };
const excepted = { sheet: B5, keepsOwnSize: true };

function material(id: string, pages: ShownPage[], extra: Partial<PlanMaterial> = {}): PlanMaterial {
  return { id, title: `标题${id}`, status: 'included', seal, files: [{ name: `${id}.pdf`, pages }], ...extra };
}

function onB5(materials: PlanMaterial[], landscape: 'fit' | 'turn' = 'fit'): PlanInput {
  return {
    options: { duplex: true, sealMarkers: true, landscape, sealPosition: 'bottom-right' },
    paper: { numberCover: true, numberContents: true, sealOnCover: true, sheet: B5 },
    materials,
  };
}

describe('placePage on the call’s paper', () => {
  it('copies a B5 page whole onto a B5 sheet', () => {
    expect(placePage({ width: mm(176), height: mm(250) }, 'fit', b5Rule)).toMatchObject({
      mode: 'copy',
      sheet: B5,
      scale: 1,
    });
  });

  it('shrinks an A4 page into the B5 sheet’s printable area when the material has no exception', () => {
    const p = placePage({ ...A4 }, 'fit', b5Rule);
    const area = contentAreaOf(B5);
    expect(p).toMatchObject({ mode: 'fit', sheet: B5 });
    expect(p.width).toBeLessThanOrEqual(area.width + 1e-6);
    expect(p.height).toBeLessThanOrEqual(area.height + 1e-6);
    expect(p.y + p.height).toBeCloseTo(area.y + area.height);
  });

  it('keeps an A3 drawing of an excepted material on an A3 sheet, whole and at full size', () => {
    expect(placePage({ ...A3 }, 'fit', excepted)).toEqual({
      mode: 'copy',
      sheet: { width: A3.width, height: A3.height },
      turn: 0,
      scale: 1,
      x: 0,
      y: 0,
      width: A3.width,
      height: A3.height,
    });
  });

  it('keeps a landscape A3 drawing landscape, or turns it upright onto portrait A3 by the landscape rule', () => {
    const landscape = { width: A3.height, height: A3.width };
    expect(placePage(landscape, 'fit', excepted)).toMatchObject({
      mode: 'copy',
      turn: 0,
      sheet: { width: A3.height, height: A3.width },
    });
    expect(placePage(landscape, 'turn', excepted)).toMatchObject({
      mode: 'copy',
      turn: 270,
      sheet: { width: A3.width, height: A3.height },
    });
    // The clerk's own turn wins over the rule.
    expect(placePage({ ...landscape, clerkTurn: 90 }, 'turn', excepted)).toMatchObject({
      mode: 'copy',
      turn: 90,
      sheet: { width: A3.width, height: A3.height },
    });
  });

  it('fits pages of no paper size and images onto the call’s sheet even in an excepted material', () => {
    expect(placePage({ width: 300, height: 200 }, 'fit', excepted)).toMatchObject({ mode: 'fit', sheet: B5 });
    expect(placePage({ ...A3, isImage: true }, 'fit', excepted)).toMatchObject({ mode: 'fit', sheet: B5 });
  });

  it('lays everything on A4 when no rule is given (the 2025 call)', () => {
    expect(placePage({ ...A3 }, 'fit').sheet).toEqual(A4);
    expect(placePage({ ...A4 }, 'fit')).toMatchObject({ mode: 'copy', sheet: A4 });
  });

  it('names the paper size of a box either way up, within a point', () => {
    expect(paperSizeOf(842, 1191)).toBe(A3);
    expect(paperSizeOf(1190.55, 841.89)).toBe(A3);
    expect(paperSizeOf(612, 792)).toBe(SHEETS.letter);
    expect(paperSizeOf(600, 800)).toBeUndefined();
  });
});

describe('planDossier on B5 with an A3 exception', () => {
  const plan = planDossier(
    onB5([
      material('form', [{ ...B5 }, { ...A4 }]),
      material('drawings', [{ ...A3 }, { width: A3.height, height: A3.width }], { keepsOwnSize: true }),
    ]),
  );
  const content = plan.pages.filter((p) => p.kind === 'content');

  it('gives the plan the call’s sheet for its own pages', () => {
    expect(plan.sheet).toEqual(B5);
  });

  it('lays the form’s pages on B5 and keeps the drawings at A3', () => {
    expect(content.map((p) => p.placement?.sheet)).toEqual([
      B5,
      B5,
      { width: A3.width, height: A3.height },
      { width: A3.height, height: A3.width },
    ]);
  });

  it('numbers and marks the pages as on A4: the sheet changes nothing of the order', () => {
    expect(plan.pages.map((p) => p.marks.number?.value ?? null)).toEqual([1, null, 2, null, 3, 4, 5, 6]);
    expect(content.map((p) => [p.marks.seal, p.marks.crossPage])).toEqual([
      ['bottom-right', true],
      [undefined, undefined],
      ['bottom-right', true],
      [undefined, undefined],
    ]);
  });

  it('puts fewer contents entries on a B5 page than on A4, more on A3', () => {
    expect(tocPerPage(A4)).toBe(13);
    expect(tocPerPage(B5)).toBeLessThan(13);
    expect(tocPerPage(A3)).toBeGreaterThan(13);
    const many = Array.from({ length: 12 }, (_, i) => material(`m${i}`, [{ ...B5 }]));
    expect(planDossier(onB5(many)).tocPages).toBe(2);
  });

  it('places the 公章 mark in the corner of each page’s own sheet', () => {
    const grids = new Map([[7, emptyGrid(undefined, { width: A3.width, height: A3.height })]]);
    const placed = placeMarks(plan, grids);
    const drawing = placed.pages[6]!;
    expect(drawing.marks.sealAt).toMatchObject({ ...sealCentre('bottom-right', A3), choice: 'chosen' });
    const form = placed.pages[4]!;
    expect(form.marks.sealAt).toMatchObject({ ...sealCentre('bottom-right', B5), choice: 'unchecked' });
    expect(sealCentre('bottom-right', A3).x).toBeCloseTo(A3.width - mm(35));
  });
});
