/**
 * The evidence for the pdf-lib parser fixes (electron/core/dossier/pdf-lib-patches.ts): the slow case they fix
 * (a stream with an indirect /Length, scanned byte by byte) and that pdf-lib's behaviour stays the same. The
 * package's own build (`pdf-lib`, which the fixes never touch) parses the same bytes beside the fixed one.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as untouched from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PDFContext,
  PDFDocument,
  PDFObjectParser,
  PDFRef,
  PDFStreamParsingError,
  type PDFRawStream,
} from '../../../electron/core/dossier/pdf-lib.ts';
import {
  PATCHED_PDF_LIB_VERSION,
  applyIndirectLengths,
  findEndOfStream,
  installPdfLibPatches,
  installedPdfLibVersion,
  pdfLibPatchesInstalled,
} from '../../../electron/core/dossier/pdf-lib-patches.ts';
import { pdfFromObjects } from '../../helpers/raw-pdf.ts';

let dir: string;
const at = (name: string) => path.join(dir, name);
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { stdio: 'pipe' });

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'juanzong-pdflib-'));
  // Noise that does not compress, as a PNG wrapped by img2pdf: one ~700 KiB image stream. qpdf's QDF form writes
  // every /Length as an indirect object: pdf-lib's slow path.
  run('convert', ['-size', '600x600', 'xc:gray', '+noise', 'Random', at('noise.png')]);
  run('img2pdf', [at('noise.png'), '-o', at('noise.pdf')]);
  run('qpdf', ['--qdf', '--object-streams=disable', at('noise.pdf'), at('noise-qdf.pdf')]);
  // A page whose text is the word "stream": pdf-lib counts it as a nested stream in the content's data.
  const page = '/Helvetica findfont 28 scalefont setfont 72 420 moveto (stream) show showpage';
  run('gs', [
    '-q',
    '-dBATCH',
    '-dNOPAUSE',
    '-dSAFER',
    '-sDEVICE=pdfwrite',
    `-sOutputFile=${at('word.pdf')}`,
    '-c',
    page,
  ]);
  run('qpdf', ['--qdf', '--object-streams=disable', at('word.pdf'), at('word-qdf.pdf')]);
}, 60_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

type Doc = { context: { enumerateIndirectObjects(): [{ toString(): string }, unknown][] } };

/** Every indirect object of a parsed document: its text, and a stream's dictionary and exact bytes. */
function objectsOf(doc: Doc): Map<string, string> {
  const objects = new Map<string, string>();
  for (const [ref, obj] of doc.context.enumerateIndirectObjects()) {
    const stream = obj as { dict?: { toString(): string }; contents?: Uint8Array };
    const text = stream.contents
      ? `${stream.dict!.toString()} ${Buffer.from(stream.contents).toString('hex')}`
      : String(obj);
    objects.set(ref.toString(), text);
  }
  return objects;
}

/** Calls to the keyword matcher while `work` runs: byte-by-byte scanning makes five for every byte. */
async function keywordChecks(proto: object, work: () => Promise<unknown>): Promise<number> {
  const inherited = (proto as { matchKeyword: (...a: unknown[]) => boolean }).matchKeyword;
  let calls = 0;
  Object.defineProperty(proto, 'matchKeyword', {
    configurable: true,
    writable: true,
    value(this: unknown, ...args: unknown[]) {
      calls += 1;
      return inherited.apply(this, args);
    },
  });
  try {
    await work();
  } finally {
    delete (proto as { matchKeyword?: unknown }).matchKeyword;
  }
  return calls;
}

/**
 * An error as the clerk's log would show it, less the line and column: pdf-lib advances those only as it reads byte
 * by byte (and counts a newline twice wherever a keyword match starts on it and fails), so they differ from the
 * fixed search's. The byte offset, the message and the kind of error are the same.
 */
const withoutLineAndColumn = (message: string) =>
  message.replace(/"line":\d+,"column":\d+,/g, '').replace(/line:\d+ col:\d+ /g, '');

/** Where the untouched pdf-lib ends the stream data that starts at `start`, or the error it throws. */
function untouchedEnd(bytes: Uint8Array, start: number): { end: number; after: number } | string {
  const parser = untouched.PDFObjectParser.forBytes(bytes, untouched.PDFContext.create()) as unknown as {
    bytes: { moveTo(n: number): void; offset(): number };
    findEndOfStreamFallback(pos: unknown): number;
  };
  parser.bytes.moveTo(start);
  try {
    const end = parser.findEndOfStreamFallback({ line: 0, column: 0, offset: start });
    return { end, after: parser.bytes.offset() };
  } catch (error) {
    return withoutLineAndColumn((error as Error).message);
  }
}

describe('installing the pdf-lib fixes', () => {
  it('installs them on pdf-lib 1.17.1 only, and says so', () => {
    expect(installedPdfLibVersion()).toBe(PATCHED_PDF_LIB_VERSION);
    const before = pdfLibPatchesInstalled();
    expect(installPdfLibPatches('1.17.2')).toBe('skipped');
    expect(pdfLibPatchesInstalled()).toBe(before);
    expect(installPdfLibPatches()).toBe('installed');
    expect(installPdfLibPatches()).toBe('installed');
    expect(pdfLibPatchesInstalled()).toBe(true);
  });
});

