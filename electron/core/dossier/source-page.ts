/**
 * Writes one source PDF page as a dossier page. The page's own content streams and resources are copied
 * untouched; normalising it to A4 costs one `cm` (turn, scale, move) and a clip to its visible box, prefixed to
 * its content. What annotations show (filled form fields, stamps) is drawn into the page, since the dossier is
 * for print; the interactive parts are left out.
 */
import {
  PDFArray,
  PDFDict,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  PDFStream,
  type PDFObject,
  type PDFPage,
} from './pdf-lib.ts';
import { annotationFate } from './annotations.ts';
import { FONT_NAME } from './content.ts';
import { drawField, type FieldFont } from './form-fields.ts';
import { num, type ObjectCopier } from './object-copier.ts';
import type { PdfPageGeometry } from './pdf-input.ts';
import type { PageContent } from './page-content.ts';
import type { PdfFileWriter } from './pdf-writer.ts';
import {
  addTurns,
  applyMatrix,
  cm,
  isIdentity,
  placementMatrix,
  thenApply,
  turnAbout,
  type Box,
  type Matrix,
} from './transform.ts';
import type { Placement } from './types.ts';

const N = (s: string) => PDFName.of(s);

export interface PageTarget {
  writer: PdfFileWriter;
  copier: ObjectCopier;
  /** Output object numbers of the page tree and of the dossier font. */
  pagesNum: number;
  fontNum: number;
  /** The dossier font, for form field values. */
  font: FieldFont;
  /** Print the file's review markup (the clerk chose to keep it). */
  keepMarkup: boolean;
}

/** Where the page's user space goes on the sheet; identity when the page is the sheet's size at the origin, unturned. */
export function sheetMatrix(geom: PdfPageGeometry, placement: Placement): Matrix {
  const m = quarterMatrix(geom, placement);
  if (!placement.tilt) return m;
  const [cx, cy] = [placement.x + placement.width / 2, placement.y + placement.height / 2];
  return thenApply(m, turnAbout(placement.tilt, cx, cy));
}

function quarterMatrix(geom: PdfPageGeometry, placement: Placement): Matrix {
  const turn = addTurns(geom.rotate, placement.turn);
  if (placement.mode === 'copy') {
    const m = placementMatrix(geom.visible, turn, 1, 0, 0);
    return m.map((v) => (Math.abs(v) < 1e-9 ? 0 : v)) as Matrix;
  }
  return placementMatrix(geom.visible, turn, placement.scale, placement.x, placement.y);
}

function boxOf(obj: PDFObject | undefined, page: PDFPage): Box | undefined {
  if (!(obj instanceof PDFArray) || obj.size() !== 4) return undefined;
  const n = obj
    .asArray()
    .map((v) => page.doc.context.lookup(v))
    .map((v) => (v instanceof PDFNumber ? v.asNumber() : NaN));
  if (n.some((v) => !Number.isFinite(v))) return undefined;
  const [a, b, c, d] = n as [number, number, number, number];
  return [Math.min(a, c), Math.min(b, d), Math.max(a, c), Math.max(b, d)];
}

/** The appearance stream an annotation shows now, with its reference (or undefined). */
function appearanceOf(annot: PDFDict, page: PDFPage): { ref: PDFRef; stream: PDFStream } | undefined {
  const ctx = page.doc.context;
  const ap = ctx.lookup(annot.get(N('AP')));
  if (!(ap instanceof PDFDict)) return undefined;
  let ref = ap.get(N('N'));
  const normal = ctx.lookup(ref);
  if (normal instanceof PDFDict && !(normal instanceof PDFStream)) {
    const state = annot.get(N('AS'));
    ref = state instanceof PDFName ? normal.get(state) : undefined;
  }
  const stream = ctx.lookup(ref);
  return ref instanceof PDFRef && stream instanceof PDFStream ? { ref, stream } : undefined;
}

/** The form's default resources (/AcroForm /DR) fonts: appearance streams may name them without carrying them. */
function formFonts(page: PDFPage): PDFDict | undefined {
  const ctx = page.doc.context;
  const form = ctx.lookup(page.doc.catalog.get(N('AcroForm')));
  const dr = form instanceof PDFDict ? ctx.lookup(form.get(N('DR'))) : undefined;
  const fonts = dr instanceof PDFDict ? ctx.lookup(dr.get(N('Font'))) : undefined;
  return fonts instanceof PDFDict ? fonts : undefined;
}

