/**
 * A call on B5 whose drawings may stay A3 (test/fixtures/profiles/b5-drawings.json:
 * “B5纸双面打印（设计图纸可用A3纸），连续编写页码（含封面），装订成册”), assembled by the CLI and read back:
 * page sizes by pdfinfo, the numbers and seal marks by pdftotext, the file by qpdf --check (in `assemble`).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ManifestInput } from '#shared/manifest.ts';
import { assemble, explain } from '../acceptance/assemble-cli.ts';
import { REPO_ROOT, scratchDir } from '../fixtures/fixture-cache.ts';
import { runTool } from '../fixtures/run-tool.ts';
import { makeTokenPdf } from '../fixtures/token-pdf.ts';
import { SHENZHEN_CODE } from '../unit/rules/sample.ts';

const mm = (n: number) => (n * 72) / 25.4;
const B5 = { width: mm(176), height: mm(250) };
const A4 = { width: 595, height: 842 };
const A3 = { width: 842, height: 1191 };

let dir: string;
let pdf: string;
let pageMap: { pages: number; blankPages: number[]; pageList: { physical: number; kind: string; number?: number }[] };

/** Each page's size as pdfinfo reports it, by physical page. */
function pageSizes(file: string, pages: number): [number, number][] {
  const info = runTool('pdfinfo', ['-f', '1', '-l', `${pages}`, file]);
  return [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** The words of one page with their boxes (pdftotext -bbox: points, origin top-left). */
function words(file: string, page: number): Word[] {
  const html = runTool('pdftotext', ['-q', '-bbox', '-f', `${page}`, '-l', `${page}`, file, '-']);
  return [...html.matchAll(/xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</g)].map((m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
    text: m[5]!,
  }));
}

beforeAll(async () => {
  dir = scratchDir('paper-size');
  makeTokenPdf(path.join(dir, 'form.pdf'), 'FORM', [{ ...B5, label: 'B5' }]);
  makeTokenPdf(path.join(dir, 'contract.pdf'), 'CONT', [{ ...A4, label: 'A4' }]);
  makeTokenPdf(path.join(dir, 'drawings.pdf'), 'DRW', [
    { ...A3, label: 'A3' },
    { width: A3.height, height: A3.width, label: 'A3 landscape' },
  ]);
  const manifest: ManifestInput = {
    profile: path.join(REPO_ROOT, 'test/fixtures/profiles/b5-drawings.json'),
    applicant: { name: '深圳市示例软件有限公司', creditCode: SHENZHEN_CODE, kind: 'enterprise' },
    materials: [
      { id: 'application-form', files: ['form.pdf'] },
      { id: 'sales-contract', files: ['contract.pdf'] },
      { id: 'drawings', files: ['drawings.pdf'] },
    ],
    costs: [{ kind: 'contract', amount: 1000000, paidOn: '2026-01-10' }],
    conditions: { 'legal-entity': 'yes' },
  };
  const file = path.join(dir, 'manifest.json');
  writeFileSync(file, JSON.stringify(manifest));
  pdf = path.join(dir, 'dossier.pdf');
  const run = await assemble(file, pdf);
  expect(run.code, explain(run)).toBe(0);
  pageMap = JSON.parse(run.stdout) as typeof pageMap;
}, 180_000);

describe('a B5 call whose drawings may stay A3', () => {
  it('prints cover, contents, form and contract on B5, blank backs on B5, the drawings on A3', () => {
    // cover, blank, contents, blank, form, blank, contract, blank, A3 drawing, A3 landscape drawing
    expect(pageMap.pageList.map((p) => p.kind)).toEqual([
      'cover',
      'blank',
      'toc',
      'blank',
      'content',
      'blank',
      'content',
      'blank',
      'content',
      'content',
    ]);
    const sizes = pageSizes(pdf, pageMap.pages);
    expect(sizes).toHaveLength(10);
    for (const physical of [1, 2, 3, 4, 5, 6, 7, 8]) {
      expect(sizes[physical - 1]![0], `page ${physical}`).toBeCloseTo(B5.width, 0);
      expect(sizes[physical - 1]![1], `page ${physical}`).toBeCloseTo(B5.height, 0);
    }
    expect(sizes[8]!.map(Math.round)).toEqual([842, 1191]);
    expect(sizes[9]!.map(Math.round)).toEqual([1191, 842]);
  });

  it('keeps the drawings whole and the A4 contract shrunk onto B5, every token on its page', () => {
    const text = (n: number) => runTool('pdftotext', ['-q', '-f', `${n}`, '-l', `${n}`, pdf, '-']);
    expect(text(5)).toContain('HXFORMP1');
    for (const token of ['HXCONTP1', 'HXTLCONTP1', 'HXBRCONTP1']) expect(text(7)).toContain(token);
    for (const token of ['HXDRWP1', 'HXTLDRWP1', 'HXBRDRWP1']) expect(text(9)).toContain(token);
    expect(text(10)).toContain('HXDRWP2');
  });

  it('numbers every page on its own sheet: fronts on the right, near the bottom edge', () => {
    const numberOn = (physical: number) => {
      const n = pageMap.pageList[physical - 1]!.number!;
      const line = words(pdf, physical).filter((w) => w.text === String(n));
      expect(line, `number ${n} on page ${physical}`).toHaveLength(1);
      return line[0]!;
    };
    expect(pageMap.pageList.map((p) => p.number ?? null)).toEqual([1, null, 2, null, 3, null, 4, null, 5, 6]);
    const [b5Number, a3Number, landscapeNumber] = [numberOn(5), numberOn(9), numberOn(10)];
    // A front page's number (“— 3 —”) ends 20 mm from the right edge, 10 mm above the bottom edge of its own sheet.
    expect(B5.width - b5Number.xMax).toBeGreaterThan(mm(20));
    expect(B5.width - b5Number.xMax).toBeLessThan(mm(30));
    expect(A3.width - a3Number.xMax).toBeGreaterThan(mm(20));
    expect(A3.width - a3Number.xMax).toBeLessThan(mm(30));
    expect(A3.height - a3Number.yMax).toBeLessThan(mm(15));
    // An even page of the duplex dossier: on the left, at the bottom of the landscape sheet.
    expect(landscapeNumber.xMin).toBeLessThan(mm(30));
    expect(A3.width - landscapeNumber.yMax).toBeLessThan(mm(15));
  });

  it('puts the 盖章处 and 骑缝章 marks at the corner and on the edge of the A3 sheet', () => {
    const onDrawing = words(pdf, 9);
    const sealWord = onDrawing.find((w) => w.text.includes('盖章处'));
    expect(sealWord, '盖章处 on the drawing').toBeDefined();
    // In the lower right of the A3 sheet (moved up clear of the drawing's corner token), beyond any A4 or B5 place.
    expect(sealWord!.xMin).toBeGreaterThan(A4.width);
    expect(sealWord!.yMin).toBeGreaterThan(A3.height / 2);
    const edgeWord = onDrawing.find((w) => w.text.includes('骑缝'));
    expect(edgeWord, '骑缝章 on the drawing').toBeDefined();
    expect(edgeWord!.xMax).toBeGreaterThan(A3.width - mm(8));
    const onForm = words(pdf, 5).find((w) => w.text.includes('盖章处'));
    expect(onForm!.xMax).toBeLessThan(B5.width);
    expect(onForm!.xMin).toBeGreaterThan(B5.width - mm(60));
  });
});
