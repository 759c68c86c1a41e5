import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Ghostscript's pdfwrite on A4, from PostScript given as `-c …` or as a file. */
async function ghostscriptToPdf(file: string, input: string[]): Promise<void> {
  await run('gs', [
    '-q',
    '-dBATCH',
    '-dNOPAUSE',
    '-dSAFER',
    '-sDEVICE=pdfwrite',
    '-sPAPERSIZE=a4',
    `-sOutputFile=${file}`,
    ...input,
  ]);
}

/**
 * A small text PDF made by Ghostscript (a public tool, never Juanzong): `pages` A4 pages, page k showing `label k`.
 */
export async function ghostscriptPdf(dir: string, name: string, label: string, pages: number): Promise<string> {
  const file = path.join(dir, name);
  const body = Array.from(
    { length: pages },
    (_, i) => `/Helvetica findfont 28 scalefont setfont 72 420 moveto (${label} ${i + 1}) show showpage`,
  ).join('\n');
  await ghostscriptToPdf(file, ['-c', body]);
  return file;
}

/** Like `ghostscriptPdf`, for many pages: the PostScript goes through a file (Ghostscript's `-c` line is short). */
export async function ghostscriptLongPdf(dir: string, name: string, label: string, pages: number): Promise<string> {
  const ps = path.join(dir, `${name}.ps`);
  const body = Array.from({ length: pages }, (_, i) => `72 420 moveto (${label} ${i + 1}) show showpage`);
  await writeFile(ps, ['%!PS', '/Helvetica findfont 28 scalefont setfont', ...body, ''].join('\n'));
  const file = path.join(dir, name);
  await ghostscriptToPdf(file, [ps]);
  return file;
}

export async function pdfPages(file: string): Promise<number> {
  const { stdout } = await run('qpdf', ['--show-npages', file]);
  return Number(stdout.trim());
}

export async function pdfText(file: string): Promise<string> {
  const { stdout } = await run('pdftotext', ['-layout', file, '-']);
  return stdout;
}

export async function bytesOf(file: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(file));
}
