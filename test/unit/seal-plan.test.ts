import { describe, expect, it } from 'vitest';
import type { PageMap } from '#shared/contract/workflow.ts';
import { printedNumberOf, printedSheets, sealPlan, sheetOf, sideOf } from '#shared/dossier/seal-plan.ts';

/** Cover (1), blank back (2), contents (3), a 3-page material (5–7 after a blank 4), a 1-page one (9). */
const duplexMap: PageMap = {
  pages: 9,
  sections: [
    { id: 'cover', title: '封面', firstPage: 1, lastPage: 1, firstNumber: 1, lastNumber: 1 },
    { id: 'toc', title: '目录', firstPage: 3, lastPage: 3, firstNumber: 2, lastNumber: 2 },
    { id: 'service-contract', title: '服务合同', firstPage: 5, lastPage: 7, firstNumber: 3, lastNumber: 5 },
    { id: 'construction-plan', title: '建设方案', firstPage: 9, lastPage: 9, firstNumber: 6, lastNumber: 6 },
  ],
  blankPages: [2, 4, 8],
  warnings: [],
  notices: [],
};

const seal = { official: true, crossPageWhenMultiPage: true };

describe('sealPlan', () => {
  it('puts pages on sheets two a sheet in duplex, one in simplex', () => {
    expect([1, 2, 3, 4, 5].map((p) => sheetOf(p, true))).toEqual([1, 1, 2, 2, 3]);
    expect([1, 2, 3].map((p) => sheetOf(p, false))).toEqual([1, 2, 3]);
    expect(sideOf(6, true)).toEqual({ sheet: 3, side: 'back' });
    expect(sideOf(6, false)).toEqual({ sheet: 6, side: 'front' });
  });

  it('gives each material its sheets, the 公章 on its first page and the 骑缝章 across all its sheets', () => {
    const rows = sealPlan(duplexMap, { duplex: true }, { 'service-contract': seal, 'construction-plan': seal });
    const contract = rows.find((r) => r.id === 'service-contract')!;
    expect(contract).toMatchObject({
      firstNumber: 3,
      lastNumber: 5,
      pageCount: 3,
      firstSheet: 3,
      lastSheet: 4,
      sheetCount: 2,
    });
    expect(contract.officialSeal).toEqual({ sheet: 3, side: 'front' });
    expect(contract.crossPageSheets).toEqual([3, 4]);
    const plan = rows.find((r) => r.id === 'construction-plan')!;
    expect(plan).toMatchObject({ firstSheet: 5, lastSheet: 5, crossPageSheets: [] });
  });

  it('seals the cover, not the contents, and follows a material rule that needs no seal', () => {
    const rows = sealPlan(
      duplexMap,
      { duplex: true },
      { 'service-contract': { official: false, crossPageWhenMultiPage: false } },
    );
    expect(rows[0]!.officialSeal).toEqual({ sheet: 1, side: 'front' });
    expect(rows[1]!.officialSeal).toBeNull();
    expect(rows[2]!.officialSeal).toBeNull();
    expect(rows[2]!.crossPageSheets).toEqual([]);
  });

  it('counts one sheet a page in simplex', () => {
    const simplex: PageMap = {
      pages: 4,
      sections: [
        { id: 'cover', title: '封面', firstPage: 1, lastPage: 1, firstNumber: 1, lastNumber: 1 },
        { id: 'service-contract', title: '服务合同', firstPage: 2, lastPage: 4, firstNumber: 2, lastNumber: 4 },
      ],
      blankPages: [],
      warnings: [],
      notices: [],
    };
    const row = sealPlan(simplex, { duplex: false }, { 'service-contract': seal })[1]!;
    expect(row).toMatchObject({ firstSheet: 2, lastSheet: 4, sheetCount: 3, crossPageSheets: [2, 3, 4] });
  });
});

describe('printedSheets', () => {
  it('pairs fronts and backs in duplex and leaves a last back empty', () => {
    expect(printedSheets({ pages: 3 }, true)).toEqual([
      { sheet: 1, front: 1, back: 2 },
      { sheet: 2, front: 3, back: null },
    ]);
    expect(printedSheets({ pages: 2 }, false)).toEqual([
      { sheet: 1, front: 1, back: null },
      { sheet: 2, front: 2, back: null },
    ]);
  });

  it('reads the printed number of a physical page, none on a blank', () => {
    expect(printedNumberOf(duplexMap, 6)).toBe(4);
    expect(printedNumberOf(duplexMap, 4)).toBeNull();
    expect(printedNumberOf(duplexMap, 9)).toBe(6);
  });
});
