/**
 * Pages as they really are: `juanzong inspect` on scans and photos made by ImageMagick and img2pdf, then a dossier
 * assembled from them and read back with poppler, ImageMagick and Debian's tesseract — every numbered page has
 * something on it, no page with something on it is missing, text reads upright and level, the desk is cut away,
 * the long screenshot is readable on several pages, and the 600 dpi scan is reduced.
 */
import { copyFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FileInspection } from '#shared/page-findings.ts';
import type { PageMap } from '../../../electron/core/dossier/types.ts';
import { assemble, CLI, explain, runProcess } from '../../acceptance/assemble-cli.ts';
import { fixtureManifest } from '../../fixtures/dossier-fixtures.ts';
import { scratchDir } from '../../fixtures/fixture-cache.ts';
import { pageFixtures, type PageFixtures } from '../../fixtures/page-fixtures.ts';
import { noFontsEnv, qpdfPageCount, runTool } from '../../fixtures/run-tool.ts';
import { execFileSync } from 'node:child_process';

const LONG = 10 * 60_000;
let fx: PageFixtures;
let out: string;

beforeAll(() => {
  fx = pageFixtures();
  out = scratchDir('pages');
}, LONG);

async function inspect(files: string[]): Promise<FileInspection[]> {
  const result = await runProcess(process.execPath, [CLI, 'inspect', '--json', ...files], LONG);
  expect(result.code, explain(result)).toBe(0);
  return JSON.parse(result.stdout) as FileInspection[];
}

/** A dossier page rendered in grey at `dpi` by pdftoppm (with no system fonts). */
function render(pdf: string, page: number, dpi: number): string {
  const base = path.join(out, `${path.basename(pdf, '.pdf')}-p${page}-${dpi}`);
  execFileSync(
    'pdftoppm',
    ['-gray', '-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', pdf, base],
    { env: noFontsEnv() },
  );
  return `${base}.png`;
}

const MM = 100 / 25.4;
/** The printable area (above the footer) of a page rendered at 100 dpi. */
const AREA = `${Math.round(186 * MM)}x${Math.round(260 * MM)}+${Math.round(12 * MM)}+${Math.round(12 * MM)}`;

/** Share of the pixels in the printable area of a 100 dpi render whose grey level lies in [from, to) (0..1). */
function share(png: string, from: number, to: number): number {
  // White where the pixel is lighter than `level` (everything, for level 0).
  const above = (level: number) => [
    '(',
    '-clone',
    '0',
    ...(level > 0 ? ['-threshold', `${level * 100}%`] : ['-fill', 'white', '-colorize', '100']),
    ')',
  ];
  return Number(
    runTool('convert', [
      png,
      '-crop',
      AREA,
      '+repage',
      ...above(from),
      ...above(to),
      '-delete',
      '0',
      '-compose',
      'difference',
      '-composite',
      '-format',
      '%[fx:mean]',
      'info:',
    ]),
  );
}

