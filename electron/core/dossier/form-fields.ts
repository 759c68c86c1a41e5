/**
 * Filled form fields drawn by the dossier itself, with its own font. A field's value as the source shows it may
 * depend on the viewer: /NeedAppearances (the viewer draws it), fonts named in no /DR, Adobe's CJK standard fonts
 * (STSong-Light, never embedded), ZapfDingbats check marks. A printer without those fonts prints "?" or tofu; so
 * every text and choice value is set in WenQuanYi Micro Hei, and every checkbox and radio button drawn as a path.
 * A value the font has no glyph for is refused, naming the field, rather than printed with a gap.
 */
import {
  PDFArray,
  PDFDict,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFString,
  type PDFContext,
  type PDFObject,
} from './pdf-lib.ts';
import { FONT_NAME } from './content.ts';
import { num } from './object-copier.ts';
import type { Box } from './transform.ts';

const N = (s: string) => PDFName.of(s);
const FLAG = { multiline: 1 << 12, password: 1 << 13, radio: 1 << 15, pushbutton: 1 << 16, combo: 1 << 17 } as const;
const PAD = 2;

/** What the field needs from the dossier font: glyphs, widths, and which characters it cannot draw. */
export interface FieldFont {
  encode(text: string): string;
  width(text: string, size: number): number;
  /** The characters of `text` the font would draw as .notdef (none when all can be drawn). */
  missing(text: string): string[];
}

/** A field attribute, inherited from the field's ancestors (PDF 32000 §12.7.3.1). */
function inherited(ctx: PDFContext, widget: PDFDict, key: string): PDFObject | undefined {
  let node: PDFDict | undefined = widget;
  for (let depth = 0; node && depth < 32; depth += 1) {
    const value = node.get(N(key));
    if (value !== undefined) return ctx.lookup(value);
    const parent: PDFObject | undefined = ctx.lookup(node.get(N('Parent')));
    node = parent instanceof PDFDict ? parent : undefined;
  }
  return undefined;
}

function textOf(obj: PDFObject | undefined): string {
  if (obj instanceof PDFString || obj instanceof PDFHexString) return obj.decodeText();
  if (obj instanceof PDFName) return obj.decodeText();
  if (obj instanceof PDFArray) return obj.asArray().map(textOf).filter(Boolean).join('，');
  return '';
}

/** The field's full name (`parent.child`), as a form editor shows it: what a refusal names. */
export function fieldName(ctx: PDFContext, widget: PDFDict): string {
  const parts: string[] = [];
  let node: PDFDict | undefined = widget;
  for (let depth = 0; node && depth < 32; depth += 1) {
    const t = textOf(ctx.lookup(node.get(N('T'))));
    if (t) parts.unshift(t);
    const parent: PDFObject | undefined = ctx.lookup(node.get(N('Parent')));
    node = parent instanceof PDFDict ? parent : undefined;
  }
  return parts.join('.') || '（无名栏）';
}

/** `choice` is a combo box (one value shown); `list` a list box, whose appearance shows every option. */
export type FieldKind = 'text' | 'choice' | 'list' | 'check' | 'radio' | 'button' | 'signature' | 'none';

/** What kind of form field a widget annotation shows. */
export function fieldKind(ctx: PDFContext, widget: PDFDict): FieldKind {
  const ft = inherited(ctx, widget, 'FT');
  const flags = numberOf(inherited(ctx, widget, 'Ff'));
  if (ft === N('Tx')) return 'text';
  if (ft === N('Ch')) return flags & FLAG.combo ? 'choice' : 'list';
  if (ft === N('Sig')) return 'signature';
  if (ft !== N('Btn')) return 'none';
  if (flags & FLAG.pushbutton) return 'button';
  return flags & FLAG.radio ? 'radio' : 'check';
}

function numberOf(obj: PDFObject | undefined): number {
  return obj instanceof PDFNumber ? obj.asNumber() : 0;
}

/** The value a text or choice field prints ('' when empty, or a password field, which prints nothing). */
export function fieldText(ctx: PDFContext, widget: PDFDict): string {
  if (numberOf(inherited(ctx, widget, 'Ff')) & FLAG.password) return '';
  return textOf(inherited(ctx, widget, 'V')).replace(/\r\n?/g, '\n');
}

