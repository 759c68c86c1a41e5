/**
 * Page content damaged the ways `qpdf --check` complains of: what a reader reads past is carried looking as the
 * reader shows it, in content qpdf passes (exit 0); a page a reader shows with part of it missing (content that
 * does not decode, a JPEG cut short, a form, Flate image or font program that does not inflate or breaks off) refuses
 * its file by name, at attach time and when assembling.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { inspectInput } from '../../../electron/core/dossier/index.ts';
import { damagedContentFixtures, BLOCKS } from '../../fixtures/damaged-content-fixtures.ts';
import { scratchDir } from '../../fixtures/fixture-cache.ts';
import { emptyFontConfig, inkIn, renderGray } from '../dossier/helpers.ts';
import { assembleOne, qpdfCheck } from './helpers.ts';

const A4: [number, number] = [595.28, 841.89];
const fx = damagedContentFixtures();
let dir = '';
let env: NodeJS.ProcessEnv;

beforeAll(() => {
  dir = scratchDir('content-damaged');
  for (const f of fs.readdirSync(fx.dir)) fs.copyFileSync(path.join(fx.dir, f), path.join(dir, f));
  env = emptyFontConfig(dir);
});

/** A block's inside (5 % in from its edges), and the empty band between the blocks, as page fractions from the top-left. */
function boxes(): [number, number, number, number][] {
  const inside = BLOCKS.map(([x, y, w, h]): [number, number, number, number] => [
    (x + 0.05 * w) / A4[0],
    1 - (y + 0.95 * h) / A4[1],
    (x + 0.95 * w) / A4[0],
    1 - (y + 0.05 * h) / A4[1],
  ]);
  return [...inside, [0.1, 0.45, 0.45, 0.5]];
}

describe('page content a reader reads past', () => {
  it.each(fx.repairable)(
    '%s: taken, passes qpdf --check, and looks as poppler shows the source',
    async (name, shows) => {
      expect(qpdfCheck(path.join(dir, name)).code, 'the fixture is damaged').not.toBe(0);
      const { out, first } = await assembleOne(dir, `${name}-out.pdf`, 'financial-statements', [name]);
      const check = qpdfCheck(out);
      expect(check.code, check.output).toBe(0);
      const source = renderGray(path.join(dir, name), 1, 40, env);
      const dossier = renderGray(out, first, 40, env);
      const inks = boxes().map((b) => [inkIn(source, b), inkIn(dossier, b)]);
      expect(
        inks.map(([s]) => Math.round(s!)),
        'what poppler shows of the source',
      ).toEqual([...shows, 0]);
      for (const [s, d] of inks) expect(Math.abs(s! - d!)).toBeLessThan(0.05);
    },
  );
});

describe('a dictionary among the content streams', () => {
  it('is left out: the streams are taken whole, and qpdf passes the dossier', async () => {
    const { out, first } = await assembleOne(dir, 'non-stream-out.pdf', 'financial-statements', [fx.nonStream]);
    const check = qpdfCheck(out);
    expect(check.code, check.output).toBe(0);
    // Poppler shows the source blank ("Weird page contents"); the streams, which qpdf reads, hold both blocks.
    const dossier = renderGray(out, first, 40, env);
    expect(boxes().map((b) => Math.round(inkIn(dossier, b)))).toEqual([1, 1, 0]);
  });
});

describe('page content a reader shows in part', () => {
  it.each(fx.refused)(
    '%s: refused by name, in Chinese, at attach time and when assembling (%s)',
    async (name, code) => {
      const message = expect.stringMatching(new RegExp(`PDF“${name}”第 1 页.*请用 PDF 阅读器另存为或重新扫描后再添加`));
      await expect(inspectInput(path.join(dir, name))).rejects.toMatchObject({ code, message });
      await expect(assembleOne(dir, `${name}-out.pdf`, 'financial-statements', [name])).rejects.toMatchObject({ code });
      expect(fs.existsSync(path.join(dir, `${name}-out.pdf`))).toBe(false);
    },
  );
});

describe('forms, images and fonts a page draws', () => {
  /** The second block's inside: where each part draws. */
  const second = () => boxes()[1]!;
  const damaged = fx.parts.flatMap((p) => p.damaged.map(([name, code]) => [name, code, p.whole] as const));

  it.each(fx.parts.map((p) => p.whole))('%s, whole: taken, and looks as poppler shows the source', async (name) => {
    const { out, first } = await assembleOne(dir, `${name}-out.pdf`, 'financial-statements', [name]);
    const check = qpdfCheck(out);
    expect(check.code, check.output).toBe(0);
    const source = inkIn(renderGray(path.join(dir, name), 1, 40, env), second());
    expect(source, 'poppler shows the part').toBeGreaterThan(0.2);
    expect(Math.abs(inkIn(renderGray(out, first, 40, env), second()) - source)).toBeLessThan(0.05);
  });

  it.each(damaged)(
    '%s: poppler shows the part cut or missing; refused by name, in Chinese (%s)',
    async (name, code, whole) => {
      const shown = inkIn(renderGray(path.join(dir, name), 1, 40, env), second());
      expect(shown, 'poppler shows less of the damaged part').toBeLessThan(
        inkIn(renderGray(path.join(dir, whole), 1, 40, env), second()) * 0.8,
      );
      const message = expect.stringMatching(new RegExp(`PDF“${name}”第 1 页.*请用 PDF 阅读器另存为或重新扫描后再添加`));
      await expect(inspectInput(path.join(dir, name))).rejects.toMatchObject({ code, message });
      await expect(assembleOne(dir, `${name}-out.pdf`, 'financial-statements', [name])).rejects.toMatchObject({ code });
      expect(fs.existsSync(path.join(dir, `${name}-out.pdf`))).toBe(false);
    },
  );
});
