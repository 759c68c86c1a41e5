/** The background level of a grey picture, and which pixels count as ink on it. */
import type { Picture } from './picture.ts';

/** Ink is at least this much darker than the paper: show-through and scanner grey are fainter. */
export const INK_CONTRAST = 60;

/**
 * Each picture's count of pixels per grey level, made once: the paper level and the percentiles read it for the
 * blank test, the legibility warnings and the text tiles alike (a pass over a page's 2 million pixels each).
 * Pictures are not changed once made.
 */
const histograms = new WeakMap<Picture, Uint32Array>();

function histogramOf(p: Picture): Uint32Array {
  let histogram = histograms.get(p);
  if (!histogram) {
    histogram = new Uint32Array(256);
    const data = p.data;
    for (let i = 0; i < data.length; i += 1) histogram[data[i]!]! += 1;
    histograms.set(p, histogram);
  }
  return histogram;
}

/** The paper's grey level: the most common level among the lighter half of the pixels. */
export function paperLevel(p: Picture): number {
  const histogram = histogramOf(p);
  let best = 255;
  for (let v = 255; v >= 64; v -= 1) if (histogram[v]! > histogram[best]!) best = v;
  return best;
}

/** The grey level at which `fraction` of the pixels are darker. */
export function percentile(p: Picture, fraction: number): number {
  const histogram = histogramOf(p);
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
