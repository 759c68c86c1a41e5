import { describe, expect, it } from 'vitest';
import type { PageMap } from '#shared/contract/workflow.ts';
import { sealPlan } from '#shared/dossier/seal-plan.ts';
import { reprintPlan, type DossierSnapshot, type SnapshotPage } from '../../../electron/core/dossier/reprint-plan.ts';

interface Part {
  id: string;
  title: string;
  /** One content key per page. */
  pages: string[];
}

const cover: Part = { id: 'cover', title: '封面', pages: ['cover:甲公司'] };
const toc: Part = { id: 'toc', title: '目录', pages: ['toc'] };

/**
 * A dossier laid out as the planner does: the cover, a blank back in duplex, the contents, then each material
 * starting on a front. The contents' key holds every part's numbers, as the drawn contents would.
 */
function dossier(materials: Part[], duplex = true): { snapshot: DossierSnapshot; pageMap: PageMap } {
  const pages: SnapshotPage[] = [];
  const sections: PageMap['sections'] = [];
  let number = 0;
  const blank = () => pages.push({ physical: pages.length + 1, content: '', marks: '' });
  for (const part of [cover, toc, ...materials]) {
    if (duplex && pages.length % 2 === 1) blank();
    const firstPage = pages.length + 1;
    for (const content of part.pages) {
      number += 1;
      const first = content === part.pages[0];
      pages.push({ physical: pages.length + 1, number, part: part.id, content, marks: first ? 'seal' : '' });
    }
    sections.push({
      id: part.id,
      title: part.title,
      firstPage,
      lastPage: pages.length,
      firstNumber: number - part.pages.length + 1,
      lastNumber: number,
    });
  }
  const tocKey = JSON.stringify(sections.slice(2).map((s) => [s.id, s.firstNumber, s.lastNumber]));
  pages.find((p) => p.part === 'toc')!.content = tocKey;
  const titles = Object.fromEntries(sections.map((s) => [s.id, s.title]));
  const blankPages = pages.filter((p) => !p.part).map((p) => p.physical);
  const pageMap: PageMap = { pages: pages.length, sections, blankPages, warnings: [], notices: [] };
  return { snapshot: { duplex, pages, titles }, pageMap };
}

const rules = {
  audit: { official: true, crossPageWhenMultiPage: true },
  contract: { official: true, crossPageWhenMultiPage: true },
  invoice: { official: false, crossPageWhenMultiPage: false },
};
const at = '2026-12-07T02:00:00.000Z';

function plan(before: Part[], after: Part[], duplex = true) {
  const frozen = dossier(before, duplex);
  const current = dossier(after, duplex);
  return reprintPlan(frozen.snapshot, current.snapshot, sealPlan(current.pageMap, { duplex }, rules), at);
}

const contract: Part = { id: 'contract', title: '服务合同', pages: ['c1', 'c2'] };
const audit: Part = { id: 'audit', title: '审计报告', pages: ['a1', 'a2', 'a3', 'a4'] };
const invoice: Part = { id: 'invoice', title: '发票', pages: ['i1'] };

