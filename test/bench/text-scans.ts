/**
 * Scans with text for the inspection's figures: 3 PDFs × 10 pages of 300 dpi greyscale JPEG (img2pdf), each page
 * 28 lines of Chinese and Latin text on noisy paper, every other page fed turned (90, 180 or 270° clockwise, no
 * /Rotate). The bars of the assembly set carry no text, so Tesseract's orientation gives up on them at once; a
 * clerk's scans are text. Made with ImageMagick and img2pdf into `.tmp/bench/text-scans-<version>/`, reused.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CHINESE, FONT, LATIN } from '../fixtures/page-fixtures.ts';
import { runToolAsync } from '../fixtures/run-tool.ts';
import { BENCH_DIR } from './bench-inputs.ts';

const VERSION = 'v1';
const DIR = path.join(BENCH_DIR, `text-scans-${VERSION}`);
const FILES = 3;
const PAGES = 10;
const A4_300 = { w: 2480, h: 3508 };
/** The clockwise turn each page is fed with, page by page. */
const FEED_TURNS = [0, 90, 0, 180, 0, 270, 0, 90, 0, 180] as const;

export interface TextScan {
  file: string;
  /** Per page, the clockwise turn the text was given: what the inspection should find. */
  turns: readonly number[];
}

function pageLines(file: number, page: number): string[] {
  const mixed = CHINESE.flatMap((zh, i) => [zh, LATIN[(i + file + page) % LATIN.length]!]);
  return [...mixed, ...mixed].slice(page % 3, (page % 3) + 28);
}

async function makePage(out: string, file: number, page: number): Promise<void> {
  await runToolAsync('convert', [
    '-size',
    `${A4_300.w}x${A4_300.h}`,
    'xc:#f4f3ee',
    '-attenuate',
    '0.25',
    '+noise',
    'Gaussian',
    '-font',
    FONT,
    '-pointsize',
    '44',
    '-interline-spacing',
    '30',
    '-fill',
    '#1c1c1c',
    '-annotate',
    '+250+380',
    pageLines(file, page).join('\n'),
    '-rotate',
    String(FEED_TURNS[page]!),
    '-colorspace',
    'Gray',
    '-quality',
    '75',
    '-units',
    'PixelsPerInch',
    '-density',
    '300',
    out,
  ]);
}

/** The text scans, made once. */
export async function ensureTextScans(log: (line: string) => void): Promise<TextScan[]> {
  const scans = Array.from({ length: FILES }, (_, i) => ({
    file: path.join(DIR, `text-scan-${i + 1}.pdf`),
    turns: FEED_TURNS,
  }));
  if (existsSync(path.join(DIR, 'DONE'))) return scans;
  mkdirSync(DIR, { recursive: true });
  log(`making the text scans in ${DIR} (once)…`);
  for (const [i, scan] of scans.entries()) {
    const pages = Array.from({ length: PAGES }, (_, p) => path.join(DIR, `page-${i}-${p}.jpg`));
    for (const [p, page] of pages.entries()) await makePage(page, i, p);
    await runToolAsync('img2pdf', ['-o', scan.file, ...pages]);
    for (const page of pages) rmSync(page);
  }
  writeFileSync(path.join(DIR, 'DONE'), new Date().toISOString() + '\n');
  return scans;
}
