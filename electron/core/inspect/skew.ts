/**
 * How far the text lines of an upright page lean: the characters of each line are run together by OpenCV's
 * morphology into one long shape, and the lean of each long shape (from its second moments) is weighed by its
 * length. Chinese and Latin lines alike make such shapes; a page without lines gives no answer.
 */
import { inkMask, scaledPicture, turnPicture } from './mats.ts';
import { inkThreshold, paperLevel } from './ink.ts';
import type { Cv } from './opencv.ts';
import type { Picture } from './picture.ts';

/** Only scans up to this lean are straightened; more is a page laid crooked on purpose, or not text. */
export const MAX_SKEW = 5;
/**
 * Lines are measured at this resolution: a line 25 mm long is still ~74 pixels, and the lean comes out within
 * 0.05° of the full picture's on our fixtures, at a quarter of the cost.
 */
const SKEW_DPI = 75;

/**
 * Degrees the lines lean clockwise once the picture is given its quarter `turn` (clockwise), or undefined when the
 * page has too few lines to tell. The picture is scaled down before it is turned: a quarter of the pixels to move.
 */
export function lineSkew(cv: Cv, picture: Picture, turn = 0): number | undefined {
  const scaled = picture.dpi > SKEW_DPI * 1.25 ? scaledPicture(cv, picture, SKEW_DPI / picture.dpi) : picture;
  const p = turnPicture(cv, scaled, turn);
  const mm = p.dpi / 25.4;
  const mask = inkMask(cv, p, inkThreshold(paperLevel(p)));
  const kernel = cv.getStructuringElement(cv.MORPH_RECT, new cv.Size(Math.max(3, Math.round(4 * mm)), 1));
  const [joined, contours, hierarchy] = [new cv.Mat(), new cv.MatVector(), new cv.Mat()];
  try {
    cv.morphologyEx(mask, joined, cv.MORPH_CLOSE, kernel);
    cv.findContours(joined, contours, hierarchy, cv.RETR_EXTERNAL, cv.CHAIN_APPROX_SIMPLE);
    const leans: { angle: number; weight: number }[] = [];
    for (let i = 0; i < (contours.size() as unknown as number); i += 1) {
      const contour = contours.get(i);
      const rect = cv.boundingRect(contour);
      if (rect.width >= 25 * mm && rect.width >= 6 * rect.height) {
        const m = cv.moments(contour, false);
        const angle = (0.5 * Math.atan2(2 * m.mu11, m.mu20 - m.mu02) * 180) / Math.PI;
        if (Math.abs(angle) <= MAX_SKEW + 1) leans.push({ angle, weight: rect.width });
      }
      contour.delete();
    }
    return weightedMedian(leans);
  } finally {
    [mask, kernel, joined, hierarchy].forEach((m) => m.delete());
    contours.delete();
  }
}

function weightedMedian(values: { angle: number; weight: number }[]): number | undefined {
  if (values.length < 3) return undefined;
  const sorted = [...values].sort((a, b) => a.angle - b.angle);
  const half = sorted.reduce((n, v) => n + v.weight, 0) / 2;
  let seen = 0;
  for (const v of sorted) {
    seen += v.weight;
    if (seen >= half) return v.angle;
  }
  return undefined;
}