describe('reprintPlan', () => {
  it('asks for nothing when the dossier prints the same', () => {
    const result = plan([contract, audit, invoice], [contract, audit, invoice]);
    expect(result.unchanged).toBe(true);
    expect(result.sheets).toEqual([]);
    expect(result.said).toEqual(['递交后没有改动影响打印：不需要补打。']);
  });

  it('reprints only the sheet whose page changed, and the 骑缝章 across the whole material', () => {
    // Sheets: 1 cover+blank, 2 toc+blank, 3 contract, 4–5 audit, 6 invoice. Page a3 replaced: sheet 5.
    const changed = { ...audit, pages: ['a1', 'a2', 'a3-new', 'a4'] };
    const result = plan([contract, audit, invoice], [contract, changed, invoice]);
    expect(result.sheets).toEqual([
      {
        sheet: 5,
        pages: [9, 10],
        numbers: [7, 8],
        reasons: [{ kind: 'content', parts: ['审计报告'] }],
        officialSeal: [],
      },
    ]);
    expect(result.crossPage).toEqual([{ title: '审计报告', sheets: [4, 5] }]);
    expect(result.removedSheets).toEqual([]);
    expect(result.said).toEqual([
      '第 5 张（第 7–8 页）：材料“审计报告”内容有变；重新加盖“审计报告”的骑缝章（第 4–5 张）',
    ]);
  });

  it('reprints the first page with its 公章 when it changed', () => {
    const changed = { ...audit, pages: ['a1-new', 'a2', 'a3', 'a4'] };
    const result = plan([contract, audit, invoice], [contract, changed, invoice]);
    expect(result.sheets.map((s) => [s.sheet, s.officialSeal])).toEqual([[4, [5]]]);
    expect(result.said[0]).toBe(
      '第 4 张（第 5–6 页）：材料“审计报告”内容有变；在第 5 页（“审计报告”首页）加盖公章；重新加盖“审计报告”的骑缝章（第 4–5 张）',
    );
  });

  it('says the numbers moved on every sheet after a page was added, and reprints the contents', () => {
    // One more page in the contract: 3 pages, so it takes sheets 3–4; everything after shifts by a sheet.
    const longer = { ...contract, pages: ['c1', 'c2', 'c3'] };
    const result = plan([contract, audit, invoice], [longer, audit, invoice]);
    const bySheet = Object.fromEntries(result.sheets.map((s) => [s.sheet, s.reasons]));
    expect(bySheet[2]).toEqual([{ kind: 'content', parts: ['目录'] }]);
    expect(bySheet[4]).toEqual([{ kind: 'content', parts: ['服务合同', '审计报告'] }]);
    expect(bySheet[7]).toEqual([{ kind: 'added' }]);
    expect(result.sheets.map((s) => s.sheet)).toEqual([2, 4, 5, 6, 7]);
    expect(result.said).toContain('第 2 张（第 2 页）：目录内容有变');
    expect(result.crossPage.map((c) => c.title)).toEqual(['服务合同', '审计报告']);
  });

  it('says only the numbers moved when the same pages shift to other numbers on the same sheets', () => {
    // The contract loses its blank back as it grows from 1 page to 2: sheets stay, numbers after it move by one.
    const one = { ...contract, pages: ['c1'] };
    const result = plan([one, audit, invoice], [contract, audit, invoice]);
    const audits = result.sheets.filter((s) => s.sheet === 4 || s.sheet === 5);
    expect(audits.map((s) => s.reasons)).toEqual([[{ kind: 'numbers' }], [{ kind: 'numbers' }]]);
    expect(result.said).toEqual([
      '第 2 张（第 2 页）：目录内容有变',
      '第 3 张（第 3–4 页）：材料“服务合同”内容有变；在第 3 页（“服务合同”首页）加盖公章；重新加盖“服务合同”的骑缝章（第 3 张）',
      '第 4 张（第 5–6 页）：页码移动了；在第 5 页（“审计报告”首页）加盖公章；重新加盖“审计报告”的骑缝章（第 4–5 张）',
      '第 5 张（第 7–8 页）：页码移动了；重新加盖“审计报告”的骑缝章（第 4–5 张）',
      '第 6 张（第 9 页）：页码移动了',
    ]);
  });

  it('names the sheets to take out when the dossier got shorter', () => {
    const result = plan([contract, audit, invoice], [contract, audit]);
    expect(result.removedSheets).toEqual([6]);
    expect(result.said.at(-1)).toBe('原卷宗第 6 张已不再需要：请从卷宗中抽出。');
    expect(result.sheets.map((s) => s.sheet)).toEqual([2]);
  });

  it('compares single sides one page a sheet in simplex', () => {
    const changed = { ...audit, pages: ['a1', 'a2', 'a3-new', 'a4'] };
    const result = plan([contract, audit], [contract, changed], false);
    expect(result.sheets.map((s) => [s.sheet, s.pages])).toEqual([[7, [7]]]);
    expect(result.crossPage).toEqual([{ title: '审计报告', sheets: [5, 6, 7, 8] }]);
  });

  it('reprints everything when two-sided printing was switched', () => {
    const frozen = dossier([contract, invoice], true);
    const current = dossier([contract, invoice], false);
    const result = reprintPlan(frozen.snapshot, current.snapshot, sealPlan(current.pageMap, { duplex: false }), at);
    expect(result.sheets).toHaveLength(current.snapshot.pages.length);
    expect(result.said[0]).toBe('单面/双面打印的设置改了：整份卷宗需要重新打印并盖章。');
  });

  it('reprints a sheet whose seal mark moved though its page did not', () => {
    const frozen = dossier([contract, invoice]);
    const current = dossier([contract, invoice]);
    current.snapshot.pages[4] = { ...current.snapshot.pages[4]!, marks: 'seal@left' };
    const result = reprintPlan(
      frozen.snapshot,
      current.snapshot,
      sealPlan(current.pageMap, { duplex: true }, rules),
      at,
    );
    expect(result.sheets.map((s) => [s.sheet, s.reasons])).toEqual([[3, [{ kind: 'marks' }]]]);
  });
});