/** Tesseract's orientation (clockwise degrees the text is turned), or undefined when it finds too little text. */
function orientation(png: string): number | undefined {
  try {
    const said = execFileSync('tesseract', [png, '-', '--psm', '0'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const m = /Orientation in degrees: (\d+)/.exec(said);
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** ImageMagick's deskew angle of a page: how far its lines lean. */
function lean(png: string): number {
  return Math.abs(Number(runTool('convert', [png, '-deskew', '40%', '-format', '%[deskew:angle]', 'info:'])));
}

describe('juanzong inspect', () => {
  let results: FileInspection[];
  beforeAll(async () => {
    results = await inspect([
      fx.duplex,
      fx.nearBlank,
      fx.turnedScan,
      fx.skewedScan,
      fx.photoDark,
      fx.photoLight,
      fx.longScreenshot,
      fx.scan600[0]!,
    ]);
  }, LONG);
  const pages = (i: number) => results[i]!.pages;

  it('finds the blank backs of a duplex scan despite show-through, noise and punch holes', () => {
    expect(pages(0).map((p) => p.blank)).toEqual([false, true, false, true, false, true]);
    expect(pages(0).map((p) => Boolean(p.proposals.skip))).toEqual([false, true, false, true, false, true]);
  });

  it('keeps a page with only a signature, only a stamp or one line of text', () => {
    expect(pages(1).map((p) => p.blank)).toEqual([false, false, false]);
  });

  it('tells from the text how scans fed turned are to be turned back (Chinese and Latin, no /Rotate)', () => {
    expect(pages(2).map((p) => p.proposals.turn ?? 0)).toEqual([0, 180, 270, 90]);
  });

  it('measures the lean of skewed scans to within half a degree', () => {
    const [zh, en] = pages(3).map((p) => p.proposals.straighten ?? 0);
    expect(Math.abs(zh! + 3)).toBeLessThan(0.5);
    expect(Math.abs(en! - 2)).toBeLessThan(0.5);
  });

  it('finds the sheet in photos on a dark and on a light desk', () => {
    for (const i of [4, 5]) {
      expect(pages(i)[0]!.photo).toBe(true);
      expect(pages(i)[0]!.proposals.crop).toHaveLength(4);
    }
  });

  it('splits the long screenshot into A4 pages and proposes to reduce the 600 dpi scan', () => {
    expect(pages(6)[0]!.proposals.split!.length).toBeGreaterThanOrEqual(5);
    expect(pages(7)[0]!.proposals.reduceTo).toBe(300);
  });
});

describe('a dossier of real scans and photos', () => {
  let map: PageMap;
  let dossier: string;
  beforeAll(async () => {
    const names = Object.entries({
      duplex: fx.duplex,
      nearBlank: fx.nearBlank,
      turned: fx.turnedScan,
      skewed: fx.skewedScan,
      photoDark: fx.photoDark,
      photoLight: fx.photoLight,
      long: fx.longScreenshot,
    });
    for (const [, file] of names) copyFileSync(file, path.join(out, path.basename(file)));
    const base = fixtureManifest({ duplex: true, sealMarkers: true });
    const manifest = {
      ...base,
      materials: [
        { id: 'application-form', files: ['duplex.pdf', 'near-blank.pdf'] },
        { id: 'business-license', files: ['photo-dark.jpg'] },
        { id: 'financial-statements', files: ['long.png'] },
        { id: 'credit-report', files: ['photo-light.jpg'] },
        { id: 'authenticity-commitment', exempt: '测试' },
        { id: 'ethics-materials', notApplicable: true, reason: '不涉及' },
        { id: 'service-contract', files: ['turned.pdf', 'skewed.pdf'] },
        { id: 'construction-plan', exempt: '测试' },
      ],
    };
    const at = path.join(out, 'manifest.json');
    writeFileSync(at, JSON.stringify(manifest));
    dossier = path.join(out, 'dossier.pdf');
    const result = await assemble(at, dossier, [], LONG);
    expect(result.code, explain(result)).toBe(0);
    map = JSON.parse(result.stdout) as PageMap;
  }, LONG);

  const content = () => map.pageList!.filter((e) => e.kind === 'content');

  it('leaves out the three blank backs, numbers the rest, and drops no page with something on it', () => {
    expect(map.skipped!.map((s) => `${s.file}:${s.page}`)).toEqual(['duplex.pdf:2', 'duplex.pdf:4', 'duplex.pdf:6']);
    expect(qpdfPageCount(dossier)).toBe(map.pages);
    const fromDuplex = content()
      .filter((e) => e.source!.file === 'duplex.pdf')
      .map((e) => e.source!.page);
    expect(fromDuplex).toEqual([1, 3, 5]);
    expect(
      content()
        .filter((e) => e.source!.file === 'near-blank.pdf')
        .map((e) => e.source!.page),
    ).toEqual([1, 2, 3]);
    for (const e of content()) expect(e.number, `physical page ${e.physical}`).toBeGreaterThan(0);
  });

  it(
    'prints no numbered page blank',
    () => {
      for (const e of content()) {
        const dark = share(render(dossier, e.physical, 100), 0, 0.45);
        expect(dark, `physical page ${e.physical} (${e.source!.file} p${e.source!.page})`).toBeGreaterThan(0.0005);
      }
    },
    LONG,
  );

  it(
    'prints every page of text upright and level',
    () => {
      const text = content().filter((e) => ['duplex.pdf', 'turned.pdf', 'skewed.pdf'].includes(e.source!.file));
      for (const e of text) {
        const png = render(dossier, e.physical, 150);
        const what = `physical page ${e.physical} (${e.source!.file} p${e.source!.page})`;
        expect(orientation(png), what).toBe(0);
        expect(lean(png), what).toBeLessThanOrEqual(0.5);
      }
    },
    LONG,
  );

  it(
    'cuts the desk away from the photos',
    () => {
      const photos = content().filter((e) => e.source!.file.startsWith('photo-'));
      expect(photos).toHaveLength(2);
      for (const e of photos) {
        expect(e.changes?.crop).toBe(true);
        const png = render(dossier, e.physical, 100);
        expect(share(png, 0, 0.25), `dark desk on page ${e.physical}`).toBeLessThan(0.05);
        expect(share(png, 0.6, 0.8), `light desk on page ${e.physical}`).toBeLessThan(0.05);
      }
    },
    LONG,
  );

  it(
    'prints the long screenshot on several pages, its text readable on each',
    () => {
      const parts = content().filter((e) => e.source!.file === 'long.png');
      expect(parts.length).toBeGreaterThanOrEqual(5);
      for (const e of parts) {
        const text = execFileSync(
          'tesseract',
          [render(dossier, e.physical, 150), '-', '-l', 'chi_sim+eng', '--psm', '6'],
          { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
        );
        expect(text.replace(/\s/g, ''), `part ${e.changes?.split?.part}`).toMatch(/模型服务/);
      }
    },
    LONG,
  );
});

describe('a 600 dpi scan', () => {
  it(
    'comes out at no more than 40 % of its size with reduction on',
    async () => {
      for (const file of fx.scan600) copyFileSync(file, path.join(out, path.basename(file)));
      const base = fixtureManifest({ duplex: false, sealMarkers: false });
      const names = fx.scan600.map((f) => path.basename(f));
      const manifest = { ...base, materials: [{ id: 'financial-statements', files: names }] };
      const at = path.join(out, 'manifest-600.json');
      writeFileSync(at, JSON.stringify(manifest));
      const dossier = path.join(out, 'dossier-600.pdf');
      const result = await assemble(at, dossier, [], LONG);
      expect(result.code, explain(result)).toBe(0);
      const input = fx.scan600.reduce((n, f) => n + statSync(f).size, 0);
      expect(statSync(dossier).size).toBeLessThanOrEqual(0.4 * input);
    },
    LONG,
  );
});
