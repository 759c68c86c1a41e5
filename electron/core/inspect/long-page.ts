/**
 * A tall page (a phone screenshot, a till receipt) cut into A4 pages: each part as tall as the printable area is
 * at the page's full width, cut at the emptiest row in its lowest quarter, so that no line of text is cut through.
 */
import type { Band } from '#shared/page-findings.ts';
import { contentArea } from '../dossier/layout.ts';
import { inkThreshold, paperLevel } from './ink.ts';
import type { Picture } from './picture.ts';

function inkPerRow(p: Picture): Uint32Array {
  const threshold = inkThreshold(paperLevel(p));
  const rows = new Uint32Array(p.height);
  for (let y = 0; y < p.height; y += 1) {
    let n = 0;
    for (let x = 0, i = y * p.width; x < p.width; x += 1, i += 1) if (p.data[i]! < threshold) n += 1;
    rows[y] = n;
  }
  return rows;
}

/** The parts of a tall page, top to bottom, as fractions of its height. */
export function splitBands(p: Picture): Band[] {
  const partHeight = Math.floor((p.width * contentArea.height) / contentArea.width);
  const rows = inkPerRow(p);
  const bands: Band[] = [];
  let top = 0;
  while (p.height - top > partHeight) {
    let cut = top + partHeight;
    for (let y = top + partHeight; y >= top + Math.floor(partHeight * 0.75); y -= 1) if (rows[y]! < rows[cut]!) cut = y;
    bands.push({ top: top / p.height, bottom: cut / p.height });
    top = cut;
  }
  bands.push({ top: top / p.height, bottom: 1 });
  return bands;
}