/**
 * The appearance as a form XObject reference. Viewers draw an appearance stream whatever its dictionary says and
 * look fonts up in the form's /DR too; drawn with `Do` it needs /Subtype /Form (poppler refuses it otherwise) and
 * its own fonts. A stream short of either is written again with them.
 */
function formXObject(ap: { ref: PDFRef; stream: PDFStream }, page: PDFPage, target: PageTarget): string {
  const ctx = page.doc.context;
  const own = ctx.lookup(ap.stream.dict.get(N('Resources')));
  const ownFonts = own instanceof PDFDict ? ctx.lookup(own.get(N('Font'))) : undefined;
  const dr = formFonts(page);
  const missingFonts = dr !== undefined && dr.keys().some((k) => !(ownFonts instanceof PDFDict && ownFonts.has(k)));
  const isForm = ap.stream.dict.get(N('Subtype')) === N('Form');
  if ((isForm && !missingFonts) || !(ap.stream instanceof PDFRawStream)) return target.copier.ref(ap.ref);
  const { copier } = target;
  const fonts = copier.mergedEntries([ownFonts instanceof PDFDict ? ownFonts : undefined, dr]);
  const rest = own instanceof PDFDict ? copier.entries(own, [N('Font')]) : '';
  const dict = copier.entries(ap.stream.dict, [N('Length'), N('Type'), N('Subtype'), N('Resources')]);
  const n = target.writer.allocate();
  target.writer.stream(
    n,
    `${dict}/Type/XObject/Subtype/Form/Resources<<${rest}/Font<<${fonts}>>>>`,
    ap.stream.contents,
  );
  return `${n} 0 R`;
}

/**
 * Draw operators (in the page's user space) for the annotations that go on paper, and the XObjects they use:
 * appearances as the source has them, form fields drawn anew with the dossier font, review markup only when
 * kept; what paper cannot carry (attachments, signatures, links, media) never.
 */
function flattenAnnotations(page: PDFPage, target: PageTarget): { ops: string[]; xobjects: [string, string][] } {
  const ops: string[] = [];
  const xobjects: [string, string][] = [];
  const ctx = page.doc.context;
  const annots = ctx.lookup(page.node.get(N('Annots')));
  if (!(annots instanceof PDFArray)) return { ops, xobjects };
  for (const item of annots.asArray()) {
    const annot = ctx.lookup(item);
    if (!(annot instanceof PDFDict)) continue;
    const fate = annotationFate(ctx, annot);
    if (fate !== 'appearance' && fate !== 'field' && !(fate === 'markup' && target.keepMarkup)) continue;
    const rect = boxOf(ctx.lookup(annot.get(N('Rect'))), page);
    if (!rect) continue;
    if (fate === 'field') {
      const drawn = drawField(ctx, annot, rect, target.font);
      if (drawn !== undefined) ops.push(drawn);
      continue;
    }
    const ap = appearanceOf(annot, page);
    const m = ap && appearanceMatrix(ap.stream, rect, page);
    if (!ap || !m) continue;
    const name = `/JzA${xobjects.length}`;
    xobjects.push([name, formXObject(ap, page, target)]);
    ops.push(`q ${cm(m)} ${name} Do Q`);
  }
  return { ops, xobjects };
}

/** PDF 32000 §12.5.5: the form's BBox, transformed by its Matrix, is fitted to the annotation's Rect. */
function appearanceMatrix(form: PDFStream, rect: Box, page: PDFPage): Matrix | undefined {
  const bbox = boxOf(page.doc.context.lookup(form.dict.get(N('BBox'))), page) ?? [
    0,
    0,
    rect[2] - rect[0],
    rect[3] - rect[1],
  ];
  const mo = page.doc.context.lookup(form.dict.get(N('Matrix')));
  const fm = (
    mo instanceof PDFArray && mo.size() === 6
      ? mo.asArray().map((v) => (v instanceof PDFNumber ? v.asNumber() : 0))
      : [1, 0, 0, 1, 0, 0]
  ) as Matrix;
  const corners = [
    applyMatrix(fm, bbox[0], bbox[1]),
    applyMatrix(fm, bbox[2], bbox[1]),
    applyMatrix(fm, bbox[0], bbox[3]),
    applyMatrix(fm, bbox[2], bbox[3]),
  ];
  const xs = corners.map((p) => p[0]);
  const ys = corners.map((p) => p[1]);
  const tw = Math.max(...xs) - Math.min(...xs);
  const th = Math.max(...ys) - Math.min(...ys);
  if (tw <= 0 || th <= 0) return undefined;
  const sx = (rect[2] - rect[0]) / tw;
  const sy = (rect[3] - rect[1]) / th;
  return [sx, 0, 0, sy, rect[0] - Math.min(...xs) * sx, rect[1] - Math.min(...ys) * sy];
}

