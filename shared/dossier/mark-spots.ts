/**
 * Where the 公章 and 骑缝章 marks were put on a page, as the page map carries it, and how to say it to the clerk.
 * Points on the A4 sheet, origin bottom-left. Pure.
 */

/** How a mark found its place: the chosen place was free of ink (`chosen`), it moved to the nearest free place
 * (`moved`), no place was free so it stayed where chosen over the ink (`crowded`), or the page could not be looked
 * at (`unchecked`: it stays where chosen). */
export type SpotChoice = 'chosen' | 'moved' | 'crowded' | 'unchecked';

/** What was in the chosen place: a red seal, or other ink (text, a signature, a drawing). */
export type InkKind = 'seal' | 'ink';

/** The 公章 mark: a circle of radius `r` centred at (x, y). */
export interface SealSpot {
  x: number;
  y: number;
  r: number;
  choice: SpotChoice;
  /** What made it move (or what it lies on when crowded). */
  avoided?: InkKind;
}

/** The 骑缝章 mark: half a circle of radius `r` on the right edge, centred at height `y`. */
export interface EdgeSpot {
  y: number;
  r: number;
  choice: SpotChoice;
  avoided?: InkKind;
}

/** The places the clerk can choose for the 公章. */
export type SealCorner = 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left' | 'middle-right';

const CORNER_NAMES: Record<SealCorner, string> = {
  'bottom-right': '右下角',
  'bottom-left': '左下角',
  'top-right': '右上角',
  'top-left': '左上角',
  'middle-right': '右侧中部',
};

const A4_WIDTH = 595.28;
const A4_HEIGHT = 841.89;

function avoidedText(kind: InkKind | undefined): string {
  return kind === 'seal' ? '已有印章' : '原有文字或签名';
}

/** Where on the lower half a circle centred at `x` sits: left, middle or right. */
function sideName(x: number): string {
  if (x < A4_WIDTH / 3) return '左侧';
  if (x > (2 * A4_WIDTH) / 3) return '右侧';
  return '中部';
}

/**
 * Where the 公章 mark is on its page, in words.
 * @example sealPlaceText('bottom-right', { x: 150, y: 200, r: 57, choice: 'moved', avoided: 'seal' }) // '下半部左侧，避开已有印章'
 */
export function sealPlaceText(corner: SealCorner, spot: SealSpot | undefined): string {
  const chosen = CORNER_NAMES[corner];
  if (!spot || spot.choice === 'chosen' || spot.choice === 'unchecked') return chosen;
  if (spot.choice === 'crowded') return `${chosen}，页面下半部没有空处，盖章时请避开${avoidedText(spot.avoided)}`;
  const where = spot.y < A4_HEIGHT / 2 ? `下半部${sideName(spot.x)}` : chosen;
  return `${where}，避开${avoidedText(spot.avoided)}`;
}

/**
 * Where the 骑缝章 mark is on the fore-edge, in words.
 * @example edgePlaceText({ y: 250, r: 57, choice: 'moved', avoided: 'ink' }) // '右侧页边偏下，避开原有文字或签名'
 */
export function edgePlaceText(spot: EdgeSpot | undefined): string {
  if (!spot || spot.choice === 'chosen' || spot.choice === 'unchecked') return '右侧页边中部';
  if (spot.choice === 'crowded') return `右侧页边中部，页边没有空处，盖章时请避开${avoidedText(spot.avoided)}`;
  const where = spot.y < A4_HEIGHT / 2 ? '偏下' : '偏上';
  return `右侧页边${where}，避开${avoidedText(spot.avoided)}`;
}
