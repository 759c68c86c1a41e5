/**
 * A file's pages printed in the clerk's order (`pages.order` in the manifest): the dossier read back by poppler
 * shows them in that order, numbered one after another; a page left out stays out and a turned page is turned,
 * whatever its place; an order that does not list each page once is refused, naming the file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findProfile } from '#shared/profiles/index.ts';
import { writeChecklist } from '../../../electron/core/dossier/checklist.ts';
import { assembleDossier, DossierInputError } from '../../../electron/core/dossier/index.ts';
import { A4, assembleChecked, makePdf, manifestOf, pageText, run, wordBoxes } from './helpers.ts';

let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'juanzong-page-order-'));
  await makePdf(
    path.join(dir, 'plan.pdf'),
    ['A', 'B', 'C', 'D', 'E'].map((label) => ({ size: A4, label })),
  );
  await makePdf(path.join(dir, 'tail.pdf'), [{ size: A4, label: 'TAIL' }]);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const withOrder = (order: number[]) =>
  manifestOf({
    materials: [
      {
        id: 'construction-plan',
        files: [{ path: 'plan.pdf', pages: { order, skip: [3], rotate: { '1': 180 } } }, 'tail.pdf'],
      },
    ],
  });

describe('pages printed in the clerk’s order', () => {
  it('prints E, A (turned), B, D, then the next file: C stays left out', async () => {
    const out = path.join(dir, 'dossier.pdf');
    const { pageMap } = await assembleChecked({
      manifest: withOrder([5, 3, 1, 2, 4]),
      baseDir: dir,
      outPath: out,
    });
    const printed = pageMap.pageList!.filter((e) => e.source?.material === 'construction-plan');
    expect(printed.map((e) => `${e.source!.file}:${e.source!.page}`)).toEqual([
      'plan.pdf:5',
      'plan.pdf:1',
      'plan.pdf:2',
      'plan.pdf:4',
      'tail.pdf:1',
    ]);
    const first = printed[0]!.number!;
    expect(printed.map((e) => e.number)).toEqual([first, first + 1, first + 2, first + 3, first + 4]);
    expect(printed.map((e) => e.changes?.turn?.degrees ?? 0)).toEqual([0, 180, 0, 0, 0]);
    expect(pageMap.skipped).toEqual([{ material: 'construction-plan', file: 'plan.pdf', page: 3, by: 'clerk' }]);

    // What poppler reads on each of those sheets, in the dossier's order.
    const shown = printed.map((e) => /MID(\w+)/.exec(pageText(out, e.physical))?.[1]);
    expect(shown).toEqual(['E', 'A', 'B', 'D', 'TAIL']);
    expect(run('pdftotext', [out, '-'])).not.toContain('MIDC');
    for (const e of printed) expect(pageText(out, e.physical)).toMatch(new RegExp(`—\\s*${e.number}\\s*—`));
    // The material's 公章 mark goes on the page printed first, E, not on the file's first page.
    expect(pageText(out, printed[0]!.physical)).toContain('盖章处');
    expect(pageText(out, printed[1]!.physical)).not.toContain('盖章处');
    // Page A is upside down: its top-left words now sit at the bottom right of the sheet, below its bottom-right ones.
    const words = wordBoxes(out, printed[1]!.physical);
    const [tl, br] = [words.find((w) => w.word === 'TLA')!, words.find((w) => w.word === 'BRA')!];
    expect(tl.y0).toBeGreaterThan(br.y0);
    expect(tl.x0).toBeGreaterThan(br.x0);

    // The checklist says so, for the clerk to check against the original.
    const checklist = path.join(dir, 'checklist.pdf');
    const manifest = withOrder([5, 3, 1, 2, 4]);
    await writeChecklist({
      manifest,
      profile: findProfile(manifest.profile)!,
      pageMap,
      findings: [],
      outPath: checklist,
    });
    const said = run('pdftotext', [checklist, '-']).replace(/\s+/g, '');
    expect(said).toContain('plan.pdf：按您的调整改变了页序，依次打印原第5、1、2、4页');
    expect(said).toContain('plan.pdf第1页（卷宗第');
    expect(said).not.toContain('tail.pdf：');
  });

  it.each([[[1, 2, 2, 4, 5]], [[1, 2, 3, 4]], [[1, 2, 3, 4, 5, 6]]])(
    'refuses the order %j, naming the file and its page count',
    async (order) => {
      const error = await assembleDossier({
        manifest: withOrder(order),
        baseDir: dir,
        outPath: path.join(dir, 'refused.pdf'),
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DossierInputError);
      expect((error as DossierInputError).code).toBe('page-order-invalid');
      expect((error as Error).message).toBe(
        '清单中“plan.pdf”的页序（pages.order）须把这个文件的每一页各列一次，不多不少（这个文件共 5 页）。' +
          '请改正页序，或删去 order，按文件原来的顺序打印。',
      );
      expect(fs.existsSync(path.join(dir, 'refused.pdf'))).toBe(false);
    },
  );
});