/** Whether a checkbox or radio button widget is on: its /AS, or else its parent's /V naming one of its states. */
function isOn(ctx: PDFContext, widget: PDFDict): boolean {
  const as = widget.get(N('AS'));
  if (as instanceof PDFName) return as !== N('Off');
  const v = inherited(ctx, widget, 'V');
  if (!(v instanceof PDFName) || v === N('Off')) return false;
  const ap = ctx.lookup(widget.get(N('AP')));
  const normal = ap instanceof PDFDict ? ctx.lookup(ap.get(N('N'))) : undefined;
  return !(normal instanceof PDFDict) || normal.has(v);
}

/** The fill colour the field's /DA sets (`g`, `rg` or `k`), black when it sets none. */
function daColour(ctx: PDFContext, widget: PDFDict): string {
  const da = textOf(inherited(ctx, widget, 'DA'));
  const m = /((?:[-\d.]+\s+){1,4})(g|rg|k)\b(?![\s\S]*\b(?:g|rg|k)\b)/.exec(da);
  return m ? `${m[1]!.trim()} ${m[2]}` : '0 g';
}

function daSize(ctx: PDFContext, widget: PDFDict): number {
  const da = textOf(inherited(ctx, widget, 'DA'));
  const m = /([-\d.]+)\s+Tf/.exec(da);
  return m ? Math.max(0, Number(m[1])) : 0;
}

/** The widget's /MK colours (background, border) as fill / stroke operators, or '' when it has none. */
function mkColour(ctx: PDFContext, widget: PDFDict, key: 'BG' | 'BC', stroke: boolean): string {
  const mk = ctx.lookup(widget.get(N('MK')));
  const c = mk instanceof PDFDict ? ctx.lookup(mk.get(N(key))) : undefined;
  if (!(c instanceof PDFArray) || ![1, 3, 4].includes(c.size())) return '';
  const v = c.asArray().map((x) => num(numberOf(ctx.lookup(x))));
  const op = { 1: 'g', 3: 'rg', 4: 'k' }[c.size() as 1 | 3 | 4];
  return `${v.join(' ')} ${stroke ? op.toUpperCase() : op}`;
}

function mkCaption(ctx: PDFContext, widget: PDFDict): string {
  const mk = ctx.lookup(widget.get(N('MK')));
  return mk instanceof PDFDict ? textOf(ctx.lookup(mk.get(N('CA')))) : '';
}

/** The quarter turn of the widget's content (/MK /R) as a matrix onto its rect, and the box it is laid out in. */
function turnInto(ctx: PDFContext, widget: PDFDict, rect: Box): { m: string; w: number; h: number } {
  const mk = ctx.lookup(widget.get(N('MK')));
  const r = ((numberOf(mk instanceof PDFDict ? ctx.lookup(mk.get(N('R'))) : undefined) % 360) + 360) % 360;
  const [x, y] = [rect[0], rect[1]];
  const [w, h] = [rect[2] - rect[0], rect[3] - rect[1]];
  const m = {
    0: [1, 0, 0, 1, x, y],
    90: [0, 1, -1, 0, x + w, y],
    180: [-1, 0, 0, -1, x + w, y + h],
    270: [0, -1, 1, 0, x, y + h],
  }[r as 0] ?? [1, 0, 0, 1, x, y];
  return { m: `${m.map(num).join(' ')} cm`, ...(r % 180 === 90 ? { w: h, h: w } : { w, h }) };
}

function frame(ctx: PDFContext, widget: PDFDict, w: number, h: number, round: boolean): string {
  const bg = mkColour(ctx, widget, 'BG', false);
  const bc = mkColour(ctx, widget, 'BC', true);
  const shape = round ? circlePath(w / 2, h / 2, Math.min(w, h) / 2 - 0.5) : `0.5 0.5 ${num(w - 1)} ${num(h - 1)} re`;
  return `${bg ? `${bg} ${shape} f ` : ''}${bc ? `${bc} 1 w ${shape} S ` : ''}`;
}

function circlePath(cx: number, cy: number, r: number): string {
  const k = r * 0.5523;
  const p = (x: number, y: number) => `${num(cx + x)} ${num(cy + y)}`;
  return `${p(r, 0)} m ${p(r, k)} ${p(k, r)} ${p(0, r)} c ${p(-k, r)} ${p(-r, k)} ${p(-r, 0)} c ${p(-r, -k)} ${p(-k, -r)} ${p(0, -r)} c ${p(k, -r)} ${p(r, -k)} ${p(r, 0)} c`;
}

