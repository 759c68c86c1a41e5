/**
 * Where a page's text is densest: square tiles of its picture ranked by their share of ink, so that Tesseract's
 * orientation can read a few of them instead of the whole page. Its cost is about 1.5–2 ms per character it
 * classifies (it tries up to 250 on a page), so a tile of ~50 characters answers in a fifth of the time.
 */
import { inkThreshold, paperLevel } from './ink.ts';
import { type Picture } from './picture.ts';

/** A tile's side in inches: about 8 lines of 10–12 pt text, 60–100 characters of Chinese or Latin. */
const TILE_INCHES = 2;
/** Text covers 3–20 % of its tiles with ink; less is a margin or a rule, more a photo, a drawing or a dark scan. */
const MIN_INK = 0.02;
const MAX_INK = 0.3;

/** The picture's pixels in one rectangle. */
function crop(p: Picture, x: number, y: number, side: number): Picture {
  const data = new Uint8Array(side * side);
  for (let row = 0; row < side; row += 1) {
    const from = (y + row) * p.width + x;
    data.set(p.data.subarray(from, from + side), row * side);
  }
  return { ...p, data, width: side, height: side };
}

function darkPixels(data: Uint8Array, from: number, length: number, threshold: number): number {
  let n = 0;
  for (let i = from; i < from + length; i += 1) if (data[i]! < threshold) n += 1;
  return n;
}

/**
 * Up to `count` whole tiles of the picture that look like text, densest first (a grid centred on the page);
 * none when the page is smaller than a tile or carries no text-like ink.
 */
export function textTiles(p: Picture, count: number): Picture[] {
  const side = Math.round(TILE_INCHES * p.dpi);
  const [cols, rows] = [Math.floor(p.width / side), Math.floor(p.height / side)];
  if (cols === 0 || rows === 0) return [];
  const [left, top] = [Math.floor((p.width - cols * side) / 2), Math.floor((p.height - rows * side) / 2)];
  const threshold = inkThreshold(paperLevel(p));
  const ink = new Uint32Array(cols * rows);
  for (let y = 0; y < rows * side; y += 1) {
    const line = (top + y) * p.width + left;
    const tileRow = Math.floor(y / side) * cols;
    for (let col = 0; col < cols; col += 1)
      ink[tileRow + col]! += darkPixels(p.data, line + col * side, side, threshold);
  }
  const area = side * side;
  return [...ink.keys()]
    .filter((i) => ink[i]! >= MIN_INK * area && ink[i]! <= MAX_INK * area)
    .sort((a, b) => ink[b]! - ink[a]!)
    .slice(0, count)
    .map((i) => crop(p, left + (i % cols) * side, top + Math.floor(i / cols) * side, side));
}
