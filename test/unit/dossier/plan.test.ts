import { describe, expect, it } from 'vitest';
import { contentArea, TOC_PER_PAGE } from '../../../electron/core/dossier/layout.ts';
import { isA4Portrait, placePage, planDossier } from '../../../electron/core/dossier/plan.ts';
import {
  A4,
  type PagePlan,
  type PlanInput,
  type PlanMaterial,
  type ShownPage,
} from '../../../electron/core/dossier/types.ts';

const a4 = { width: A4.width, height: A4.height };
const seal = { official: true, crossPageWhenMultiPage: true };

function material(id: string, pagesPerFile: number[], extra: Partial<PlanMaterial> = {}): PlanMaterial {
  return {
    id,
    title: `标题${id}`,
    status: 'included',
    seal,
    files: pagesPerFile.map((n, i) => ({ name: `${id}-${i}.pdf`, pages: Array.from({ length: n }, () => a4) })),
    ...extra,
  };
}

function input(materials: PlanMaterial[], options: Partial<PlanInput['options']> = {}): PlanInput {
  return {
    options: { duplex: true, sealMarkers: true, landscape: 'fit', sealPosition: 'bottom-right', ...options },
    materials,
  };
}

const kinds = (plan: PagePlan) => plan.pages.map((p) => p.kind);
const numbers = (plan: PagePlan) => plan.pages.map((p) => p.marks.number?.value ?? null);

describe('planDossier: duplex', () => {
  const plan = planDossier(input([material('a', [3]), material('b', [1]), material('c', [2, 2])]));

  it('keeps the cover back blank and starts the contents and every material on a front', () => {
    expect(kinds(plan)).toEqual([
      'cover',
      'blank',
      'toc',
      'blank',
      'content',
      'content',
      'content',
      'blank',
      'content',
      'blank',
      'content',
      'content',
      'content',
      'content',
    ]);
    for (const s of plan.pageMap.sections) expect(s.firstPage % 2).toBe(1);
    expect(plan.pageMap.blankPages).toEqual([2, 4, 8, 10]);
  });

  it('numbers every non-blank page from the cover on, skipping blanks', () => {
    expect(numbers(plan)).toEqual([1, null, 2, null, 3, 4, 5, null, 6, null, 7, 8, 9, 10]);
  });

  it('puts numbers on the outer side: right on fronts, left on backs', () => {
    for (const p of plan.pages) {
      if (!p.marks.number) continue;
      expect(p.marks.number.side).toBe(p.physical % 2 === 1 ? 'right' : 'left');
    }
  });

  it('gives the page map and the contents the printed ranges', () => {
    expect(plan.pageMap.sections).toEqual([
      { id: 'cover', title: '封面', firstPage: 1, lastPage: 1, firstNumber: 1, lastNumber: 1 },
      { id: 'toc', title: '目录', firstPage: 3, lastPage: 3, firstNumber: 2, lastNumber: 2 },
      { id: 'a', title: '标题a', firstPage: 5, lastPage: 7, firstNumber: 3, lastNumber: 5 },
      { id: 'b', title: '标题b', firstPage: 9, lastPage: 9, firstNumber: 6, lastNumber: 6 },
      { id: 'c', title: '标题c', firstPage: 11, lastPage: 14, firstNumber: 7, lastNumber: 10 },
    ]);
    expect(plan.toc.map((e) => [e.id, e.firstNumber, e.lastNumber])).toEqual([
      ['a', 3, 5],
      ['b', 6, 6],
      ['c', 7, 10],
    ]);
  });

  it('inserts no blank when a material already ends on a back', () => {
    const even = planDossier(input([material('a', [2]), material('b', [1])]));
    expect(even.pageMap.blankPages).toEqual([2, 4]);
    expect(even.pageMap.sections.map((s) => s.firstPage)).toEqual([1, 3, 5, 7]);
  });

  it('keeps files of one material in the clerk’s order, pages in order', () => {
    const sources = plan.pages.flatMap((p) =>
      p.kind === 'content' && p.section === 'c' ? [[p.source.file, p.source.page]] : [],
    );
    expect(sources).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ]);
  });
});

