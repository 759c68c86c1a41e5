/**
 * Reading one input PDF so that every page qpdf counts is taken: qpdf first says how many pages there are and
 * whether the file is encrypted; owner-password and damaged files are rewritten by qpdf (decrypted, repaired)
 * before pdf-lib reads them; a file pdf-lib still reads short is refused, never taken short.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  type PDFContext,
  type PDFPage,
} from './pdf-lib.ts';
import { applyIndirectLengths } from './pdf-lib-patches.ts';
import { DossierInputError } from './errors.ts';
import { qpdfFacts, qpdfRewrite, type Encryption } from './qpdf.ts';
import type { Box } from './transform.ts';
import type { QuarterTurn } from './types.ts';

/** A source page's geometry: what a viewer shows is `visible` (CropBox ∩ MediaBox) turned by `rotate`. */
export interface PdfPageGeometry {
  media: Box;
  visible: Box;
  rotate: QuarterTurn;
  /** Width and height as shown. */
  shown: { width: number; height: number };
}

/** A PDF checked by qpdf: how many pages it has, and which file pdf-lib should read. */
export interface PreparedPdf {
  kind: 'pdf';
  file: string;
  /** Pages as qpdf counts them: exactly what the dossier takes. */
  pageCount: number;
  /** The file pdf-lib reads: the original, or qpdf's decrypted / repaired copy in `tempDir`. */
  loadPath: string;
  tempDir?: string;
  encryption: Encryption;
  repaired: boolean;
  /** `loadPath` is qpdf's rewrite (decrypted, repaired) of the file. */
  rewritten?: boolean;
}

const LETTER: Box = [0, 0, 612, 792];

function boxOf(value: unknown, context: PDFContext): Box | undefined {
  if (!(value instanceof PDFArray) || value.size() !== 4) return undefined;
  const n = value.asArray().map((v) => {
    const r = context.lookup(v);
    return r instanceof PDFNumber ? r.asNumber() : NaN;
  });
  if (n.some((v) => !Number.isFinite(v))) return undefined;
  const [a, b, c, d] = n as [number, number, number, number];
  const box: Box = [Math.min(a, c), Math.min(b, d), Math.max(a, c), Math.max(b, d)];
  return box[2] - box[0] > 0 && box[3] - box[1] > 0 ? box : undefined;
}

function intersect(a: Box, b: Box): Box {
  const r: Box = [Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.min(a[3], b[3])];
  return r[2] - r[0] > 0 && r[3] - r[1] > 0 ? r : a;
}

/** The geometry of one pdf-lib page, with inherited boxes and /Rotate resolved. */
export function pageGeometry(page: PDFPage): PdfPageGeometry {
  const leaf = page.node;
  const inherited = (key: string) => leaf.context.lookup(leaf.getInheritableAttribute(PDFName.of(key)));
  const media = boxOf(inherited('MediaBox'), leaf.context) ?? LETTER;
  const crop = boxOf(inherited('CropBox'), leaf.context);
  const visible = crop ? intersect(media, crop) : media;
  const raw = inherited('Rotate');
  const angle = raw instanceof PDFNumber ? raw.asNumber() : 0;
  const rotate = ((((Math.round(angle / 90) * 90) % 360) + 360) % 360) as QuarterTurn;
  const w = visible[2] - visible[0];
  const h = visible[3] - visible[1];
  return { media, visible, rotate, shown: rotate % 180 === 0 ? { width: w, height: h } : { width: h, height: w } };
}

/** Reads a whole file; the assembly passes one that reuses its buffers. */
export type ReadWhole = (file: string) => Uint8Array;

/** Loads a PDF with pdf-lib, strictly: an object it cannot parse is an error, not a silent gap. */
export async function loadPdf(file: string, read: ReadWhole = fs.readFileSync): Promise<PDFDocument> {
  const bytes = read(file);
  const doc = await PDFDocument.load(bytes, {
    updateMetadata: false,
    throwOnInvalidObject: true,
    parseSpeed: Infinity,
  });
  applyIndirectLengths(doc, bytes);
  return doc;
}

