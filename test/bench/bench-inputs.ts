/**
 * The benchmark's input set, made with public tools (ImageMagick, img2pdf, ghostscript, qpdf, exiftool) into
 * `.tmp/bench/inputs-<version>/` and reused when present: about 500 pages of what a clerk scans and photographs.
 *
 * | kind          | files × pages | what                                                                   |
 * |---------------|---------------|------------------------------------------------------------------------|
 * | scan-300      | 8 × 10        | greyscale 300 dpi JPEG scans in PDF (img2pdf)                          |
 * | scan-200      | 8 × 10        | colour 200 dpi JPEG scans in PDF                                       |
 * | scan-150      | 8 × 10        | greyscale 150 dpi JPEG scans in PDF                                    |
 * | text          | 8 × 20        | ghostscript text PDFs; one owner-password, one with object streams     |
 * | photo         | 60 × 1        | 12 MP phone photos (JPEG), a third stored on their side (EXIF 6)        |
 * | png-screen    | 20 × 1        | flat RGBA screenshots                                                  |
 * | png-scan      | 20 × 1        | 8-bit greyscale 200 dpi scans saved as PNG                             |
 *
 * Every page image is distinct (bars at page-dependent places), so nothing can be shared between pages.
 * `benchSet(fraction)` takes the first `fraction` of each kind: 0.5 gives the ~250-page set.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../fixtures/fixture-cache.ts';
import { runToolAsync } from '../fixtures/run-tool.ts';
import { mapWithConcurrency } from '../corpus/pool.ts';

/** Bump when the generator changes, so a stale cache is not measured. */
const VERSION = 'v1';
export const BENCH_DIR = path.join(REPO_ROOT, '.tmp/bench');
export const INPUT_DIR = path.join(BENCH_DIR, `inputs-${VERSION}`);

export interface BenchFile {
  name: string;
  pages: number;
  isPdf: boolean;
}

interface Kind {
  prefix: string;
  count: number;
  pagesEach: number;
  isPdf: boolean;
}

const kinds: Kind[] = [
  { prefix: 'scan-300', count: 8, pagesEach: 10, isPdf: true },
  { prefix: 'scan-200', count: 8, pagesEach: 10, isPdf: true },
  { prefix: 'scan-150', count: 8, pagesEach: 10, isPdf: true },
  { prefix: 'text', count: 8, pagesEach: 20, isPdf: true },
  { prefix: 'photo', count: 60, pagesEach: 1, isPdf: false },
  { prefix: 'png-screen', count: 20, pagesEach: 1, isPdf: false },
  { prefix: 'png-scan', count: 20, pagesEach: 1, isPdf: false },
];

const extension = (prefix: string): string => (prefix === 'photo' ? 'jpg' : prefix.startsWith('png') ? 'png' : 'pdf');
const fileName = (kind: Kind, i: number): string =>
  `${kind.prefix}-${String(i + 1).padStart(2, '0')}.${extension(kind.prefix)}`;

/** The first `fraction` of every kind, interleaved so that materials get a mix. */
export function benchSet(fraction: number): BenchFile[] {
  const lists = kinds.map((k) =>
    Array.from({ length: Math.round(k.count * fraction) }, (_, i) => ({
      name: fileName(k, i),
      pages: k.pagesEach,
      isPdf: k.isPdf,
    })),
  );
  const longest = Math.max(...lists.map((l) => l.length));
  return Array.from({ length: longest }, (_, i) => lists.flatMap((l) => (l[i] ? [l[i]] : []))).flat();
}

/** ImageMagick arguments drawing dark bars whose places depend on `seed`: a distinct "text" per page. */
function bars(width: number, height: number, seed: number): string[] {
  const args = ['-fill', '#2a2a2a'];
  for (let line = 0; line < 38; line += 1) {
    const y = Math.round(height * (0.08 + line * 0.022));
    const end = Math.round(width * (0.45 + ((seed * 7 + line * 13) % 41) / 100));
    args.push('-draw', `rectangle ${Math.round(width * 0.1)},${y} ${end},${y + Math.round(height * 0.006)}`);
  }
  return args;
}

