/**
 * One attached file's pages as the inspection found them, with its proposals and the clerk's decisions: what the
 * window shows on each page's thumbnail (a badge per change, undone with one click). The clerk's decision always
 * wins over a proposal; the dossier applies the outcome (`applied`).
 *
 *   pages:get     {attachmentId}                    → FilePages
 *   pages:decide  {attachmentId, page, skip?, turn?} → FilePages (refreshed)
 *       skip: true leaves the page out, false keeps it (even when it looks blank), null takes the choice back;
 *       turn: 0/90/180/270 clockwise (0 keeps it as it is), null takes the choice back; a field left out stays.
 *   pages:decide  {attachmentId, page, fixes: {crop?, split?, straighten?, reduce?}} → FilePages (refreshed)
 *       fixes apply to the WHOLE file (`page` only says where the clerk clicked): false turns that automatic fix
 *       off, true or null turns it back on (the inspection's proposal applies again).
 *   pages:reorder {attachmentId, order}              → FilePages (refreshed)
 *       order: the file's page numbers in the order the dossier prints them, each page once; null (or the file's
 *       own order) puts the pages back in the file's order. Left-out pages and turns stay with their page.
 *
 * The findings come in the background after a file is attached: `inspection` is `pending` until then (ask again).
 * In a data folder opened read-only (another process owns it) nothing is inspected: a file without stored findings
 * is `read-only` for good, its pages shown without proposals (asking again changes nothing).
 */
import { z } from 'zod';
import { pageFindings } from '../page-findings.ts';
import { recordId } from './schemas.ts';

const quarterTurn = z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]);
const decidedBy = z.enum(['clerk', 'inspection']);

/** The automatic fixes the clerk can turn off for a whole file (the manifest's `pages.<fix>: "none"`). */
export const fileFixes = ['crop', 'split', 'straighten', 'reduce'] as const;
export type FileFix = (typeof fileFixes)[number];
const onOff = z.boolean().nullable().optional();
const fixSwitches = z.object({ crop: onOff, split: onOff, straighten: onOff, reduce: onOff }).strict();

/** What the dossier does to one page, the proposals and the clerk's decisions taken together. */
export const appliedChanges = z.object({
  skip: decidedBy.optional(),
  turn: z.object({ by: decidedBy, degrees: quarterTurn }).optional(),
  /** Degrees turned to level the text lines (negative: anticlockwise). */
  straighten: z.number().optional(),
  /** Cut to the sheet found in a photo, its perspective corrected. */
  crop: z.literal(true).optional(),
  /** Split into this many A4 pages. */
  split: z.number().int().optional(),
  /** Reduced to this many pixels per inch. */
  reduceTo: z.number().optional(),
});

export const filePage = z.object({
  /** From 1. */
  page: z.number().int().min(1),
  /** Null while the file is not inspected yet (or its inspection failed). */
  findings: pageFindings.nullable(),
  /** The findings and proposals in the clerk's words, e.g. "空白页，将略去（不打印、不编页码）". */
  said: z.array(z.string()),
  /** The clerk's own decisions for this page; empty when the proposals stand. */
  decision: z.object({
    skip: z.boolean().optional(),
    turn: quarterTurn.optional(),
    /** The automatic fixes the clerk turned off for the whole file (the same on every page of it). */
    fixesOff: z.array(z.enum(fileFixes)).optional(),
  }),
  applied: appliedChanges,
});

export const filePages = z.object({
  attachmentId: recordId,
  /**
   * `pending`: not inspected yet (in the background); `failed`: could not be inspected, only decisions apply;
   * `read-only`: not inspected and never will be here (the data folder is open read-only).
   */
  inspection: z.enum(['pending', 'done', 'failed', 'read-only']),
  /** The file's pages, in the file's own order (`page` 1, 2, 3…). */
  pages: z.array(filePage),
  /** The page numbers in the order the dossier prints them: the clerk's order, or 1, 2, 3… when none was set. */
  order: z.array(z.number().int().min(1)),
});

const byAttachment = z.object({ attachmentId: recordId });

export const pagesContract = {
  'pages:get': { input: byAttachment.strict(), output: filePages },
  'pages:decide': {
    input: byAttachment
      .extend({
        page: z.number().int().min(1).max(100_000),
        skip: z.boolean().nullable().optional(),
        turn: quarterTurn.nullable().optional(),
        fixes: fixSwitches.optional(),
      })
      .strict(),
    output: filePages,
  },
  'pages:reorder': {
    input: byAttachment
      .extend({ order: z.array(z.number().int().min(1).max(100_000)).max(100_000).nullable() })
      .strict(),
    output: filePages,
  },
} as const;

export type FilePages = z.output<typeof filePages>;
export type FilePage = z.output<typeof filePage>;
export type AppliedChanges = z.output<typeof appliedChanges>;
