/**
 * What a source page's content is, as the dossier carries it: its content streams as they are when a reader and
 * `qpdf --check` find them sound (the ordinary case: only decoded and read, never rewritten), else the content
 * written again as the reader reads it. A page whose content does not decode, or that draws a damaged form, image
 * or font, shows in a reader with text or pictures missing: the file is refused by name, never printed so.
 */
import zlib from 'node:zlib';
import { PDFArray, PDFName, PDFRawStream, PDFRef, type PDFPage } from './pdf-lib.ts';
import { contentIsDamaged, repairContent } from './content-lexer.ts';
import { DossierInputError } from './errors.ts';
import { assertPartsWhole } from './page-parts.ts';
import { decodeStream } from './stream-decode.ts';

/** The page's content streams to copy as they are, or its content rewritten (to be written Flate-compressed). */
export type PageContent = { streams: PDFRef[] } | { repaired: Uint8Array };

const N = (s: string) => PDFName.of(s);

/** The page's content stream references; a non-stream in the content array (readers skip it) is left out. */
function contentStreams(page: PDFPage): PDFRef[] {
  const ctx = page.doc.context;
  const contents = page.node.get(N('Contents'));
  const list = ctx.lookup(contents);
  const refs = list instanceof PDFArray ? list.asArray() : [contents];
  return refs.filter((r): r is PDFRef => r instanceof PDFRef && ctx.lookup(r) instanceof PDFRawStream);
}

/**
 * Reads page `index` of `file`'s content. Throws DossierInputError when a content stream does not decode, or a
 * form, image or font the page draws is damaged (see page-parts.ts).
 */
export function readPageContent(page: PDFPage, index: number, file: string): PageContent {
  const ctx = page.doc.context;
  const refs = contentStreams(page);
  const decoded = refs.map((r) => decodeStream(ctx, ctx.lookup(r) as PDFRawStream));
  if (decoded.includes('undecodable')) throw new DossierInputError('content-damaged', file, `第 ${index + 1} 页`);
  const parts = decoded.filter((d): d is Uint8Array => d instanceof Uint8Array);
  const joined = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
  // A stream in a filter not tried is left to the reader: the page's content is taken as it is.
  const read = parts.length === decoded.length;
  assertPartsWhole(page, read ? joined : undefined, index, file);
  if (!read) return { streams: refs };
  const starts: number[] = [];
  parts.reduce((at, part) => (starts.push(at + part.length), at + part.length), 0);
  if (!contentIsDamaged(joined, starts)) return { streams: refs };
  return { repaired: zlib.deflateSync(repairContent(joined, starts)) };
}
