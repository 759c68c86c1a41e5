/**
 * Inputs for the dossier engine's PDF tests, and readers of what it drew — all through public tools
 * (qpdf, poppler, ImageMagick, exiftool); pdf-lib only for simple test shapes.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument, StandardFonts, degrees } from 'pdf-lib';
import { manifest as manifestSchema, type Manifest, type ManifestInput } from '#shared/manifest.ts';
import { assembleDossier, type AssembleInput, type AssembleResult } from '../../../electron/core/dossier/index.ts';
import { assertValidPdf } from '../../acceptance/assemble-cli.ts';

export const A4: [number, number] = [595.28, 841.89];
export const LETTER: [number, number] = [612, 792];
export const A3_LANDSCAPE: [number, number] = [1190.55, 841.89];

export interface TestPage {
  size: [number, number];
  /** Words drawn at the top-left, middle and bottom-right of the page (in its own unrotated space). */
  label: string;
  rotate?: 0 | 90 | 180 | 270;
  cropBox?: [number, number, number, number];
}

/** A PDF whose page k shows `TL<label>`, `MID<label>`, `BR<label>` near its corners and middle. */
export async function makePdf(file: string, pages: TestPage[]): Promise<string> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const p of pages) {
    const page = doc.addPage(p.size);
    const [w, h] = p.size;
    const box = p.cropBox ?? [0, 0, w, h];
    page.drawText(`TL${p.label}`, { x: box[0] + 20, y: box[3] - 40, size: 14, font });
    page.drawText(`MID${p.label}`, { x: (box[0] + box[2]) / 2 - 30, y: (box[1] + box[3]) / 2, size: 14, font });
    page.drawText(`BR${p.label}`, { x: box[2] - 110, y: box[1] + 30, size: 14, font });
    if (p.cropBox)
      page.setCropBox(p.cropBox[0], p.cropBox[1], p.cropBox[2] - p.cropBox[0], p.cropBox[3] - p.cropBox[1]);
    if (p.rotate) page.setRotation(degrees(p.rotate));
  }
  fs.writeFileSync(file, await doc.save());
  return file;
}

export function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): string {
  return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env, maxBuffer: 64 << 20 });
}

/** Runs a tool that may exit non-zero; returns its exit code and output. */
export function runStatus(cmd: string, args: string[]): { code: number; stdout: string; stderr: string } {
  try {
    return { code: 0, stdout: run(cmd, args), stderr: '' };
  } catch (error) {
    const e = error as { status?: number; stdout?: string; stderr?: string };
    return { code: e.status ?? -1, stdout: String(e.stdout ?? ''), stderr: String(e.stderr ?? '') };
  }
}

/** `assembleDossier`, then `qpdf --check` on what it wrote (throws unless exit 0): every dossier a test makes must pass. */
export async function assembleChecked(input: AssembleInput): Promise<AssembleResult> {
  const result = await assembleDossier(input);
  assertValidPdf(result.pdf);
  return result;
}

export function manifestOf(input: Partial<ManifestInput> & { materials: ManifestInput['materials'] }): Manifest {
  return manifestSchema.parse({
    profile: 'sz-model-voucher-2025',
    applicant: {
      name: '深圳市卷宗测试科技有限公司',
      creditCode: '91440300MA5G8XK3QJ',
      contact: '李会计',
      phone: '0755-86000000',
    },
    ...input,
    // These tests are of the drawing (placement, /Rotate, marks): the page inspection, tested in test/pdf/pages, is off.
    options: { date: '2025-10-13', autoFix: false, ...input.options },
  });
}

/** Page sizes (as shown, /Rotate applied) from pdfinfo. */
export function shownSizes(pdf: string): [number, number][] {
  const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [pdf]))![1]);
  const out = run('pdfinfo', ['-f', '1', '-l', String(pages), pdf]);
  const sizes: [number, number][] = [];
  const rot: number[] = [];
  for (const line of out.split('\n')) {
    const s = /^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)/.exec(line);
    if (s) sizes[Number(s[1]) - 1] = [Number(s[2]), Number(s[3])];
    const r = /^Page\s+(\d+) rot:\s+(\d+)/.exec(line);
    if (r) rot[Number(r[1]) - 1] = Number(r[2]);
  }
  return sizes.map(([w, h], i) => ((rot[i] ?? 0) % 180 === 90 ? [h, w] : [w, h]));
}

