/**
 * What the inspection of an input file found on each of its pages, and the changes it proposes. Plain data: the
 * core writes it, `juanzong inspect --json` prints it, the assembly applies it and the window will show it.
 */
import { z } from 'zod';

export type QuarterTurn = 0 | 90 | 180 | 270;

/** A point in the page's upright picture, as fractions of its width and height (0..1, from the top left). */
export interface RelativePoint {
  x: number;
  y: number;
}

/** Rows of a tall page, as fractions of its height, that make one A4 page once split. */
export interface Band {
  top: number;
  bottom: number;
}

/** Changes the inspection proposes for one page; the clerk's choices in the manifest win over each. */
export interface PageProposals {
  /** Leave the page out: a blank back, not printed and not numbered. */
  skip?: boolean;
  /** Turn clockwise by this much so that the text reads upright. */
  turn?: QuarterTurn;
  /** Turn clockwise by this many degrees (negative: anticlockwise), after `turn`, so that the text lines are level. */
  straighten?: number;
  /** The sheet's corners in a photo (top-left, top-right, bottom-right, bottom-left, after `turn`): cut and flattened. */
  crop?: [RelativePoint, RelativePoint, RelativePoint, RelativePoint];
  /** A tall page cut into these A4 pages, at empty rows. */
  split?: Band[];
  /** Reduce the image to this many pixels per inch at its printed size. */
  reduceTo?: number;
}

export type PageWarning = 'low-resolution' | 'too-dark' | 'too-light' | 'unreadable';

/**
 * Where a page carries ink, coarsely, on its own picture as shown (upright as a viewer shows the file, before it is
 * turned or placed on the sheet): the assembly maps it onto the sheet to keep the seal marks off ink.
 */
export interface PageInk {
  /** The page's picture as shown, in points (an image: its pixels at the picture's resolution). */
  width: number;
  height: number;
  /** Square cells of `cell` points, `cols` across and `rows` down, row 0 at the top. */
  cell: number;
  cols: number;
  rows: number;
  /** One byte a cell, row by row (0 paper, 1 ink, 2 red ink: a seal), deflated (raw) and base64. */
  cells: string;
}

export interface PageFindings {
  /** 1-based. */
  page: number;
  /** Pixels per inch of the page's picture at its printed size on A4; absent for a page of text and drawings. */
  dpi?: number;
  blank: boolean;
  /** Clockwise turn the content has (0 when upright); absent when it could not be told (too little text). */
  orientation?: QuarterTurn;
  /** Degrees the text lines lean clockwise (falling to the right), measured after turning upright. */
  skew?: number;
  /** A photo of a sheet on a desk: the sheet was found. */
  photo?: boolean;
  /** Taller than an A4 page can show at a readable size. */
  long?: boolean;
  warnings: PageWarning[];
  proposals: PageProposals;
  /** Absent when the page could not be drawn. */
  ink?: PageInk;
}

export interface FileInspection {
  /** As given. */
  file: string;
  pages: PageFindings[];
  /** Set when the file could not be inspected in its time or memory budget, could not be read, or was stopped. */
  failed?: 'timeout' | 'memory' | 'unreadable' | 'stopped';
  /** Milliseconds the inspection took. */
  ms: number;
}

const quarterTurn = z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]);
const relativePoint = z.object({ x: z.number(), y: z.number() });

/** `PageProposals` as a schema: findings read back from the database or sent to the assembly worker are checked. */
export const pageProposals = z.object({
  skip: z.boolean().optional(),
  turn: quarterTurn.optional(),
  straighten: z.number().optional(),
  crop: z.tuple([relativePoint, relativePoint, relativePoint, relativePoint]).optional(),
  split: z.array(z.object({ top: z.number(), bottom: z.number() })).optional(),
  reduceTo: z.number().optional(),
}) satisfies z.ZodType<PageProposals>;

export const pageWarnings = ['low-resolution', 'too-dark', 'too-light', 'unreadable'] as const;

export const pageInk = z.object({
  width: z.number(),
  height: z.number(),
  cell: z.number(),
  cols: z.number().int().min(1),
  rows: z.number().int().min(1),
  cells: z.string(),
}) satisfies z.ZodType<PageInk>;

export const pageFindings = z.object({
  page: z.number().int().min(1),
  dpi: z.number().optional(),
  blank: z.boolean(),
  orientation: quarterTurn.optional(),
  skew: z.number().optional(),
  photo: z.boolean().optional(),
  long: z.boolean().optional(),
  warnings: z.array(z.enum(pageWarnings)),
  proposals: pageProposals,
  ink: pageInk.optional(),
}) satisfies z.ZodType<PageFindings>;

export const fileInspection = z.object({
  file: z.string(),
  pages: z.array(pageFindings),
  failed: z.enum(['timeout', 'memory', 'unreadable', 'stopped']).optional(),
  ms: z.number(),
}) satisfies z.ZodType<FileInspection>;
