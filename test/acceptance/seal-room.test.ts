/**
 * Issue 14: the 公章 and 骑缝章 marks land where the page has room. Pages made by ImageMagick (two red seals in the
 * corner, text to the fore-edge, a signature) are assembled through the CLI; poppler then renders the source pages
 * and the dossier, and no mark's box (from the page map) may cover a pixel of the source's ink.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PageMap } from '#shared/contract/workflow.ts';
import { sealPlan } from '#shared/dossier/seal-plan.ts';
import { scratchDir } from '../fixtures/fixture-cache.ts';
import { noFontsEnv, runTool } from '../fixtures/run-tool.ts';
import { assemble, explain } from './assemble-cli.ts';
import { buildSealFixtures } from './seal-fixtures.ts';

const A4 = { width: 595.28, height: 841.89 };
const DPI = 50;
type Box = [number, number, number, number];

let dir: string;
let dossier: string;
let map: PageMap;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  dir = scratchDir('seal-room');
  const { manifest } = buildSealFixtures(dir);
  dossier = path.join(dir, 'dossier.pdf');
  const run = await assemble(manifest, dossier, ['--checklist', path.join(dir, 'checklist.pdf')]);
  expect(run.code, explain(run)).toBe(0);
  writeFileSync(path.join(dir, 'dossier.json'), run.stdout);
  map = JSON.parse(run.stdout) as PageMap;
  env = noFontsEnv();
}, 180_000);

/** A page rendered by poppler in RGB at DPI (no system fonts). */
function render(pdf: string, page: number): { w: number; h: number; px: Buffer } {
  const prefix = path.join(dir, `render-${path.basename(pdf)}-${page}`);
  execFileSync('pdftoppm', ['-f', `${page}`, '-l', `${page}`, '-r', `${DPI}`, '-singlefile', pdf, prefix], { env });
  const data = readFileSync(`${prefix}.ppm`);
  const m = /^P6\s+(\d+)\s+(\d+)\s+\d+\s/.exec(data.toString('latin1', 0, 40))!;
  return { w: Number(m[1]), h: Number(m[2]), px: data.subarray(m[0].length) };
}

/** Pixels of ink (any channel well below paper white) inside a box of the sheet given in points. */
function inkPixels(r: { w: number; h: number; px: Buffer }, box: Box): number {
  const s = r.w / A4.width;
  const [x0, x1] = [Math.floor(box[0] * s), Math.ceil(box[2] * s)];
  const [y0, y1] = [Math.floor((A4.height - box[3]) * s), Math.ceil((A4.height - box[1]) * s)];
  let n = 0;
  for (let y = Math.max(0, y0); y < Math.min(r.h, y1); y += 1)
    for (let x = Math.max(0, x0); x < Math.min(r.w, x1); x += 1) {
      const i = 3 * (y * r.w + x);
      if (Math.min(r.px[i]!, r.px[i + 1]!, r.px[i + 2]!) < 200) n += 1;
    }
  return n;
}

function entry(material: string, page: number) {
  return map.pageList!.find((e) => e.source?.material === material && e.source.page === page)!;
}

function sealBoxOf(material: string): Box {
  const seal = entry(material, 1).marks!.seal!;
  return [seal.x - seal.r, seal.y - seal.r, seal.x + seal.r, seal.y + seal.r];
}

/** Where pdftotext finds a word on a dossier page, in sheet points (origin bottom-left). */
function wordCentre(page: number, word: string): { x: number; y: number } {
  const html = runTool('pdftotext', ['-q', '-bbox', '-f', `${page}`, '-l', `${page}`, dossier, '-']);
  const m = new RegExp(`xMin="([\\d.]+)" yMin="([\\d.]+)" xMax="([\\d.]+)" yMax="([\\d.]+)">${word}<`).exec(html);
  if (!m) throw new Error(`no ${word} on page ${page}`);
  return { x: (Number(m[1]) + Number(m[3])) / 2, y: A4.height - (Number(m[2]) + Number(m[4])) / 2 };
}

const inside = (p: { x: number; y: number }, b: Box) => p.x > b[0] && p.x < b[2] && p.y > b[1] && p.y < b[3];

describe('seal marks where there is room', () => {
  it('moves the 公章 mark off the auditor’s two red seals to a free place in the lower half', () => {
    const e = entry('financial-statements', 1);
    expect(e.marks!.seal).toMatchObject({ corner: 'bottom-right', choice: 'moved', avoided: 'seal' });
    const box = sealBoxOf('financial-statements');
    expect(box[3]).toBeLessThanOrEqual(A4.height / 2);
    const source = render(path.join(dir, 'audit.pdf'), 1);
    expect(inkPixels(source, [0, 0, A4.width, A4.height]), 'the fixture has ink').toBeGreaterThan(500);
    expect(inkPixels(source, box)).toBe(0);
    // The mark is drawn where the page map says: its words 盖章处 sit inside the box on the dossier page.
    expect(inside(wordCentre(e.physical, '盖章处'), box)).toBe(true);
  });

  it('moves the 公章 mark off a signature scribbled over the corner, and calls it ink, not a seal', () => {
    const e = entry('service-contract', 1);
    expect(e.marks!.seal).toMatchObject({ choice: 'moved', avoided: 'ink' });
    const box = sealBoxOf('service-contract');
    expect(inkPixels(render(path.join(dir, 'signed.pdf'), 1), box)).toBe(0);
    expect(inside(wordCentre(e.physical, '盖章处'), box)).toBe(true);
  });

  it('puts the 骑缝章 mark at one height on the fore-edge clear of the text on every page it spans', () => {
    const spots = [1, 2].map((p) => entry('financial-statements', p).marks!.crossPage!);
    expect(spots[0]).toEqual(spots[1]);
    expect(spots[0]).toMatchObject({ choice: 'moved', avoided: 'ink' });
    const { y, r } = spots[0]!;
    const box: Box = [A4.width - r, y - r, A4.width, y + r];
    for (const p of [1, 2]) expect(inkPixels(render(path.join(dir, 'audit.pdf'), p), box), `page ${p}`).toBe(0);
    // The text runs to the edge across the middle: the middle of the edge was not free.
    const middle: Box = [A4.width - r, A4.height / 2 - r, A4.width, A4.height / 2 + r];
    expect(inkPixels(render(path.join(dir, 'audit.pdf'), 2), middle)).toBeGreaterThan(50);
  });

  it('keeps the cover’s 公章 mark in its corner and tells the seal plan where each mark is', () => {
    expect(map.pageList![0]!.marks!.seal).toMatchObject({ corner: 'bottom-right', choice: 'chosen' });
    const rows = sealPlan(map, { duplex: false });
    expect(rows.find((r) => r.id === 'cover')!.officialSealPlace).toBe('右下角');
    const audit = rows.find((r) => r.id === 'financial-statements')!;
    expect(audit.officialSealPlace).toMatch(/^下半部(左侧|中部|右侧)，避开已有印章$/);
    expect(audit.crossPagePlace).toMatch(/^右侧页边偏(上|下)，避开原有文字或签名$/);
    expect(rows.find((r) => r.id === 'service-contract')!.officialSealPlace).toMatch(/避开原有文字或签名$/);
    const checklist = runTool('pdftotext', ['-q', path.join(dir, 'checklist.pdf'), '-']).replace(/\s+/g, '');
    expect(checklist).toMatch(
      /盖章：第3页盖公章（下半部(左侧|中部|右侧)，避开已有印章），加盖骑缝章（右侧页边偏(上|下)，/,
    );
  });
});
