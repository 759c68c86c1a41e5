/**
 * Deciding what is done to each source page, from what the inspection proposes and what the clerk chose (the
 * clerk always wins), and the size a page has once edited. Pure data.
 */
import type { ManifestPages } from '#shared/manifest.ts';
import type { PageFindings, RelativePoint } from '#shared/page-findings.ts';
import type { PageEdit, QuarterTurn } from './types.ts';

export interface PageChoices {
  pages?: ManifestPages;
  /** The file's older `rotate` field: clockwise turns by page index (0-based). */
  turns: Map<number, QuarterTurn>;
  /** `options.autoFix`: apply the inspection's proposals. */
  autoFix: boolean;
}

/** A proposal of a kind the file may switch off (`"none"`) or on (`"auto"`, even without autoFix). */
function wanted(setting: 'auto' | 'none' | undefined, autoFix: boolean): boolean {
  return setting === 'auto' || (setting !== 'none' && autoFix);
}

/**
 * The turn and edit of page `index` (0-based). `findings` is absent when the file was not inspected (or the
 * inspection failed): only the clerk's choices apply then.
 */
export function decidePage(
  index: number,
  findings: PageFindings | undefined,
  choices: PageChoices,
): { turn?: QuarterTurn; edit: PageEdit } {
  const page = index + 1;
  const { pages = {}, autoFix } = choices;
  const proposed = findings?.proposals ?? {};
  const edit: PageEdit = {};
  if (pages.skip?.includes(page)) edit.skip = 'clerk';
  else if (proposed.skip && autoFix && !pages.keep?.includes(page)) edit.skip = 'inspection';
  const clerkTurn = (pages.rotate?.[String(page)] as QuarterTurn | undefined) ?? choices.turns.get(index);
  if (clerkTurn !== undefined) edit.turn = { by: 'clerk', degrees: clerkTurn };
  else if (proposed.turn && autoFix) edit.turn = { by: 'inspection', degrees: proposed.turn };
  const turnAsMeasured = clerkTurn === undefined || clerkTurn === (proposed.turn ?? 0);
  if (proposed.straighten && turnAsMeasured && wanted(pages.straighten, autoFix)) edit.straighten = proposed.straighten;
  if (proposed.crop && wanted(pages.crop, autoFix)) edit.crop = proposed.crop;
  if (proposed.split && proposed.split.length > 1 && wanted(pages.split, autoFix)) edit.split = proposed.split;
  if (proposed.reduceTo && wanted(pages.reduce, autoFix)) edit.reduceTo = proposed.reduceTo;
  return { ...(edit.turn ? { turn: edit.turn.degrees } : {}), edit };
}

const distance = (a: RelativePoint, b: RelativePoint, w: number, h: number): number =>
  Math.hypot((a.x - b.x) * w, (a.y - b.y) * h);

/** The size of the flattened sheet cut from a `width` × `height` photo: its corners' mean side lengths. */
export function croppedSize(
  width: number,
  height: number,
  corners: NonNullable<PageEdit['crop']>,
): { width: number; height: number } {
  const [tl, tr, br, bl] = corners;
  return {
    width: Math.round((distance(tl, tr, width, height) + distance(bl, br, width, height)) / 2),
    height: Math.round((distance(tl, bl, width, height) + distance(tr, br, width, height)) / 2),
  };
}

/** Whether an edit changes the picture itself (so an image must be re-encoded, never passed through). */
export function changesPixels(edit: PageEdit | undefined): boolean {
  return Boolean(edit && (edit.straighten || edit.crop || edit.split || edit.reduceTo));
}
