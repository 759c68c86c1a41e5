/** A small builder of PDF content-stream operators for what the dossier draws itself. */
import { num } from './object-copier.ts';
import type { TextFont } from './font.ts';

/** The resource name of the dossier font in every page's /Font dictionary. */
export const FONT_NAME = '/JzF';

/** 4 Bézier curves approximate a circle; this is the control-point distance for a unit radius. */
const KAPPA = 0.5522847498;

export class Content {
  private readonly ops: string[] = [];
  constructor(private readonly font: TextFont) {}

  op(text: string): this {
    this.ops.push(text);
    return this;
  }

  /** Text with its baseline starting at (x, y). */
  text(text: string, x: number, y: number, size: number, gray = 0): this {
    return this.op(
      `BT ${num(gray)} g ${FONT_NAME} ${num(size)} Tf 1 0 0 1 ${num(x)} ${num(y)} Tm ${this.font.encode(text)} Tj ET`,
    );
  }

  /** Text turned a quarter anticlockwise (reading bottom to top), baseline starting at (x, y). */
  textUp(text: string, x: number, y: number, size: number, gray = 0): this {
    return this.op(
      `BT ${num(gray)} g ${FONT_NAME} ${num(size)} Tf 0 1 -1 0 ${num(x)} ${num(y)} Tm ${this.font.encode(text)} Tj ET`,
    );
  }

  /** Text centred on x. */
  textCentred(text: string, cx: number, y: number, size: number, gray = 0): this {
    return this.text(text, cx - this.font.width(text, size) / 2, y, size, gray);
  }

  width(text: string, size: number): number {
    return this.font.width(text, size);
  }

  fillRect(x: number, y: number, w: number, h: number, gray: number): this {
    return this.op(`${num(gray)} g ${num(x)} ${num(y)} ${num(w)} ${num(h)} re f`);
  }

  line(x0: number, y0: number, x1: number, y1: number, gray: number, width = 0.6): this {
    return this.op(`${num(gray)} G ${num(width)} w [] 0 d ${num(x0)} ${num(y0)} m ${num(x1)} ${num(y1)} l S`);
  }

  /** A dashed circle (or, with `half`, only its left half: a mark centred on the right edge). */
  dashedCircle(cx: number, cy: number, r: number, gray: number, half = false): this {
    const k = r * KAPPA;
    const p = (x: number, y: number) => `${num(cx + x)} ${num(cy + y)}`;
    const arcs = [
      `${p(0, r)} m ${p(-k, r)} ${p(-r, k)} ${p(-r, 0)} c ${p(-r, -k)} ${p(-k, -r)} ${p(0, -r)} c`,
      half ? '' : `${p(k, -r)} ${p(r, -k)} ${p(r, 0)} c ${p(r, k)} ${p(k, r)} ${p(0, r)} c`,
    ];
    return this.op(`q ${num(gray)} G 0.8 w [4 3] 0 d ${arcs.join(' ')} S Q`);
  }

  toString(): string {
    return this.ops.join('\n');
  }

  bytes(): Buffer {
    return Buffer.from(this.toString(), 'latin1');
  }
}
