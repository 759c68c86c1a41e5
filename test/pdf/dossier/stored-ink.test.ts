/**
 * The seal marks placed from the pages' ink kept by the inspection (as the app does with findings stored at attach
 * time) land where the drawing path puts them. The pages (two red seals in a corner, text to the fore-edge, a
 * signature; ImageMagick, img2pdf) are inspected for real, the dossier assembled both ways, and poppler renders
 * the sources to prove no mark placed from the stored ink covers ink.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FileInspection } from '#shared/page-findings.ts';
import { manifest as manifestSchema } from '#shared/manifest.ts';
import { assembleDossier } from '../../../electron/core/dossier/index.ts';
import { INK_CELL } from '../../../electron/core/dossier/mark-places.ts';
import type { PageMap } from '../../../electron/core/dossier/types.ts';
import { inspectFile } from '../../../electron/core/inspect/inspect-file.ts';
import { inspectFiles } from '../../../electron/core/inspect/run-inspection.ts';
import { storedFirst } from '../../../electron/core/inspect/stored-first.ts';
import { pageInk } from '../../../electron/core/inspect/page-ink.ts';
import { buildSealFixtures } from '../../acceptance/seal-fixtures.ts';
import { scratchDir } from '../../fixtures/fixture-cache.ts';
import { noFontsEnv } from '../../fixtures/run-tool.ts';
import { assertValidPdf } from '../../acceptance/assemble-cli.ts';

const A4 = { width: 595.28, height: 841.89 };
type Box = [number, number, number, number];

let dir: string;
let baseDir: string;
let stored: Map<string, FileInspection>;

/** The seal fixtures' manifest, with the signature page also given as the PNG it was drawn as (an image input). */
function manifestOf(): ReturnType<typeof manifestSchema.parse> {
  const raw = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as {
    materials: { id: string; files: string[] }[];
  };
  const materials = [...raw.materials, { id: 'construction-plan', files: ['signature.png'] }];
  return manifestSchema.parse({ ...raw, materials });
}

async function assemble(name: string, known?: Map<string, FileInspection>): Promise<PageMap> {
  const outPath = path.join(dir, `${name}.pdf`);
  const { pageMap } = await assembleDossier(
    { manifest: manifestOf(), baseDir, outPath },
    // As the app's assembly request does (dossier/request.ts): the stored findings answer the inspection too.
    known ? { stored: known, inspect: storedFirst(known, inspectFiles) } : {},
  );
  assertValidPdf(outPath);
  writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(pageMap));
  return pageMap;
}

beforeAll(async () => {
  dir = scratchDir('stored-ink');
  baseDir = buildSealFixtures(dir).dir;
  stored = new Map();
  for (const file of ['audit.pdf', 'signed.pdf', 'signature.png']) {
    const at = path.join(baseDir, file);
    stored.set(at, await inspectFile(at));
  }
}, 180_000);

const marksOf = (map: PageMap) => map.pageList!.map((e) => e.marks ?? {});

/** Pixels of ink (any channel well below white) in a sheet box, on a source page rendered by poppler at 50 dpi. */
function inkUnder(pdf: string, page: number, box: Box): number {
  const prefix = path.join(dir, `render-${path.basename(pdf)}-${page}`);
  const args = ['-f', `${page}`, '-l', `${page}`, '-r', '50', '-singlefile', pdf, prefix];
  execFileSync('pdftoppm', args, { env: noFontsEnv() });
  const data = readFileSync(`${prefix}.ppm`);
  const m = /^P6\s+(\d+)\s+(\d+)\s+\d+\s/.exec(data.toString('latin1', 0, 40))!;
  const [w, h, px] = [Number(m[1]), Number(m[2]), data.subarray(m[0].length)];
  const s = w / A4.width;
  let n = 0;
  for (let y = Math.floor((A4.height - box[3]) * s); y < Math.min(h, Math.ceil((A4.height - box[1]) * s)); y += 1)
    for (let x = Math.max(0, Math.floor(box[0] * s)); x < Math.min(w, Math.ceil(box[2] * s)); x += 1) {
      const i = 3 * (Math.max(0, y) * w + x);
      if (Math.min(px[i]!, px[i + 1]!, px[i + 2]!) < 200) n += 1;
    }
  return n;
}