export function pageText(pdf: string, page: number, crop?: [number, number, number, number]): string {
  const args = ['-q', '-f', String(page), '-l', String(page), '-layout'];
  if (crop) args.push('-x', String(crop[0]), '-y', String(crop[1]), '-W', String(crop[2]), '-H', String(crop[3]));
  return run('pdftotext', [...args, pdf, '-']);
}

/** Words and their boxes (poppler's coordinates, y down) on one page. */
export function wordBoxes(
  pdf: string,
  page: number,
): { word: string; x0: number; y0: number; x1: number; y1: number }[] {
  const out = run('pdftotext', ['-q', '-bbox', '-f', String(page), '-l', String(page), pdf, '-']);
  const words = [];
  for (const m of out.matchAll(
    /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)<\/word>/g,
  )) {
    words.push({ word: m[5]!, x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]) });
  }
  return words;
}

/** A fontconfig setup with no fonts at all, so poppler cannot hide a broken embedded font. */
export function emptyFontConfig(dir: string): NodeJS.ProcessEnv {
  const fonts = path.join(dir, 'no-fonts');
  fs.mkdirSync(fonts, { recursive: true });
  const conf = path.join(dir, 'fonts.conf');
  fs.writeFileSync(
    conf,
    `<?xml version="1.0"?>\n<fontconfig><dir>${fonts}</dir><cachedir>${path.join(dir, 'fc-cache')}</cachedir></fontconfig>\n`,
  );
  return { ...process.env, FONTCONFIG_FILE: conf };
}

/** Renders one page in grey at `dpi`; returns width, height and pixels (0 = black). */
export function renderGray(
  pdf: string,
  page: number,
  dpi: number,
  env: NodeJS.ProcessEnv,
): { w: number; h: number; px: Buffer; stderr: string } {
  const prefix = path.join(path.dirname(pdf), `render-${page}-${dpi}`);
  let stderr = '';
  try {
    execFileSync('pdftoppm', ['-f', String(page), '-l', String(page), '-r', String(dpi), '-gray', pdf, prefix], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    stderr = String((error as { stderr?: unknown }).stderr ?? '');
  }
  const file = fs
    .readdirSync(path.dirname(pdf))
    .find((f) => f.startsWith(path.basename(prefix)) && f.endsWith('.pgm'))!;
  const data = fs.readFileSync(path.join(path.dirname(pdf), file));
  fs.rmSync(path.join(path.dirname(pdf), file));
  const [, w, h] = /^P5\s+(\d+)\s+(\d+)\s+\d+\s/.exec(data.toString('latin1', 0, 40))!;
  const header = /^P5\s+\d+\s+\d+\s+\d+\s/.exec(data.toString('latin1', 0, 40))![0].length;
  return { w: Number(w), h: Number(h), px: data.subarray(header), stderr };
}

/** Share of dark pixels (< 128) inside a box given as fractions of the page (x, y from the top-left). */
export function inkIn(r: { w: number; h: number; px: Buffer }, box: [number, number, number, number]): number {
  const [fx0, fy0, fx1, fy1] = box;
  let dark = 0;
  let all = 0;
  for (let y = Math.floor(fy0 * r.h); y < Math.floor(fy1 * r.h); y += 1) {
    for (let x = Math.floor(fx0 * r.w); x < Math.floor(fx1 * r.w); x += 1) {
      all += 1;
      if (r.px[y * r.w + x]! < 128) dark += 1;
    }
  }
  return all ? dark / all : 0;
}

/** qpdf's JSON of a PDF (page labels, outlines, pages). */
export function qpdfJson(pdf: string, keys: string[]): Record<string, unknown> {
  return JSON.parse(run('qpdf', ['--json=2', ...keys.map((k) => `--json-key=${k}`), pdf])) as Record<string, unknown>;
}