describe('planDossier: seal marks', () => {
  it('marks the cover and each material’s first page, and the fronts of multi-page materials', () => {
    const plan = planDossier(input([material('a', [4]), material('b', [1])]));
    const seals = plan.pages.filter((p) => p.marks.seal).map((p) => p.physical);
    expect(seals).toEqual([1, 5, 9]);
    const cross = plan.pages.filter((p) => p.marks.crossPage).map((p) => p.physical);
    expect(cross).toEqual([5, 7]);
  });

  it('marks every page of a multi-page material in simplex (all are fronts)', () => {
    const plan = planDossier(input([material('a', [3])], { duplex: false }));
    expect(plan.pages.filter((p) => p.marks.crossPage).map((p) => p.physical)).toEqual([3, 4, 5]);
  });

  it('draws no seal marks when they are turned off, and none where the profile asks for none', () => {
    expect(
      planDossier(input([material('a', [3])], { sealMarkers: false })).pages.some(
        (p) => p.marks.seal || p.marks.crossPage,
      ),
    ).toBe(false);
    const plain = planDossier(
      input([material('a', [3], { seal: { official: false, crossPageWhenMultiPage: false } })]),
    );
    expect(plain.pages.filter((p) => p.marks.seal).map((p) => p.physical)).toEqual([1]);
    expect(plain.pages.some((p) => p.marks.crossPage)).toBe(false);
  });

  it('uses the clerk’s seal position', () => {
    const plan = planDossier(input([material('a', [1])], { sealPosition: 'top-left' }));
    expect(plan.pages.filter((p) => p.marks.seal).map((p) => p.marks.seal)).toEqual(['top-left', 'top-left']);
  });

  it('never marks a blank page', () => {
    const plan = planDossier(input([material('a', [1]), material('b', [3])]));
    for (const p of plan.pages.filter((x) => x.kind === 'blank')) expect(p.marks).toEqual({});
  });
});

describe('planDossier: simplex, exempt and missing materials', () => {
  it('inserts no blank pages in simplex and centres the numbers', () => {
    const plan = planDossier(input([material('a', [1]), material('b', [2])], { duplex: false }));
    expect(plan.pageMap.blankPages).toEqual([]);
    expect(numbers(plan)).toEqual([1, 2, 3, 4, 5]);
    expect(plan.pages.every((p) => p.marks.number?.side === 'center')).toBe(true);
  });

  it('lists exempt and not-applicable materials in the contents without pages, and warns of missing ones', () => {
    const plan = planDossier(
      input([
        material('a', [1]),
        material('b', [], { status: 'exempt', reason: '已关联电子证照' }),
        material('c', [], { status: 'not-applicable', reason: '不涉及' }),
        material('d', [], { status: 'missing' }),
      ]),
    );
    expect(plan.pageMap.sections.map((s) => s.id)).toEqual(['cover', 'toc', 'a']);
    expect(plan.toc.map((e) => [e.id, e.status, e.firstNumber ?? null])).toEqual([
      ['a', 'included', 3],
      ['b', 'exempt', null],
      ['c', 'not-applicable', null],
      ['d', 'missing', null],
    ]);
    expect(plan.toc[1]!.reason).toBe('已关联电子证照');
    expect(plan.pageMap.warnings).toHaveLength(1);
    expect(plan.pageMap.warnings[0]).toContain('标题d');
  });

  it('spreads a long contents over several pages, each numbered, the materials still on fronts', () => {
    const many = Array.from({ length: TOC_PER_PAGE + 2 }, (_, i) => material(`m${i}`, [1]));
    const plan = planDossier(input(many));
    expect(plan.tocPages).toBe(2);
    const toc = plan.pageMap.sections.find((s) => s.id === 'toc')!;
    expect([toc.firstPage, toc.lastPage, toc.firstNumber, toc.lastNumber]).toEqual([3, 4, 2, 3]);
    for (const s of plan.pageMap.sections) expect(s.firstPage % 2).toBe(1);
  });
});