describe('seal marks from the stored page ink', () => {
  it('the inspection keeps every page’s ink', () => {
    for (const found of stored.values()) {
      expect(found.failed).toBeUndefined();
      for (const page of found.pages) expect(page.ink, `${found.file} page ${page.page}`).toBeDefined();
    }
  });

  it('places every mark as the drawing path does: same choice, same ink avoided, within a cell', async () => {
    const drawn = marksOf(await assemble('drawn'));
    const fromStored = marksOf(await assemble('stored', stored));
    expect(fromStored.length).toBe(drawn.length);
    const moved = fromStored.filter((m) => m.seal?.choice === 'moved' || m.crossPage?.choice === 'moved');
    expect(moved.length, 'the fixtures make marks move').toBeGreaterThanOrEqual(3);
    fromStored.forEach((m, i) => {
      const d = drawn[i]!;
      expect(m.seal?.choice, `page ${i + 1}`).toBe(d.seal?.choice);
      expect(m.seal?.avoided).toBe(d.seal?.avoided);
      expect(m.crossPage?.choice).toBe(d.crossPage?.choice);
      expect(m.crossPage?.avoided).toBe(d.crossPage?.avoided);
      if (m.seal) expect(Math.hypot(m.seal.x - d.seal!.x, m.seal.y - d.seal!.y)).toBeLessThanOrEqual(1.5 * INK_CELL);
      if (m.crossPage) expect(Math.abs(m.crossPage.y - d.crossPage!.y)).toBeLessThanOrEqual(1.5 * INK_CELL);
    });
  });

  it('puts no mark placed from the stored ink on the sources’ ink (poppler renders of the inputs)', async () => {
    const map = await assemble('stored-check', stored);
    const entry = (material: string, page: number) =>
      map.pageList!.find((e) => e.source?.material === material && e.source.page === page)!;
    const seal = entry('financial-statements', 1).marks!.seal!;
    expect(seal).toMatchObject({ choice: 'moved', avoided: 'seal' });
    const audit = path.join(baseDir, 'audit.pdf');
    expect(inkUnder(audit, 1, [seal.x - seal.r, seal.y - seal.r, seal.x + seal.r, seal.y + seal.r])).toBe(0);
    const edge = entry('financial-statements', 2).marks!.crossPage!;
    expect(edge.choice).toBe('moved');
    for (const page of [1, 2])
      expect(inkUnder(audit, page, [A4.width - edge.r, edge.y - edge.r, A4.width, edge.y + edge.r])).toBe(0);
    const signed = entry('service-contract', 1).marks!.seal!;
    expect(signed).toMatchObject({ choice: 'moved', avoided: 'ink' });
    const box: Box = [signed.x - signed.r, signed.y - signed.r, signed.x + signed.r, signed.y + signed.r];
    expect(inkUnder(path.join(baseDir, 'signed.pdf'), 1, box)).toBe(0);
  });

  it('takes the marks’ places from the stored ink, not from drawing: stored blank pages keep every mark home', async () => {
    const blank = pageInk({ data: new Uint8Array(30 * 42 * 3).fill(255), width: 30, height: 42 });
    const blanked = new Map(
      [...stored].map(([file, found]) => [file, { ...found, pages: found.pages.map((p) => ({ ...p, ink: blank })) }]),
    );
    const marks = marksOf(await assemble('blanked', blanked)).filter((m) => m.seal || m.crossPage);
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) {
      if (m.seal) expect(m.seal.choice).toBe('chosen');
      if (m.crossPage) expect(m.crossPage.choice).toBe('chosen');
    }
  });
});
