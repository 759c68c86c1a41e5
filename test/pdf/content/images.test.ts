/** Damaged images refused by name before anything is printed; a 2,000-page TIFF taken whole, in order. */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { inspectInput } from '../../../electron/core/dossier/index.ts';
import { emptyFontConfig, inkIn, renderGray, run } from '../dossier/helpers.ts';
import { assembleOne, contentScratch, qpdfCheck } from './helpers.ts';

let dir: string;

beforeAll(() => {
  ({ dir } = contentScratch('content-images'));
}, 300_000);

describe('images cut short', () => {
  it.each([
    ['scan-cut.jpg', 'a JPEG cut to 40 % after its EXIF thumbnail'],
    ['scan-cut.png', 'a PNG cut in half'],
  ])('refuses %s (%s) by name, in Chinese, at attach time and when assembling', async (name) => {
    await expect(inspectInput(path.join(dir, name))).rejects.toMatchObject({
      code: 'image-truncated',
      message: expect.stringContaining(`“${name}”不完整`),
    });
    await expect(assembleOne(dir, `${name}.pdf`, 'credit-report', [name])).rejects.toMatchObject({
      code: 'image-truncated',
    });
    expect(fs.existsSync(path.join(dir, `${name}.pdf`))).toBe(false);
  });

  it('takes the whole JPEG, and one with bytes after its end, each as one page with the scan on it', async () => {
    expect((await inspectInput(path.join(dir, 'scan.jpg'))).pages).toBe(1);
    const { out, first } = await assembleOne(dir, 'trailing.pdf', 'credit-report', ['scan-trailing.jpg']);
    const r = renderGray(out, first, 30, emptyFontConfig(dir));
    // The block at the foot of the scan: the part a cut-short file would have lost.
    expect(inkIn(r, [0.2, 0.78, 0.8, 0.9])).toBeGreaterThan(0.9);
  });
});

describe('a 2,000-page TIFF', () => {
  it('assembles every page, in order, into a valid PDF', async () => {
    expect(run('tiffinfo', [path.join(dir, 'long.tif')]).match(/TIFF Directory/g)).toHaveLength(2000);
    const started = Date.now();
    const { out, first, pageMap } = await assembleOne(dir, 'long.pdf', 'financial-statements', ['long.tif']);
    console.info(`2,000-page TIFF assembled in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const section = pageMap.sections.find((s) => s.id === 'financial-statements')!;
    expect(section.lastPage - section.firstPage + 1).toBe(2000);
    const env = emptyFontConfig(dir);
    const corners: [number, number, number, number][] = [
      [0, 0, 0.3, 0.2],
      [0.7, 0, 1, 0.2],
      [0, 0.8, 0.3, 1],
    ];
    for (const k of [0, 1, 2, 1000, 1999]) {
      const r = renderGray(out, first + k, 20, env);
      const inks = corners.map((c) => inkIn(r, c));
      expect(inks.indexOf(Math.max(...inks))).toBe(k % 3);
    }
    expect(qpdfCheck(out).code).toBe(0);
  }, 300_000);
});