describe('planDossier: pages whose size is not known yet', () => {
  it('numbers and marks them like any other, leaving the placement to drawing time', () => {
    const unsized: ShownPage[] = [{}, { clerkTurn: 90 }];
    const plan = planDossier(input([{ ...material('a', []), files: [{ name: 'a.pdf', pages: unsized }] }]));
    const pages = plan.pages.filter((p) => p.kind === 'content');
    expect(pages.map((p) => p.marks.number?.value)).toEqual([3, 4]);
    expect(pages.every((p) => p.kind === 'content' && p.placement === undefined)).toBe(true);
    expect(pages[0]!.marks.seal).toBe('bottom-right');
  });
});

describe('planDossier: invariants over many shapes', () => {
  it('holds parity, numbering and coverage for every combination tried', () => {
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let trial = 0; trial < 300; trial += 1) {
      const duplex = rand(2) === 0;
      const mats = Array.from({ length: 1 + rand(9) }, (_, i) =>
        material(
          `m${i}`,
          Array.from({ length: 1 + rand(3) }, () => rand(5)),
        ),
      );
      const plan = planDossier(input(mats, { duplex }));
      const { sections, blankPages, pages } = plan.pageMap;
      expect(plan.pages).toHaveLength(pages);
      const covered = sections.flatMap((s) =>
        Array.from({ length: s.lastPage - s.firstPage + 1 }, (_, k) => s.firstPage + k),
      );
      expect([...covered, ...blankPages].sort((a, b) => a - b)).toEqual(Array.from({ length: pages }, (_, k) => k + 1));
      const printed = plan.pages.filter((p) => p.kind !== 'blank').map((p) => p.marks.number!.value);
      expect(printed).toEqual(printed.map((_, k) => k + 1));
      if (duplex) for (const s of sections) expect(s.firstPage % 2).toBe(1);
      else expect(blankPages).toEqual([]);
      // A blank back is only ever inserted right before a section that would otherwise start on a back.
      for (const b of blankPages) expect(sections.some((s) => s.firstPage === b + 1)).toBe(true);
      const expected = mats.map((m) => m.files.reduce((n, f) => n + f.pages.length, 0));
      mats.forEach((m, i) => {
        const s = sections.find((x) => x.id === m.id);
        expect(s ? s.lastPage - s.firstPage + 1 : 0).toBe(expected[i]);
      });
    }
  });
});

