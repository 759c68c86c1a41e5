/**
 * What becomes of each annotation when a PDF is printed into the dossier, and what the paper copy leaves out of
 * a file — so that every drop can be told to the clerk. Printed: filled form fields (drawn with the dossier font,
 * see form-fields.ts), stamps and other marks of the document itself. Left out by default: review markup (the
 * boss's highlights, strike-outs, sticky notes…), which the clerk may keep file by file. Never printed: what paper
 * cannot carry — embedded files and their paperclips, digital signatures, links, scripts, media.
 */
import { PDFArray, PDFDict, PDFName, PDFNumber, type PDFContext, type PDFDocument, type PDFObject } from './pdf-lib.ts';
import { fieldKind, fieldName, fieldText, type FieldFont } from './form-fields.ts';

const N = (s: string) => PDFName.of(s);
const HIDDEN = 2;
const NO_VIEW = 32;

/** Review markup (PDF 32000 §12.5.6): a reader's comments on the document, not part of it. */
export const REVIEW_MARKUP = [
  'Highlight',
  'Underline',
  'StrikeOut',
  'Squiggly',
  'Text',
  'FreeText',
  'Ink',
  'Caret',
  'Popup',
] as const;
const PAPERLESS = new Set(['FileAttachment', 'Link', 'Sound', 'Movie', 'Screen', 'RichMedia', '3D']);

export type AnnotationFate =
  'appearance' | 'field' | 'markup' | 'attachment' | 'link' | 'signature' | 'media' | 'hidden';

/** What the dossier does with one annotation: draw its appearance, draw it as a field, or leave it out (and why). */
export function annotationFate(ctx: PDFContext, annot: PDFDict): AnnotationFate {
  const subtype = annot.get(N('Subtype'));
  const name = subtype instanceof PDFName ? subtype.decodeText() : '';
  const flags = ctx.lookup(annot.get(N('F')));
  const f = flags instanceof PDFNumber ? flags.asNumber() : 0;
  if (f & HIDDEN || f & NO_VIEW) return 'hidden';
  if ((REVIEW_MARKUP as readonly string[]).includes(name)) return 'markup';
  if (name === 'FileAttachment') return 'attachment';
  if (name === 'Link') return 'link';
  if (PAPERLESS.has(name)) return 'media';
  if (name !== 'Widget') return 'appearance';
  const kind = fieldKind(ctx, annot);
  if (kind === 'signature') return 'signature';
  // A list box shows all its options with the chosen ones marked: only its own appearance can show that.
  return kind === 'none' || kind === 'button' || kind === 'list' ? 'appearance' : 'field';
}

/** What a file holds that its paper copy leaves out (or, for markup, leaves out unless the clerk keeps it). */
export interface PaperLoss {
  /** Review markup annotations, Popups not counted (they belong to the note they open). */
  markup: number;
  /** Names of embedded files (document-level and behind paperclip annotations). */
  attachedFiles: string[];
  signatures: number;
  links: number;
  /** JavaScript anywhere a viewer would run it (document, page or field actions). */
  scripts: boolean;
  media: number;
}

function annotationsOf(ctx: PDFContext, pageNode: PDFDict): PDFDict[] {
  const annots = ctx.lookup(pageNode.get(N('Annots')));
  if (!(annots instanceof PDFArray)) return [];
  return annots
    .asArray()
    .map((a) => ctx.lookup(a))
    .filter((a): a is PDFDict => a instanceof PDFDict);
}

/** The file names in a name tree (PDF 32000 §7.9.6) of file specifications. */
function nameTreeFiles(ctx: PDFContext, node: PDFObject | undefined, depth = 0): string[] {
  const dict = ctx.lookup(node);
  if (!(dict instanceof PDFDict) || depth > 16) return [];
  const kids = ctx.lookup(dict.get(N('Kids')));
  const names = ctx.lookup(dict.get(N('Names')));
  const out = kids instanceof PDFArray ? kids.asArray().flatMap((k) => nameTreeFiles(ctx, k, depth + 1)) : [];
  if (names instanceof PDFArray) {
    for (let i = 1; i < names.size(); i += 2) out.push(fileSpecName(ctx, names.get(i)) ?? '附件');
  }
  return out;
}

function fileSpecName(ctx: PDFContext, spec: PDFObject | undefined): string | undefined {
  const d = ctx.lookup(spec);
  if (!(d instanceof PDFDict)) return undefined;
  for (const key of ['UF', 'F']) {
    const v = ctx.lookup(d.get(N(key)));
    if (v && 'decodeText' in v) return (v as unknown as { decodeText(): string }).decodeText();
  }
  return undefined;
}

function isJavaScript(ctx: PDFContext, action: PDFObject | undefined): boolean {
  const a = ctx.lookup(action);
  return a instanceof PDFDict && a.get(N('S')) === N('JavaScript');
}

/** Whether `holder`'s additional actions (/AA) run a script. */
function hasScriptActions(ctx: PDFContext, holder: PDFDict): boolean {
  const aa = ctx.lookup(holder.get(N('AA')));
  return aa instanceof PDFDict && [...aa.values()].some((a) => isJavaScript(ctx, a));
}

function hasScript(ctx: PDFContext, doc: PDFDocument): boolean {
  const names = ctx.lookup(doc.catalog.get(N('Names')));
  if (names instanceof PDFDict && names.has(N('JavaScript'))) return true;
  return isJavaScript(ctx, doc.catalog.get(N('OpenAction'))) || hasScriptActions(ctx, doc.catalog);
}

/** Tallies what the paper copy of `doc` leaves out. */
export function paperLoss(doc: PDFDocument): PaperLoss {
  const ctx = doc.context;
  const names = ctx.lookup(doc.catalog.get(N('Names')));
  const loss: PaperLoss = {
    markup: 0,
    attachedFiles: names instanceof PDFDict ? nameTreeFiles(ctx, names.get(N('EmbeddedFiles'))) : [],
    signatures: 0,
    links: 0,
    scripts: hasScript(ctx, doc),
    media: 0,
  };
  for (const page of doc.getPages()) {
    for (const annot of annotationsOf(ctx, page.node)) {
      const fate = annotationFate(ctx, annot);
      if (fate === 'markup' && annot.get(N('Subtype')) !== N('Popup')) loss.markup += 1;
      else if (fate === 'attachment') {
        const name = fileSpecName(ctx, annot.get(N('FS')));
        if (name && !loss.attachedFiles.includes(name)) loss.attachedFiles.push(name);
      } else if (fate === 'signature' && ctx.lookup(annot.get(N('V'))) !== undefined) loss.signatures += 1;
      else if (fate === 'link') loss.links += 1;
      else if (fate === 'media') loss.media += 1;
      if (hasScriptActions(ctx, annot) || isJavaScript(ctx, annot.get(N('A')))) loss.scripts = true;
    }
  }
  return loss;
}

/** The first form field, page by page, whose value the dossier font cannot draw: its name and missing characters. */
export function undrawableField(doc: PDFDocument, font: FieldFont): { field: string; chars: string[] } | undefined {
  const ctx = doc.context;
  for (const page of doc.getPages()) {
    for (const annot of annotationsOf(ctx, page.node)) {
      if (annotationFate(ctx, annot) !== 'field') continue;
      const missing = font.missing(fieldText(ctx, annot).replace(/\s/g, ''));
      if (missing.length > 0) return { field: fieldName(ctx, annot), chars: missing };
    }
  }
  return undefined;
}
