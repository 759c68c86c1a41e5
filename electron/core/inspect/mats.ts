/** Pictures as OpenCV Mats and back. */
import type { Cv, Mat } from './opencv.ts';
import type { Picture } from './picture.ts';

export function matOf(cv: Cv, p: Picture): Mat {
  const mat = new cv.Mat(p.height, p.width, cv.CV_8UC1);
  mat.data.set(p.data);
  return mat;
}

/** The picture turned clockwise by a quarter turn. */
export function turnPicture(cv: Cv, p: Picture, turn: number): Picture {
  if (turn % 360 === 0) return p;
  const codes: Record<number, number> = {
    90: cv.ROTATE_90_CLOCKWISE,
    180: cv.ROTATE_180,
    270: cv.ROTATE_90_COUNTERCLOCKWISE,
  };
  const src = matOf(cv, p);
  const dst = new cv.Mat();
  try {
    cv.rotate(src, dst, codes[turn]!);
    return { ...p, data: new Uint8Array(dst.data), width: dst.cols, height: dst.rows };
  } finally {
    src.delete();
    dst.delete();
  }
}

/** Ink as white (255) on black, for OpenCV's shape functions. */
export function inkMask(cv: Cv, p: Picture, threshold: number): Mat {
  const src = matOf(cv, p);
  const mask = new cv.Mat();
  cv.threshold(src, mask, threshold, 255, cv.THRESH_BINARY_INV);
  src.delete();
  return mask;
}

/** The picture at `scale` (below 1) of its size, each pixel the mean of those it covers. */
export function scaledPicture(cv: Cv, p: Picture, scale: number): Picture {
  const src = matOf(cv, p);
  const dst = new cv.Mat();
  try {
    const size = new cv.Size(Math.max(1, Math.round(p.width * scale)), Math.max(1, Math.round(p.height * scale)));
    cv.resize(src, dst, size, 0, 0, cv.INTER_AREA);
    return {
      ...p,
      data: new Uint8Array(dst.data),
      width: dst.cols,
      height: dst.rows,
      dpi: (p.dpi * dst.cols) / p.width,
    };
  } finally {
    src.delete();
    dst.delete();
  }
}
