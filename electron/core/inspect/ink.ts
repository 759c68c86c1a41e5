/** The background level of a grey picture, and which pixels count as ink on it. */
import type { Picture } from './picture.ts';

/** Ink is at least this much darker than the paper: show-through and scanner grey are fainter. */
export const INK_CONTRAST = 60;

/** The paper's grey level: the most common level among the lighter half of the pixels. */
export function paperLevel(p: Picture): number {
  const histogram = new Uint32Array(256);
  for (let i = 0; i < p.data.length; i += 1) histogram[p.data[i]!]! += 1;
  let best = 255;
  for (let v = 255; v >= 64; v -= 1) if (histogram[v]! > histogram[best]!) best = v;
  return best;
}

/** The grey level at which `fraction` of the pixels are darker. */
export function percentile(p: Picture, fraction: number): number {
  const histogram = new Uint32Array(256);
  for (let i = 0; i < p.data.length; i += 1) histogram[p.data[i]!]! += 1;
  let seen = 0;
  for (let v = 0; v < 256; v += 1) {
    seen += histogram[v]!;
    if (seen >= fraction * p.data.length) return v;
  }
  return 255;
}

export function inkThreshold(paper: number): number {
  return Math.max(0, paper - INK_CONTRAST);
}
