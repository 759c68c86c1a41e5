/**
 * Two speed fixes to pdf-lib 1.17.1's parser, installed by `installPdfLibPatches()` when an assembly or an
 * inspection starts. Each keeps pdf-lib's behaviour exactly (test/unit/dossier/pdf-lib-patches.test.ts parses the
 * same files with the untouched package and compares every object):
 * - A stream whose /Length is an indirect object (ghostscript, pdfTeX and `qpdf --qdf` write these) made pdf-lib
 *   look for its `endstream` one byte at a time, trying five keywords at each byte through a JavaScript matcher.
 *   The fix finds the same keywords with Buffer.indexOf, keeps pdf-lib's count of nested `stream` keywords and its
 *   PDFStreamParsingError when they never balance.
 * - Every stream's bytes were copied out of the file (`Uint8Array.slice`); a view (`subarray`) holds the same
 *   bytes, because the file's bytes are never changed, without a second copy of every stream.
 * Other pdf-lib versions are left alone: the fixes reach into its internals, which another version may lay out
 * differently.
 */
import { createRequire } from 'node:module';
import {
  PDFContext,
  PDFName,
  PDFNumber,
  PDFObjectParser,
  PDFRawStream,
  PDFRef,
  PDFStreamParsingError,
  type PDFDocument,
} from './pdf-lib.ts';

/** The pdf-lib version these fixes were written against and proven on. */
export const PATCHED_PDF_LIB_VERSION = '1.17.1';

interface ByteStreamLike {
  bytes: Uint8Array;
  offset(): number;
  moveTo(offset: number): void;
}

const STREAM = Buffer.from('stream', 'latin1');
const ENDSTREAM = Buffer.from('endstream', 'latin1');
const [E, N, D] = [0x65, 0x6e, 0x64];
const CR = 0x0d;
const LF = 0x0a;

/** Where the data before an `endstream` at `at` ends: at the CR LF, CR or LF right before it (as pdf-lib cuts). */
function endBefore(view: Buffer, at: number, from: number): number {
  if (at - 2 >= from && view[at - 2] === CR && view[at - 1] === LF) return at - 2;
  if (at - 1 >= from && (view[at - 1] === CR || view[at - 1] === LF)) return at - 1;
  return at;
}

/**
 * The end of a stream's data that starts at `start`, found as pdf-lib 1.17.1's `findEndOfStreamFallback` finds it:
 * every `stream` keyword opens a nested level, every `endstream` closes one, and the data ends before the EOL that
 * precedes the `endstream` closing the first level. `after` is just past that `endstream`; undefined when the
 * levels never close.
 */
export function findEndOfStream(bytes: Uint8Array, start: number): { end: number; after: number } | undefined {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let nesting = 1;
  for (let from = start; ;) {
    const at = view.indexOf(STREAM, from);
    if (at < 0) return undefined;
    const closing = at - 3 >= from && view[at - 3] === E && view[at - 2] === N && view[at - 1] === D;
    nesting += closing ? -1 : 1;
    if (nesting === 0) return { end: endBefore(view, at - 3, from), after: at + STREAM.length };
    from = at + STREAM.length;
  }
}

const LENGTH_KEY = 'Length';

/**
 * Streams whose /Length is an indirect object were cut where `endstream` was found, less the end-of-line before
 * it — which is wrong when the data's own last byte is a CR or LF (1 compressed stream in ~128). Once the whole
 * file is parsed the length objects exist: every such stream is re-cut at its declared length, provided
 * `endstream` really follows there.
 */
export function applyIndirectLengths(doc: PDFDocument, file: Uint8Array): void {
  const view = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFRawStream)) continue;
    const ref = obj.dict.get(PDFName.of(LENGTH_KEY));
    if (!(ref instanceof PDFRef)) continue;
    const declared = doc.context.lookup(ref);
    if (!(declared instanceof PDFNumber)) continue;
    const length = declared.asNumber();
    const contents = obj.contents;
    if (length === contents.length || contents.buffer !== file.buffer) continue;
    const start = contents.byteOffset - file.byteOffset;
    let after = start + length;
    while (after < view.length && (view[after] === CR || view[after] === LF || view[after] === 0x20)) after += 1;
    if (length < 0 || start + length > view.length || !view.subarray(after, after + ENDSTREAM.length).equals(ENDSTREAM))
      continue;
    (obj as unknown as { contents: Uint8Array }).contents = file.subarray(start, start + length);
  }
}

/** The version of the pdf-lib package installed beside the code. */
export function installedPdfLibVersion(): string {
  return (createRequire(import.meta.url)('pdf-lib/package.json') as { version: string }).version;
}

type ParserInternals = { findEndOfStreamFallback(startPos: unknown): number; bytes: ByteStreamLike };

// pdf-lib does not export ByteStream; a parser holds one, so its prototype is reachable from an instance.
function byteStreamPrototype(): { slice(start: number, end: number): Uint8Array } {
  const parser = PDFObjectParser.forBytes(new Uint8Array(1), PDFContext.create()) as unknown as { bytes: object };
  return Object.getPrototypeOf(parser.bytes) as { slice(start: number, end: number): Uint8Array };
}

let installed = false;

/** Whether the fixes are in place in this process. */
export function pdfLibPatchesInstalled(): boolean {
  return installed;
}

/**
 * Installs the fixes, once per process; `skipped` (nothing changed) when pdf-lib is not the version they were
 * proven on, or its internals are not where they were.
 * @example installPdfLibPatches(); // first thing in assembleDossier and inspectInput
 */
export function installPdfLibPatches(version = installedPdfLibVersion()): 'installed' | 'skipped' {
  if (version !== PATCHED_PDF_LIB_VERSION) return 'skipped';
  if (installed) return 'installed';
  const parserProto = PDFObjectParser.prototype as unknown as ParserInternals;
  const streamProto = byteStreamPrototype();
  if (typeof parserProto.findEndOfStreamFallback !== 'function' || typeof streamProto.slice !== 'function')
    return 'skipped';
  streamProto.slice = function slice(this: { bytes: Uint8Array }, start: number, end: number) {
    return this.bytes.subarray(start, end);
  };
  parserProto.findEndOfStreamFallback = function findEndOfStreamFallback(
    this: { bytes: ByteStreamLike },
    startPos: unknown,
  ) {
    const stream = this.bytes;
    const found = findEndOfStream(stream.bytes, stream.offset());
    if (!found) {
      stream.moveTo(stream.bytes.length);
      throw new PDFStreamParsingError(startPos as ConstructorParameters<typeof PDFStreamParsingError>[0]);
    }
    stream.moveTo(found.after);
    return found.end;
  };
  installed = true;
  return 'installed';
}