describe('placePage', () => {
  const inside = (p: ReturnType<typeof placePage>) => {
    expect(p.x).toBeGreaterThanOrEqual(contentArea.x - 1e-6);
    expect(p.y).toBeGreaterThanOrEqual(contentArea.y - 1e-6);
    expect(p.x + p.width).toBeLessThanOrEqual(contentArea.x + contentArea.width + 1e-6);
    expect(p.y + p.height).toBeLessThanOrEqual(contentArea.y + contentArea.height + 1e-6);
  };

  it('copies a page that shows A4 portrait, including the common 595 × 842', () => {
    expect(placePage(a4, 'fit')).toMatchObject({ mode: 'copy', turn: 0, scale: 1 });
    expect(placePage({ width: 595, height: 842 }, 'fit').mode).toBe('copy');
    expect(isA4Portrait(596.5, 841.89)).toBe(false);
  });

  it('fits Letter inside the margins, upright, shrunk', () => {
    const p = placePage({ width: 612, height: 792 }, 'fit');
    expect(p).toMatchObject({ mode: 'fit', turn: 0 });
    expect(p.scale).toBeLessThan(1);
    inside(p);
  });

  it('keeps a landscape page upright with fit, and turns it anticlockwise to fill with turn', () => {
    const a3 = { width: 1190.55, height: 841.89 };
    const fit = placePage(a3, 'fit');
    expect(fit.turn).toBe(0);
    expect(fit.width).toBeGreaterThan(fit.height);
    inside(fit);
    const turned = placePage(a3, 'turn');
    expect(turned.turn).toBe(270);
    expect(turned.height).toBeGreaterThan(turned.width);
    expect(turned.scale).toBeGreaterThan(fit.scale);
    inside(turned);
  });

  it('never turns a page that shows portrait, even with turn', () => {
    expect(placePage({ width: 612, height: 792 }, 'turn').turn).toBe(0);
    expect(placePage({ width: 300, height: 400, isImage: true }, 'turn').turn).toBe(0);
  });

  it('lets the clerk turn a page, overriding the landscape rule; an A4 page turned stays full size', () => {
    expect(placePage({ ...a4, clerkTurn: 180 }, 'fit')).toMatchObject({ mode: 'copy', turn: 180, scale: 1 });
    expect(placePage({ width: a4.height, height: a4.width, clerkTurn: 90 }, 'fit')).toMatchObject({
      mode: 'copy',
      turn: 90,
      scale: 1,
    });
    expect(placePage({ ...a4, clerkTurn: 90 }, 'fit')).toMatchObject({ mode: 'fit', turn: 90 });
    const sideways = placePage({ width: 842, height: 595, clerkTurn: 90 }, 'fit');
    expect(sideways.turn).toBe(90);
    expect(sideways.height).toBeGreaterThan(sideways.width);
  });

  it('keeps a landscape page as it is under turn when the clerk set its turn to 0', () => {
    const a3 = { width: 1190.55, height: 841.89 };
    expect(placePage({ ...a3, clerkTurn: 0 }, 'turn').turn).toBe(0);
    expect(placePage({ ...a3, clerkTurn: 90 }, 'turn').turn).toBe(90);
  });

  it('scales images to fill the area but never enlarges a small PDF page', () => {
    const image = placePage({ width: 300, height: 400, isImage: true }, 'fit');
    expect(Math.max(image.width / contentArea.width, image.height / contentArea.height)).toBeCloseTo(1, 6);
    const receipt = placePage({ width: 300, height: 200 }, 'fit');
    expect(receipt.scale).toBe(1);
    inside(receipt);
  });
});

describe('planDossier: the profile’s paper rules', () => {
  const materials = [material('a', [2])];

  it('numbers from the contents when the guide leaves the cover unnumbered', () => {
    const plan = planDossier({
      ...input(materials),
      paper: { numberCover: false, numberContents: true, sealOnCover: true },
    });
    expect(numbers(plan)).toEqual([null, null, 1, null, 2, 3]);
    expect(plan.pageMap.sections.map((s) => [s.id, s.firstNumber, s.lastNumber])).toEqual([
      ['cover', 0, 0],
      ['toc', 1, 1],
      ['a', 2, 3],
    ]);
  });

  it('numbers neither cover nor contents when the guide numbers only the materials', () => {
    const plan = planDossier({
      ...input(materials),
      paper: { numberCover: false, numberContents: false, sealOnCover: true },
    });
    expect(numbers(plan)).toEqual([null, null, null, null, 1, 2]);
  });

  it('puts no 公章 mark on the cover when the guide asks for none there, and keeps the materials’', () => {
    const plan = planDossier({
      ...input(materials),
      paper: { numberCover: true, numberContents: true, sealOnCover: false },
    });
    expect(plan.pages[0]!.marks.seal).toBeUndefined();
    expect(plan.pages[4]!.marks.seal).toBe('bottom-right');
  });

  it('numbers and seals the cover when the profile says nothing (the 2025 call)', () => {
    const plan = planDossier(input(materials));
    expect(plan.pages[0]!.marks).toMatchObject({ number: { value: 1 }, seal: 'bottom-right' });
  });
});
