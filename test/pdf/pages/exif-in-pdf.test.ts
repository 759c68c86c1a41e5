/**
 * A scan in a PDF whose JPEG still carries a camera's EXIF orientation: PDF readers show the picture as stored and
 * ignore EXIF, so the inspection must too. A JPEG of an upright page tagged "turn 90° to view" (exiftool), put in a
 * PDF as it is (img2pdf --rotation none), reads upright in poppler; no turn may be proposed, and the dossier page
 * must read upright as well.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import type { FileInspection } from '#shared/page-findings.ts';
import type { PageMap } from '../../../electron/core/dossier/types.ts';
import { assemble, CLI, explain, runProcess } from '../../acceptance/assemble-cli.ts';
import { fixtureManifest } from '../../fixtures/dossier-fixtures.ts';
import { scratchDir } from '../../fixtures/fixture-cache.ts';
import { pageFixtures } from '../../fixtures/page-fixtures.ts';
import { noFontsEnv, runTool } from '../../fixtures/run-tool.ts';
import { writeFileSync } from 'node:fs';

const LONG = 5 * 60_000;
let dir: string;
let pdf: string;

beforeAll(() => {
  dir = scratchDir('exif-in-pdf');
  const jpeg = path.join(dir, 'zh-exif6.jpg');
  runTool('convert', [path.join(pageFixtures().dir, 'zh.png'), '-quality', '90', jpeg]);
  runTool('exiftool', ['-q', '-overwrite_original', '-Orientation=6', '-n', jpeg]);
  pdf = path.join(dir, 'exif6.pdf');
  runTool('img2pdf', ['--rotation', 'none', '--imgsize', '200dpi', '-o', pdf, jpeg]);
}, LONG);

/** Tesseract's orientation of a page rendered by pdftoppm: clockwise degrees its text is turned. */
function shownOrientation(file: string, page: number): number | undefined {
  const base = path.join(dir, `${path.basename(file, '.pdf')}-p${page}`);
  execFileSync(
    'pdftoppm',
    ['-gray', '-png', '-r', '100', '-f', `${page}`, '-l', `${page}`, '-singlefile', file, base],
    {
      env: noFontsEnv(),
    },
  );
  const said = execFileSync('tesseract', [`${base}.png`, '-', '--psm', '0'], { encoding: 'utf8', stdio: 'pipe' });
  const m = /Orientation in degrees: (\d+)/.exec(said);
  return m ? Number(m[1]) : undefined;
}

it(
  'takes the page as a PDF reader shows it, whatever EXIF its JPEG carries',
  async () => {
    expect(runTool('exiftool', ['-s3', '-n', '-Orientation', path.join(dir, 'zh-exif6.jpg')]).trim()).toBe('6');
    expect(shownOrientation(pdf, 1)).toBe(0);
    const result = await runProcess(process.execPath, [CLI, 'inspect', '--json', pdf], LONG);
    expect(result.code, explain(result)).toBe(0);
    const [inspected] = JSON.parse(result.stdout) as FileInspection[];
    expect(inspected!.pages[0]!.orientation).toBe(0);
    expect(inspected!.pages[0]!.proposals.turn).toBeUndefined();

    const base = fixtureManifest({ duplex: false, sealMarkers: false });
    const materials = base.materials.map((m) => (m.files ? { id: m.id, files: ['exif6.pdf'] } : m));
    const manifest = path.join(dir, 'manifest.json');
    writeFileSync(manifest, JSON.stringify({ ...base, materials }));
    const out = path.join(dir, 'dossier.pdf');
    const assembled = await assemble(manifest, out);
    expect(assembled.code, explain(assembled)).toBe(0);
    const map = JSON.parse(assembled.stdout) as PageMap;
    const pages = map.pageList!.filter((e) => e.kind === 'content').map((e) => e.physical);
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) expect(shownOrientation(out, page), `dossier page ${page}`).toBe(0);
  },
  LONG,
);
