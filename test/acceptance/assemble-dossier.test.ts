/**
 * Issue 4's acceptance: `juanzong assemble` on the fixture set (owner-password PDF, /Rotate 90/180/270, a CropBox
 * page, Letter and A3 landscape, object streams, an EXIF-rotated photo, a transparent PNG, a multi-page TIFF),
 * checked by `shared/acceptance/check_dossier.py`, which reads the dossier only with qpdf and poppler.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dossierFixtures, type DossierFixtures } from '../fixtures/dossier-fixtures.ts';
import { scratchDir } from '../fixtures/fixture-cache.ts';
import { noFontsEnv, qpdfPageCount, runTool } from '../fixtures/run-tool.ts';
import { assemble, checkDossier, explain } from './assemble-cli.ts';

interface PageMap {
  pages: number;
  sections: { id: string; firstPage: number }[];
  blankPages: number[];
}

let fixtures: DossierFixtures;
let outDir: string;

beforeAll(() => {
  fixtures = dossierFixtures();
  outDir = scratchDir('assemble-dossier');
});

/** Assembles `manifest` through the CLI, runs check_dossier.py on the result and expects it to pass. */
async function assembleAndCheck(manifest: string, name: string): Promise<{ pdf: string; map: PageMap }> {
  const pdf = path.join(outDir, `${name}.pdf`);
  const mapFile = path.join(outDir, `${name}.json`);
  const run = await assemble(manifest, pdf);
  expect(run.code, explain(run)).toBe(0);
  writeFileSync(mapFile, run.stdout);
  const map = JSON.parse(run.stdout) as PageMap;
  const check = await checkDossier(pdf, mapFile, manifest, fixtures.expect);
  expect(check.stdout, check.stderr).toMatch(/^\d+ passed, 0 failed$/m);
  expect(check.code).toBe(0);
  expect(qpdfPageCount(pdf)).toBe(map.pages);
  return { pdf, map };
}

function pageText(pdf: string, page: number): string {
  return runTool('pdftotext', ['-q', '-layout', '-f', String(page), '-l', String(page), pdf, '-']);
}

/** How the words HXTL<id> and HXBR<id> sit on their page: 'upright', or turned 'cw' / 'ccw' (poppler's y grows down). */
function turnOf(pdf: string, id: string): string {
  const centre = (word: string): { x: number; y: number } => {
    const m = new RegExp(`xMin="([\\d.]+)" yMin="([\\d.]+)" xMax="([\\d.]+)" yMax="([\\d.]+)">${word}<`).exec(
      bbox(pdf),
    );
    if (!m) throw new Error(`no word ${word} in ${pdf}`);
    return { x: (Number(m[1]) + Number(m[3])) / 2, y: (Number(m[2]) + Number(m[4])) / 2 };
  };
  const [tl, br] = [centre(`HXTL${id}`), centre(`HXBR${id}`)];
  if (tl.x < br.x && tl.y < br.y) return 'upright';
  if (tl.x > br.x && tl.y < br.y) return 'cw';
  if (tl.x < br.x && tl.y > br.y) return 'ccw';
  return 'upside-down';
}

function bbox(pdf: string): string {
  return runTool('pdftotext', ['-q', '-bbox', pdf, '-']);
}

function grayRender(pdf: string, page: number, env: NodeJS.ProcessEnv): Buffer {
  return execFileSync('pdftoppm', ['-q', '-r', '40', '-gray', '-f', String(page), '-l', String(page), pdf], {
    env,
    maxBuffer: 16 * 1024 * 1024,
  });
}

describe('juanzong assemble on the fixture set', () => {
  it('makes a dossier that check_dossier.py passes, in duplex with seal marks', async () => {
    const { pdf } = await assembleAndCheck(fixtures.manifest, 'duplex-seals');
    expect(turnOf(pdf, 'CONTP3'), 'the A3 landscape page, fitted (the default)').toBe('upright');
  });

  it('with landscape pages turned to fill the sheet, passes the check and turns the A3 page', async () => {
    const { pdf } = await assembleAndCheck(fixtures.manifestTurn, 'landscape-turn');
    expect(['cw', 'ccw'], 'the A3 landscape page').toContain(turnOf(pdf, 'CONTP3'));
  });

  it('with duplex off, passes the check and inserts no blank pages', async () => {
    const { map } = await assembleAndCheck(fixtures.manifestSimplex, 'simplex');
    expect(map.blankPages).toEqual([]);
  });

  it('with seal marks off, passes the check and puts no seal marks on the materials', async () => {
    const { pdf, map } = await assembleAndCheck(fixtures.manifestNoSeals, 'no-seals');
    for (const section of map.sections.slice(2)) {
      const text = pageText(pdf, section.firstPage);
      expect(text, `${section.id}, page ${section.firstPage}`).not.toContain('盖章');
      expect(text, `${section.id}, page ${section.firstPage}`).not.toContain('骑缝');
    }
  });

  it('embeds its fonts: the cover and contents render the same with no system fonts', async () => {
    const pdf = path.join(outDir, 'fonts.pdf');
    const run = await assemble(fixtures.manifest, pdf);
    expect(run.code, explain(run)).toBe(0);
    const map = JSON.parse(run.stdout) as PageMap;
    const own = map.sections.filter((s) => s.id === 'cover' || s.id === 'toc').map((s) => s.firstPage);
    expect(own).toHaveLength(2);
    const bare = noFontsEnv();
    for (const page of own) {
      expect(grayRender(pdf, page, bare).equals(grayRender(pdf, page, process.env)), `page ${page}`).toBe(true);
    }
  });
});
