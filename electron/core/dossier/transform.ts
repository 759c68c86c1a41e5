/** The matrix that lays a box of source content onto the sheet: turned clockwise, scaled, moved. */
import { num } from './object-copier.ts';
import type { Placement, QuarterTurn } from './types.ts';

export type Box = [x0: number, y0: number, x1: number, y1: number];
export type Matrix = [a: number, b: number, c: number, d: number, e: number, f: number];

/**
 * Maps `box` (source user space) so that, turned clockwise by `turn`, scaled by `s`, its lower-left corner
 * lands at (x, y). PDF's `cm` convention: x' = a·u + c·v + e, y' = b·u + d·v + f.
 */
export function placementMatrix(box: Box, turn: QuarterTurn, s: number, x: number, y: number): Matrix {
  const [x0, y0, x1, y1] = box;
  const w = x1 - x0;
  const h = y1 - y0;
  switch (turn) {
    case 0:
      return [s, 0, 0, s, x - s * x0, y - s * y0];
    case 90:
      return [0, -s, s, 0, x - s * y0, y + s * (w + x0)];
    case 180:
      return [-s, 0, 0, -s, x + s * (w + x0), y + s * (h + y0)];
    case 270:
      return [0, s, -s, 0, x + s * (h + y0), y - s * x0];
  }
}

export function applyMatrix(m: Matrix, u: number, v: number): [number, number] {
  return [m[0] * u + m[2] * v + m[4], m[1] * u + m[3] * v + m[5]];
}

export function isIdentity(m: Matrix): boolean {
  return m[0] === 1 && m[1] === 0 && m[2] === 0 && m[3] === 1 && m[4] === 0 && m[5] === 0;
}

export function cm(m: Matrix): string {
  return `${m.map(num).join(' ')} cm`;
}

export function addTurns(a: QuarterTurn, b: QuarterTurn): QuarterTurn {
  return ((a + b) % 360) as QuarterTurn;
}

/** `m` followed by `n`: the point goes through `m` first. */
export function thenApply(m: Matrix, n: Matrix): Matrix {
  return [
    n[0] * m[0] + n[2] * m[1],
    n[1] * m[0] + n[3] * m[1],
    n[0] * m[2] + n[2] * m[3],
    n[1] * m[2] + n[3] * m[3],
    n[0] * m[4] + n[2] * m[5] + n[4],
    n[1] * m[4] + n[3] * m[5] + n[5],
  ];
}

/** A clockwise turn by `degrees` about (cx, cy), in PDF's y-up space. */
export function turnAbout(degrees: number, cx: number, cy: number): Matrix {
  const phi = (-degrees * Math.PI) / 180;
  const [c, s] = [Math.cos(phi), Math.sin(phi)];
  return [c, s, -s, c, cx - c * cx + s * cy, cy - s * cx - c * cy];
}

/** The placement with a levelling tilt (none when `degrees` is absent or 0). */
export function withTilt(placement: Placement, degrees: number | undefined): Placement {
  return degrees ? { ...placement, tilt: degrees } : placement;
}