async function tryLoad(file: string, expected: number, read?: ReadWhole): Promise<{ doc?: PDFDocument; why: string }> {
  try {
    const doc = await loadPdf(file, read);
    const count = doc.getPageCount();
    if (count === expected) return { doc, why: '' };
    return { why: `读出 ${count} 页，应有 ${expected} 页` };
  } catch (error) {
    return { why: String((error as Error).message ?? error).slice(0, 120) };
  }
}

/**
 * Asks qpdf about a PDF (one fast run: no pdf-lib parse yet) and, for an owner-password or damaged file, has
 * qpdf write a decrypted / repaired copy for pdf-lib to read.
 * Throws DossierInputError when it needs a user password, has no pages, or qpdf cannot read it.
 */
export async function checkPdf(file: string): Promise<PreparedPdf> {
  const facts = await qpdfFacts(file);
  if (facts.encryption === 'user') throw new DossierInputError('needs-password', file);
  if (facts.pages === undefined) throw new DossierInputError('damaged', file, facts.message);
  if (facts.pages === 0) throw new DossierInputError('file-empty', file);
  const prepared: PreparedPdf = {
    kind: 'pdf',
    file,
    pageCount: facts.pages,
    loadPath: file,
    encryption: facts.encryption,
    repaired: facts.repaired,
  };
  if (facts.encryption !== 'none' || facts.repaired) await rewrite(prepared);
  return prepared;
}

async function rewrite(prepared: PreparedPdf): Promise<string> {
  prepared.tempDir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'juanzong-pdf-'));
  const result = await qpdfRewrite(prepared.file, prepared.tempDir, 'plain.pdf');
  if (result.code !== 0 && result.code !== 3) return result.stderr || `qpdf exit ${result.code}`;
  prepared.loadPath = path.join(prepared.tempDir, 'plain.pdf');
  prepared.rewritten = true;
  return '';
}

/**
 * Whether some object refers to one pdf-lib did not find — the sign of a stream read past its real end, which
 * swallowed the objects after it (pdf-lib reads a file front to back; qpdf follows the cross-reference table).
 */
export function hasDanglingRefs(doc: PDFDocument): boolean {
  const ctx = doc.context;
  const visit = (obj: unknown, depth: number): boolean => {
    if (obj instanceof PDFRef) return ctx.lookup(obj) === undefined;
    if (depth > 32) return false;
    if (obj instanceof PDFArray) return obj.asArray().some((o) => visit(o, depth + 1));
    if (obj instanceof PDFDict) return [...obj.values()].some((o) => visit(o, depth + 1));
    if (obj instanceof PDFRawStream) return visit(obj.dict, depth + 1);
    return false;
  };
  return ctx.enumerateIndirectObjects().some(([, obj]) => visit(obj, 0));
}

/**
 * Reads a checked PDF with pdf-lib and makes sure it holds exactly the pages qpdf counted; a file pdf-lib reads
 * short or cannot read is rewritten by qpdf and read again, and refused if it still comes up short.
 */
export async function openPdf(
  prepared: PreparedPdf,
  read?: ReadWhole,
): Promise<{ doc: PDFDocument; pages: PdfPageGeometry[] }> {
  let attempt = await tryLoad(prepared.loadPath, prepared.pageCount, read);
  if (!attempt.doc && !prepared.rewritten) {
    const failed = await rewrite(prepared);
    attempt = failed ? { why: failed } : await tryLoad(prepared.loadPath, prepared.pageCount, read);
  }
  if (!attempt.doc) throw new DossierInputError('damaged', prepared.file, attempt.why.trim().split('\n')[0] ?? '');
  if (!prepared.rewritten && hasDanglingRefs(attempt.doc)) {
    const failed = await rewrite(prepared);
    const again = failed ? { why: failed } : await tryLoad(prepared.loadPath, prepared.pageCount, read);
    // Objects pdf-lib lost and qpdf cannot restore: pages would silently lack what they show.
    if (!again.doc) throw new DossierInputError('damaged', prepared.file, again.why.trim().split('\n')[0] ?? '');
    attempt = again;
  }
  const doc = attempt.doc!;
  return { doc, pages: doc.getPages().map(pageGeometry) };
}