/** The mark of a checked box or chosen radio button, by its /MK /CA (a ZapfDingbats character), as a path. */
function markPath(style: string, w: number, h: number, radio: boolean): string {
  const s = Math.min(w, h);
  const [cx, cy] = [w / 2, h / 2];
  const p = (x: number, y: number) => `${num(cx + x * s)} ${num(cy + y * s)}`;
  const kind = style || (radio ? 'l' : '4');
  if (kind === 'l') return `${circlePath(cx, cy, s * 0.25)} f`;
  if (kind === 'n') return `${p(-0.25, -0.25)} ${num(s * 0.5)} ${num(s * 0.5)} re f`;
  if (kind === '8')
    return `${num(s * 0.1)} w ${p(-0.28, -0.28)} m ${p(0.28, 0.28)} l ${p(-0.28, 0.28)} m ${p(0.28, -0.28)} l S`;
  return `${num(s * 0.1)} w 1 J 1 j ${p(-0.3, 0)} m ${p(-0.08, -0.25)} l ${p(0.32, 0.3)} l S`;
}

/** Lines of `text` that fit `width` at `size`: CJK text breaks between any two characters, other text at spaces. */
function wrap(text: string, font: FieldFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const token of paragraph.match(/[\u0021-\u007e]+|\s|./gu) ?? ['']) {
      if (line && font.width(line + token, size) > width) {
        lines.push(line.trimEnd());
        line = token.trimStart();
      } else line += token;
    }
    lines.push(line);
  }
  return lines;
}

function textOps(ctx: PDFContext, widget: PDFDict, text: string, font: FieldFont, w: number, h: number): string {
  const colour = daColour(ctx, widget);
  const align = numberOf(inherited(ctx, widget, 'Q'));
  const multiline = (numberOf(inherited(ctx, widget, 'Ff')) & FLAG.multiline) !== 0;
  let size = daSize(ctx, widget) || (multiline ? 10 : Math.min(12, (h - 2 * PAD) * 0.8));
  const inner = w - 2 * PAD;
  const lines = multiline ? wrap(text, font, size, inner) : [text.replace(/\n/g, ' ')];
  if (!multiline) size = Math.min(size, (size * inner) / Math.max(font.width(lines[0]!, size), 1e-6));
  const lead = size * 1.15;
  const top = multiline ? h - PAD - size * 0.88 : (h - size * 0.76) / 2 + size * 0.12;
  const ops = lines.map((line, i) => {
    const lw = font.width(line, size);
    const x = align === 1 ? (w - lw) / 2 : align === 2 ? w - PAD - lw : PAD;
    return `1 0 0 1 ${num(x)} ${num(top - i * lead)} Tm ${font.encode(line)} Tj`;
  });
  return `BT ${colour} ${FONT_NAME} ${num(size)} Tf ${ops.join(' ')} ET`;
}

/** A field the dossier font cannot draw: its name and the characters missing. */
export class UndrawableField extends Error {
  constructor(
    readonly field: string,
    readonly chars: string[],
  ) {
    super(`field ${field} cannot be drawn`);
  }
}

/**
 * Draw operators (page user space) for one text, choice, checkbox or radio widget, or undefined for a field kind
 * this does not draw. Throws UndrawableField when the value has characters the font cannot draw.
 */
export function drawField(ctx: PDFContext, widget: PDFDict, rect: Box, font: FieldFont): string | undefined {
  const kind = fieldKind(ctx, widget);
  const { m, w, h } = turnInto(ctx, widget, rect);
  if (kind === 'text' || kind === 'choice') {
    const text = fieldText(ctx, widget);
    const missing = font.missing(text.replace(/\s/g, ''));
    if (missing.length > 0) throw new UndrawableField(fieldName(ctx, widget), missing);
    const body = text ? textOps(ctx, widget, text, font, w, h) : '';
    return `q ${m} ${frame(ctx, widget, w, h, false)}0 0 ${num(w)} ${num(h)} re W n ${body} Q`;
  }
  if (kind === 'check' || kind === 'radio') {
    const fill = daColour(ctx, widget);
    const stroke = fill.replace(/(g|rg|k)$/, (op) => op.toUpperCase());
    const mark = isOn(ctx, widget)
      ? `${fill} ${stroke} ${markPath(mkCaption(ctx, widget), w, h, kind === 'radio')}`
      : '';
    return `q ${m} ${frame(ctx, widget, w, h, kind === 'radio')}${mark} Q`;
  }
  return undefined;
}
