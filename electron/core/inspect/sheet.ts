/**
 * A sheet of paper in a photo: the largest bright four-cornered shape (OpenCV: blur, Otsu's threshold, contours,
 * polygon approximation; Canny's edges when the desk is as light as the paper). Its corners let the assembly
 * flatten the perspective and cut the desk away.
 */
import type { RelativePoint } from '#shared/page-findings.ts';
import { matOf } from './mats.ts';
import type { Cv, Mat } from './opencv.ts';
import type { Picture } from './picture.ts';

export type Corners = [RelativePoint, RelativePoint, RelativePoint, RelativePoint];

/** Smaller than this share of the photo is not the document; larger means the photo is the document already. */
const AREA = { min: 0.2, max: 0.9 } as const;
const WORK_SIDE = 600;
/** The sheet lies wholly inside the photo, its corners at least this share of a side from the edges. */
const INSIDE = 0.01;
/** The desk around the sheet is at least this much darker than the sheet (a scan's uneven light is not a desk). */
const DESK_CONTRAST = 30;

function meanOf(m: Mat, x0: number, y0: number, x1: number, y1: number): number {
  let sum = 0;
  let n = 0;
  for (let y = Math.max(0, y0); y < Math.min(m.rows, y1); y += 1) {
    for (let x = Math.max(0, x0); x < Math.min(m.cols, x1); x += 1, n += 1) sum += m.data[y * m.cols + x]!;
  }
  return n ? sum / n : 0;
}

/** Whether a quad found in `small` is a sheet on a desk: inside the frame, and lighter than the frame's edges. */
function isSheetOnDesk(small: Mat, quad: { x: number; y: number }[]): boolean {
  const [w, h] = [small.cols, small.rows];
  if (quad.some((p) => p.x < INSIDE * w || p.y < INSIDE * h || p.x > (1 - INSIDE) * w || p.y > (1 - INSIDE) * h))
    return false;
  const xs = quad.map((p) => p.x).sort((a, b) => a - b);
  const ys = quad.map((p) => p.y).sort((a, b) => a - b);
  const sheet = meanOf(small, xs[1]!, ys[1]!, xs[2]!, ys[2]!);
  const band = Math.max(2, Math.round(0.02 * Math.min(w, h)));
  const edges =
    (meanOf(small, 0, 0, w, band) +
      meanOf(small, 0, h - band, w, h) +
      meanOf(small, 0, 0, band, h) +
      meanOf(small, w - band, 0, w, h)) /
    4;
  return sheet - edges >= DESK_CONTRAST;
}

/** Top-left, top-right, bottom-right, bottom-left. */
function ordered(points: { x: number; y: number }[]): { x: number; y: number }[] {
  const bySum = [...points].sort((a, b) => a.x + a.y - (b.x + b.y));
  const byDiff = [...points].sort((a, b) => a.x - a.y - (b.x - b.y));
  return [bySum[0]!, byDiff[3]!, bySum[3]!, byDiff[0]!];
}

function largestQuad(cv: Cv, binary: Mat): { x: number; y: number }[] | undefined {
  const [contours, hierarchy] = [new cv.MatVector(), new cv.Mat()];
  try {
    cv.findContours(binary, contours, hierarchy, cv.RETR_EXTERNAL, cv.CHAIN_APPROX_SIMPLE);
    let best: { x: number; y: number }[] | undefined;
    let bestArea = 0;
    for (let i = 0; i < (contours.size() as unknown as number); i += 1) {
      const c = contours.get(i);
      const area = cv.contourArea(c);
      if (area > bestArea) {
        const poly = new cv.Mat();
        cv.approxPolyDP(c, poly, 0.02 * cv.arcLength(c, true), true);
        if (poly.rows === 4 && cv.isContourConvex(poly)) {
          bestArea = area;
          best = Array.from({ length: 4 }, (_, k) => ({ x: poly.data32S[2 * k]!, y: poly.data32S[2 * k + 1]! }));
        }
        poly.delete();
      }
      c.delete();
    }
    const share = bestArea / (binary.rows * binary.cols);
    return best && share >= AREA.min && share <= AREA.max ? best : undefined;
  } finally {
    contours.delete();
    hierarchy.delete();
  }
}

/** The sheet's corners as fractions of the photo's size, or undefined when no sheet stands out from a background. */
export function findSheet(cv: Cv, p: Picture): Corners | undefined {
  const src = matOf(cv, p);
  const scale = Math.min(1, WORK_SIDE / Math.max(p.width, p.height));
  const [small, blurred, binary] = [new cv.Mat(), new cv.Mat(), new cv.Mat()];
  const kernel = cv.getStructuringElement(cv.MORPH_RECT, new cv.Size(9, 9));
  try {
    cv.resize(src, small, new cv.Size(Math.round(p.width * scale), Math.round(p.height * scale)), 0, 0, cv.INTER_AREA);
    cv.GaussianBlur(small, blurred, new cv.Size(5, 5), 0);
    const otsu = cv.threshold(blurred, binary, 0, 255, cv.THRESH_BINARY + cv.THRESH_OTSU);
    let quad: { x: number; y: number }[] | undefined;
    // Otsu's level parts the desk from everything light on it; a light mug or pen touching the sheet joins it, so
    // higher levels, between such things and white paper, are tried too.
    for (const level of [otsu, otsu + (255 - otsu) / 3, otsu + (2 * (255 - otsu)) / 3]) {
      cv.threshold(blurred, binary, level, 255, cv.THRESH_BINARY);
      cv.morphologyEx(binary, binary, cv.MORPH_CLOSE, kernel);
      quad = largestQuad(cv, binary);
      if (quad && isSheetOnDesk(small, quad)) break;
      quad = undefined;
    }
    if (!quad) {
      cv.Canny(blurred, binary, 40, 120);
      cv.dilate(binary, binary, kernel);
      quad = largestQuad(cv, binary);
      if (quad && !isSheetOnDesk(small, quad)) quad = undefined;
    }
    return quad && (ordered(quad).map((pt) => ({ x: pt.x / small.cols, y: pt.y / small.rows })) as Corners);
  } finally {
    [src, small, blurred, binary, kernel].forEach((m) => m.delete());
  }
}
