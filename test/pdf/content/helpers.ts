/** Assembling one-material dossiers from the content fixtures, and what poppler, qpdf and tesseract read back. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { type AssembleResult } from '../../../electron/core/dossier/index.ts';
import type { Profile } from '#shared/profiles/index.ts';
import { contentFixtures, type ContentFixtures } from '../../fixtures/content-fixtures.ts';
import { scratchDir } from '../../fixtures/fixture-cache.ts';
import { assembleChecked, manifestOf, runStatus } from '../dossier/helpers.ts';

/** The content fixtures (built once) copied into a fresh scratch folder `name`, where the dossiers go too. */
export function contentScratch(name: string): { fx: ContentFixtures; dir: string } {
  const fx = contentFixtures();
  const dir = scratchDir(name);
  for (const f of fs.readdirSync(fx.dir)) fs.copyFileSync(path.join(fx.dir, f), path.join(dir, f));
  return { fx, dir };
}

/** Assembles `files` as the one material `id` into `dir/name`; returns the dossier and its page map. */
export async function assembleOne(
  dir: string,
  name: string,
  id: string,
  files: unknown[],
  profile?: Profile,
): Promise<AssembleResult & { out: string; first: number }> {
  const out = path.join(dir, name);
  const manifest = manifestOf({ options: { date: '2025-10-13' }, materials: [{ id, files } as never] });
  const result = await assembleChecked({ manifest, baseDir: dir, outPath: out, ...(profile ? { profile } : {}) });
  const first = result.pageMap.sections.find((s) => s.id === id)!.firstPage;
  return { ...result, out, first };
}

/** `qpdf --check`'s exit code and what it said. */
export function qpdfCheck(pdf: string): { code: number; output: string } {
  const r = runStatus('qpdf', ['--check', pdf]);
  return { code: r.code, output: `${r.stdout}${r.stderr}` };
}

/** Renders one page as RGB (PPM) at `dpi`; returns width, height and the pixels. */
export function renderRgb(
  pdf: string,
  page: number,
  dpi: number,
  env: NodeJS.ProcessEnv,
): { w: number; h: number; px: Buffer } {
  const prefix = path.join(path.dirname(pdf), `rgb-${path.basename(pdf)}-${page}-${dpi}`);
  execFileSync('pdftoppm', ['-f', String(page), '-l', String(page), '-r', String(dpi), '-singlefile', pdf, prefix], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const data = fs.readFileSync(`${prefix}.ppm`);
  const m = /^P6\s+(\d+)\s+(\d+)\s+\d+\s/.exec(data.toString('latin1', 0, 40))!;
  return { w: Number(m[1]), h: Number(m[2]), px: data.subarray(m[0].length) };
}

/** How many pixels are strongly red (or green, with `channel` 1). */
export function colouredPixels(r: { px: Buffer }, channel: 0 | 1 = 0): number {
  let n = 0;
  for (let i = 0; i + 2 < r.px.length; i += 3) {
    const c = [r.px[i]!, r.px[i + 1]!, r.px[i + 2]!];
    if (c[channel]! > 180 && c.every((v, k) => k === channel || v < 90)) n += 1;
  }
  return n;
}

/** Tesseract's reading (chi_sim) of one page rendered at 300 dpi with no system fonts; spaces removed. */
export function ocrPage(pdf: string, page: number, env: NodeJS.ProcessEnv): string {
  const prefix = path.join(path.dirname(pdf), `ocr-${path.basename(pdf)}-${page}`);
  execFileSync(
    'pdftoppm',
    ['-f', String(page), '-l', String(page), '-r', '300', '-gray', '-singlefile', '-png', pdf, prefix],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const text = execFileSync('tesseract', [`${prefix}.png`, '-', '-l', 'chi_sim'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return text.replace(/\s+/g, '');
}
