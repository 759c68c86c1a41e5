/**
 * A TIFF of 2,000 small pages through `juanzong assemble` (issue 14: once 141 s, time quadratic in the pages):
 * one measured run as the CLI runs it by default (each page inspected first), one of the assembly alone (the
 * pages' ink drawn now, for the seal marks), and the app's own path: `juanzong dossier` of an application with the
 * TIFF attached and inspected beforehand (its ink stored). Target: under 10 s.
 */
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fixtureManifest } from '../fixtures/dossier-fixtures.ts';
import { qpdfPageCount, runTool } from '../fixtures/run-tool.ts';
import { longTiffApplication } from './app-path.ts';
import { measure, type Measured } from './measure.ts';

const PAGES = 2000;
const TARGET_SECONDS = 10;

/** 120 × 170 px pages cycling through three patterns, LZW-compressed (built once, kept with the bench inputs). */
function ensureLongTiff(dir: string): string {
  const file = path.join(dir, `long-${PAGES}.tif`);
  if (existsSync(file)) return file;
  const page = (draw: string) => ['(', '-size', '120x170', 'xc:white', '-fill', 'black', '-draw', draw, ')'];
  const building = `${file}.building-${process.pid}.tif`;
  runTool('convert', [
    ...page('rectangle 0,0 40,40'),
    ...page('rectangle 80,0 119,40'),
    ...page('rectangle 0,130 40,169'),
    '-duplicate',
    `${Math.floor(PAGES / 3)},0-2`,
    '-delete',
    `${PAGES}--1`,
    '-compress',
    'lzw',
    building,
  ]);
  renameSync(building, file);
  return file;
}

function writeManifest(dir: string, tiff: string, inspect: boolean): string {
  const base = fixtureManifest({ duplex: false, sealMarkers: true });
  const manifest = {
    ...base,
    options: { ...base.options, autoFix: inspect },
    materials: [{ id: 'financial-statements', files: [path.basename(tiff)] }],
  };
  const at = path.join(dir, `manifest-long-tiff-${inspect ? 'inspected' : 'assembly'}.json`);
  writeFileSync(at, JSON.stringify(manifest, null, 2));
  return at;
}

const line = (label: string, m: Measured) =>
  `  ${label}: ${m.seconds.toFixed(1)} s (CPU ${m.userSeconds.toFixed(1)} user + ${m.systemSeconds.toFixed(1)} kernel), ` +
  `peak RSS ${m.rssMiB.toFixed(0)} MiB (target < ${TARGET_SECONDS} s)   ${m.seconds < TARGET_SECONDS ? 'ok' : 'OVER TARGET'}`;

/** Measures the long TIFF's assembly and returns the report's lines. */
export async function benchLongTiff(cli: string, inputDir: string, outDir: string): Promise<string> {
  const tiff = ensureLongTiff(inputDir);
  const out = path.join(outDir, 'long-tiff.pdf');
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  const runs: [string, Measured][] = [];
  const counted = () => {
    const pages = qpdfPageCount(out);
    if (pages < PAGES) throw new Error(`${out}: ${pages} pages, want at least ${PAGES}`);
  };
  for (const inspect of [true, false]) {
    const manifest = writeManifest(inputDir, tiff, inspect);
    const label = inspect
      ? 'inspected and assembled (the CLI default)'
      : 'assembled alone (autoFix false: nothing inspected, the ink drawn now)';
    runs.push([label, await measure(outDir, process.execPath, [cli, 'assemble', manifest, '--out', out])]);
    counted();
  }
  const [dataDir, application] = await longTiffApplication(tiff, (l) => process.stderr.write(`${l}\n`));
  const app = [cli, '--data', dataDir, 'dossier', String(application), '--out', out];
  runs.push(['app path (juanzong dossier: the ink stored at attach)', await measure(outDir, process.execPath, app)]);
  counted();
  return [
    `juanzong assemble of a ${PAGES}-page TIFF (120 × 170 px pages), one run each; load average ${load} before`,
    ...runs.map(([label, m]) => line(label, m)),
  ].join('\n');
}