/** The page's resources with the dossier font and the flattened appearances added (ours win a name clash). */
function resources(page: PDFPage, target: PageTarget, extraXObjects: [string, string][]): string {
  const ctx = page.doc.context;
  const res = ctx.lookup(page.node.getInheritableAttribute(N('Resources')));
  const dict = res instanceof PDFDict ? res : undefined;
  const rest = dict ? target.copier.entries(dict, [N('Font'), N('XObject')]) : '';
  const ownFonts = dict && ctx.lookup(dict.get(N('Font')));
  const ownXObjects = dict && ctx.lookup(dict.get(N('XObject')));
  const fonts = `/Font<<${FONT_NAME} ${target.fontNum} 0 R${withoutNames(target, ownFonts, [FONT_NAME])}>>`;
  const extra = extraXObjects.map(([name, ref]) => `${name} ${ref}`).join('');
  const xobjects = `${extra}${withoutNames(
    target,
    ownXObjects,
    extraXObjects.map(([name]) => name),
  )}`;
  return `<<${rest}${fonts}${xobjects ? `/XObject<<${xobjects}>>` : ''}>>`;
}

/** A source resource dictionary's entries, less the names the dossier gives its own resources. */
function withoutNames(target: PageTarget, dict: PDFObject | undefined, names: string[]): string {
  return dict instanceof PDFDict
    ? target.copier.entries(
        dict,
        names.map((n) => N(n.slice(1))),
      )
    : '';
}

/** The page's content streams as output references: copied as they are, or the repaired content written anew. */
function contentRefs(content: PageContent, target: PageTarget): string[] {
  if ('streams' in content) return content.streams.map((ref) => target.copier.ref(ref));
  const n = target.writer.allocate();
  target.writer.stream(n, '/Filter/FlateDecode', content.repaired);
  return [`${n} 0 R`];
}

/**
 * Writes the page as object `pageNum`: its content (read by `readPageContent`) laid on the sheet by `placement`,
 * then `overlay` (the dossier's marks, in sheet coordinates).
 */
export function writeSourcePage(
  page: PDFPage,
  content: PageContent,
  geom: PdfPageGeometry,
  placement: Placement,
  overlay: string,
  pageNum: number,
  target: PageTarget,
): void {
  const { writer } = target;
  const m = sheetMatrix(geom, placement);
  const plain = isIdentity(m) && geom.visible.join() === geom.media.join();
  const annots = flattenAnnotations(page, target);
  const [x0, y0, x1, y1] = geom.visible;
  const clip = plain ? '' : `${cm(m)} ${num(x0)} ${num(y0)} ${num(x1 - x0)} ${num(y1 - y0)} re W n `;
  const prefix = writer.allocate();
  writer.stream(prefix, '', Buffer.from(`q ${clip}q\n`, 'latin1'));
  const suffix = writer.allocate();
  writer.stream(suffix, '', Buffer.from(`\nQ ${annots.ops.join(' ')} Q\n${overlay}\n`, 'latin1'));
  const media = plain
    ? geom.media.map(num).join(' ')
    : `0 0 ${num(placement.sheet.width)} ${num(placement.sheet.height)}`;
  const group = page.node.get(N('Group'));
  const contents = [`${prefix} 0 R`, ...contentRefs(content, target), `${suffix} 0 R`].join(' ');
  writer.object(
    pageNum,
    `<</Type/Page/Parent ${target.pagesNum} 0 R/MediaBox[${media}]/Resources ${resources(page, target, annots.xobjects)}/Contents[${contents}]${group ? `/Group ${target.copier.serialise(group)}` : ''}>>`,
  );
}