describe('the fixed end-of-stream search', () => {
  const tokens = ['stream', 'endstream', '\r\n', '\r', '\n', 'end', 'x', ' ', 'str'];
  it('ends every stream where pdf-lib does, nested keywords and unbalanced ones included', () => {
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647);
    for (let n = 0; n < 3000; n += 1) {
      const text = Array.from({ length: 1 + (next() % 12) }, () => tokens[next() % tokens.length]).join('');
      const bytes = new Uint8Array(Buffer.from(text, 'latin1'));
      const start = next() % (bytes.length + 1);
      const ours =
        findEndOfStream(bytes, start) ?? `Failed to parse PDF document (offset=${start}): Failed to parse PDF stream`;
      expect(ours, JSON.stringify({ text, start })).toEqual(untouchedEnd(bytes, start));
    }
  });

  it('throws pdf-lib’s own PDFStreamParsingError when the levels never close', () => {
    installPdfLibPatches();
    const bytes = new Uint8Array(Buffer.from('data stream endstream', 'latin1'));
    const parser = PDFObjectParser.forBytes(bytes, PDFContext.create()) as unknown as {
      findEndOfStreamFallback(pos: unknown): number;
    };
    const pos = { line: 0, column: 0, offset: 0 };
    // pdf-lib's errors are ES5 subclasses of Error: `instanceof` cannot tell them apart, their message does.
    expect(() => parser.findEndOfStreamFallback(pos)).toThrow(new PDFStreamParsingError(pos).message);
    expect(untouchedEnd(bytes, 0)).toBe(withoutLineAndColumn(new PDFStreamParsingError(pos).message));
  });
});

describe('a file with indirect stream lengths (qpdf --qdf)', () => {
  it('is parsed without scanning its 700 KiB stream byte by byte', async () => {
    installPdfLibPatches();
    const bytes = new Uint8Array(fs.readFileSync(at('noise-qdf.pdf')));
    const options = { updateMetadata: false, throwOnInvalidObject: true };
    const slow = await keywordChecks(untouched.PDFObjectParser.prototype, () =>
      untouched.PDFDocument.load(bytes, options),
    );
    const fast = await keywordChecks(PDFObjectParser.prototype, () => PDFDocument.load(bytes, options));
    expect(slow).toBeGreaterThan(bytes.length);
    expect(fast).toBeLessThan(2000);
  });

  it.each(['noise-qdf.pdf', 'word-qdf.pdf'])(
    '%s: gives every object the same bytes as the untouched pdf-lib',
    async (name) => {
      installPdfLibPatches();
      const bytes = new Uint8Array(fs.readFileSync(at(name)));
      const theirs = await untouched.PDFDocument.load(bytes, { updateMetadata: false });
      const ours = await PDFDocument.load(bytes, { updateMetadata: false });
      const [a, b] = [objectsOf(theirs as unknown as Doc), objectsOf(ours as unknown as Doc)];
      expect(b.size).toBeGreaterThan(3);
      expect([...b.entries()]).toEqual([...a.entries()]);
    },
  );

  it('word-qdf.pdf: fails strictly with the same named error as the untouched pdf-lib', async () => {
    installPdfLibPatches();
    const bytes = new Uint8Array(fs.readFileSync(at('word-qdf.pdf')));
    const options = { updateMetadata: false, throwOnInvalidObject: true };
    const outcome = (load: Promise<unknown>) =>
      load.then(
        () => 'loaded',
        (e: Error) => withoutLineAndColumn(e.message),
      );
    const theirs = await outcome(untouched.PDFDocument.load(bytes, options));
    expect(theirs).toMatch(/^Trying to parse invalid object: \{"offset":\d+\}\)$/);
    expect(await outcome(PDFDocument.load(bytes, options))).toBe(theirs);
  });
});

describe('streams re-cut at their declared indirect length', () => {
  /** A one-page PDF whose content stream has an indirect /Length. */
  const pdfWithIndirectLength = (data: string) =>
    pdfFromObjects([
      '<</Type/Catalog/Pages 2 0 R>>',
      '<</Type/Pages/Kids[3 0 R]/Count 1>>',
      '<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R>>',
      `<</Length 5 0 R>>\nstream\n${data}\nendstream`,
      String(data.length),
    ]);

  it('keeps a final carriage return that belongs to the data', async () => {
    installPdfLibPatches();
    // Data ending in CR, then the EOL before endstream: the search takes CR LF for the EOL and cuts a byte.
    const bytes = pdfWithIndirectLength('0 0 m\r');
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    const stream = () => doc.context.lookup(PDFRef.of(4)) as PDFRawStream;
    expect(stream().contents.length).toBe(5);
    applyIndirectLengths(doc, bytes);
    expect(Buffer.from(stream().contents).toString('latin1')).toBe('0 0 m\r');
  });
});
