/**
 * A page the clerk turned half round prints at the size of its neighbours: an A4 page stays A4 whichever way up
 * it is shown. Measured on poppler's render of the dossier: the printed frame of each page, in pixels.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assembleChecked, emptyFontConfig, manifestOf, renderGray } from './helpers.ts';

let dir: string;
const DPI = 50;

/** Three A4 pages (Ghostscript), each a thick black frame 100 pt in from every edge, and nothing else. */
function framedPages(file: string): string {
  const ps = `${file}.ps`;
  const page = '6 setlinewidth 100 100 395 642 rectstroke showpage';
  fs.writeFileSync(ps, ['%!PS', page, page, page, ''].join('\n'));
  execFileSync('gs', [
    '-q',
    '-dBATCH',
    '-dNOPAUSE',
    '-dSAFER',
    '-sDEVICE=pdfwrite',
    '-sPAPERSIZE=a4',
    '-dFIXEDMEDIA',
    `-sOutputFile=${file}`,
    ps,
  ]);
  return file;
}

/** The box of dark pixels above the footer (the page number sits in the bottom 25 mm), as [x0, y0, x1, y1]. */
function inkBox(pdf: string, page: number, env: NodeJS.ProcessEnv): [number, number, number, number] {
  const r = renderGray(pdf, page, DPI, env);
  const above = Math.floor(r.h * (1 - 25 / 297));
  let [x0, y0, x1, y1] = [r.w, r.h, -1, -1];
  for (let y = 0; y < above; y += 1) {
    for (let x = 0; x < r.w; x += 1) {
      if (r.px[y * r.w + x]! >= 128) continue;
      [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
    }
  }
  return [x0, y0, x1, y1];
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'juanzong-turned-'));
  framedPages(path.join(dir, 'framed.pdf'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('a page turned by the clerk', () => {
  it('prints an A4 page turned 180° at the size of the pages beside it', async () => {
    const outPath = path.join(dir, 'dossier.pdf');
    const files = [{ path: 'framed.pdf', rotate: { '2': 180 } }];
    const manifest = manifestOf({
      options: { date: '2025-10-13', sealMarkers: false, duplex: false },
      materials: [{ id: 'financial-statements', files }] as never,
    });
    const { pageMap } = await assembleChecked({ manifest, baseDir: dir, outPath });
    const first = pageMap.sections.find((s) => s.id === 'financial-statements')!.firstPage;
    const env = emptyFontConfig(dir);
    const [before, turned, after] = [0, 1, 2].map((i) => inkBox(outPath, first + i, env));
    const width = (b: number[]) => b[2]! - b[0]!;
    const height = (b: number[]) => b[3]! - b[1]!;
    expect(width(before!)).toBeGreaterThan(200);
    expect(width(turned!) / width(before!)).toBeCloseTo(1, 1);
    expect(height(turned!) / height(before!)).toBeCloseTo(1, 1);
    expect(width(after!)).toBe(width(before!));
    // Where it sits too: the frame is 100 pt in from every edge, whichever way up the page is.
    expect(Math.abs(turned![0] - before![0])).toBeLessThanOrEqual(2);
    expect(Math.abs(turned![1] - before![1])).toBeLessThanOrEqual(2);
  });
});