/** A grey paper texture: noise is what makes scans weigh what they weigh. */
function paperPath(dir: string, width: number, height: number, colour: boolean): string {
  return path.join(dir, `paper-${width}x${height}${colour ? '-colour' : ''}.png`);
}

async function makePaper(dir: string, width: number, height: number, colour: boolean): Promise<void> {
  const tint = colour ? ['-fill', '#f3ead8', '-colorize', '30'] : ['-colorspace', 'Gray'];
  const out = paperPath(dir, width, height, colour);
  await runToolAsync('convert', [
    '-size',
    `${width}x${height}`,
    'xc:#f6f6f2',
    '-attenuate',
    '0.35',
    '+noise',
    'Gaussian',
    ...tint,
    out,
  ]);
}

const photoBase = (dir: string, n: number): string => path.join(dir, `photo-base-${n}.png`);

async function makePhotoBase(dir: string, n: number): Promise<void> {
  const args = [
    '-size',
    '3024x4032',
    '-seed',
    String(n + 1),
    'plasma:#d8d2c4-#a89f90',
    '-attenuate',
    '0.3',
    '+noise',
    'Gaussian',
  ];
  await runToolAsync('convert', [...args, photoBase(dir, n)]);
}

const scanSize = (dpi: number): [number, number] => [Math.round(8.27 * dpi), Math.round(11.69 * dpi)];

async function makeScanPdf(dir: string, kind: Kind, index: number): Promise<void> {
  const dpi = Number(kind.prefix.slice(5));
  const [w, h] = scanSize(dpi);
  const base = paperPath(dir, w, h, dpi === 200);
  const pages = Array.from({ length: kind.pagesEach }, (_, p) => path.join(dir, `${kind.prefix}-${index}-${p}.jpg`));
  for (const [p, page] of pages.entries()) {
    const density = ['-units', 'PixelsPerInch', '-density', String(dpi)];
    await runToolAsync('convert', [base, ...bars(w, h, index * 100 + p), '-quality', '75', ...density, page]);
  }
  await runToolAsync('img2pdf', ['-o', path.join(dir, fileName(kind, index)), ...pages]);
  for (const page of pages) rmSync(page);
}

function textPostScript(index: number, pages: number): string {
  const lines: string[] = ['%!PS', '/Times-Roman 10.5 selectfont'];
  for (let p = 0; p < pages; p += 1) {
    lines.push('<< /PageSize [595 842] >> setpagedevice');
    for (let l = 0; l < 58; l += 1) {
      const words = Array.from({ length: 14 }, (_, w) => `term${(index * 7919 + p * 131 + l * 17 + w) % 997}`).join(
        ' ',
      );
      lines.push(`60 ${790 - l * 12.5} moveto (${words}) show`);
    }
    lines.push('showpage');
  }
  return lines.join('\n') + '\n';
}

async function makeTextPdf(dir: string, kind: Kind, index: number): Promise<void> {
  const ps = path.join(dir, `text-${index}.ps`);
  const plain = path.join(dir, `text-${index}.plain.pdf`);
  const out = path.join(dir, fileName(kind, index));
  writeFileSync(ps, textPostScript(index, kind.pagesEach));
  const gs = ['-q', '-dNOPAUSE', '-dBATCH', '-dSAFER', '-sDEVICE=pdfwrite', '-dAutoRotatePages=/None'];
  await runToolAsync('gs', [...gs, `-sOutputFile=${plain}`, ps]);
  if (index === 0) await runToolAsync('qpdf', ['--encrypt', '', 'owner', '256', '--', plain, out]);
  else if (index === 1) await runToolAsync('qpdf', ['--object-streams=generate', plain, out]);
  else renameSync(plain, out);
  rmSync(ps);
  rmSync(plain, { force: true });
}

async function makePhoto(dir: string, kind: Kind, index: number): Promise<void> {
  const out = path.join(dir, fileName(kind, index));
  const sideways = index % 3 === 0;
  const turn = sideways ? ['-rotate', '-90'] : [];
  await runToolAsync('convert', [
    photoBase(dir, index % 4),
    ...bars(3024, 4032, index),
    ...turn,
    '-quality',
    '88',
    out,
  ]);
  if (sideways) await runToolAsync('exiftool', ['-q', '-overwrite_original', '-Orientation=6', '-n', out]);
}

async function makePng(dir: string, kind: Kind, index: number): Promise<void> {
  const out = path.join(dir, fileName(kind, index));
  if (kind.prefix === 'png-scan') {
    const [w, h] = scanSize(200);
    await runToolAsync('convert', [
      paperPath(dir, w, h, false),
      ...bars(w, h, index + 500),
      '-colorspace',
      'Gray',
      '-depth',
      '8',
      out,
    ]);
    return;
  }
  await runToolAsync('convert', [
    '-size',
    '1240x1754',
    'xc:#ffffff',
    ...bars(1240, 1754, index + 900),
    '-fill',
    '#3a6ea5',
    '-draw',
    `rectangle 0,0 1240,${90 + (index % 5) * 10}`,
    '(',
    '-size',
    '1240x120',
    'xc:rgba(255,255,255,0)',
    ')',
    '-geometry',
    '+0+1634',
    '-compose',
    'Copy',
    '-composite',
    `PNG32:${out}`,
  ]);
}

const makers: Record<string, (dir: string, kind: Kind, index: number) => Promise<void>> = {
  'scan-300': makeScanPdf,
  'scan-200': makeScanPdf,
  'scan-150': makeScanPdf,
  text: makeTextPdf,
  photo: makePhoto,
  'png-screen': makePng,
  'png-scan': makePng,
};

/** Builds the full input set unless it is there already; returns its folder. */
export async function ensureBenchInputs(log: (line: string) => void): Promise<string> {
  if (existsSync(path.join(INPUT_DIR, 'DONE'))) return INPUT_DIR;
  mkdirSync(INPUT_DIR, { recursive: true });
  log(`making the bench inputs in ${path.relative(REPO_ROOT, INPUT_DIR)} (once; a few minutes)…`);
  const bases: (() => Promise<void>)[] = [
    ...[150, 200, 300].map((dpi) => () => makePaper(INPUT_DIR, ...scanSize(dpi), dpi === 200)),
    () => makePaper(INPUT_DIR, ...scanSize(200), false), // for png-scan
    ...[0, 1, 2, 3].map((n) => () => makePhotoBase(INPUT_DIR, n)),
  ];
  await mapWithConcurrency(bases, 2, (make) => make());
  const jobs = kinds.flatMap((kind) => Array.from({ length: kind.count }, (_, i) => ({ kind, i })));
  await mapWithConcurrency(jobs, 2, async ({ kind, i }) => {
    if (!existsSync(path.join(INPUT_DIR, fileName(kind, i)))) await makers[kind.prefix]!(INPUT_DIR, kind, i);
  });
  for (const f of readdirSync(INPUT_DIR).filter((n) => /^(paper|photo-base)-/.test(n))) rmSync(path.join(INPUT_DIR, f));
  writeFileSync(path.join(INPUT_DIR, 'DONE'), new Date().toISOString() + '\n');
  return INPUT_DIR;
}

/**
 * Each image of the set wrapped, as it is, in a one-page PDF by img2pdf (JPEG and PNG data pass through; a PNG
 * with alpha is flattened on white first, which img2pdf requires): a second qpdf baseline that merges every
 * input byte, not only the PDFs. Made once, beside the inputs.
 */
export async function ensureWrappedImages(files: BenchFile[]): Promise<Map<string, string>> {
  const dir = path.join(INPUT_DIR, 'wrapped');
  mkdirSync(dir, { recursive: true });
  const wrapped = new Map<string, string>();
  await mapWithConcurrency(
    files.filter((f) => !f.isPdf),
    2,
    async (f) => {
      const out = path.join(dir, `${f.name}.pdf`);
      if (!existsSync(out)) {
        let source = path.join(INPUT_DIR, f.name);
        if (f.name.startsWith('png-screen')) {
          const flat = path.join(dir, `${f.name}.flat.png`);
          await runToolAsync('convert', [source, '-background', 'white', '-flatten', `PNG24:${flat}`]);
          source = flat;
        }
        await runToolAsync('img2pdf', ['-o', out, source]);
      }
      wrapped.set(f.name, out);
    },
  );
  return wrapped;
}
