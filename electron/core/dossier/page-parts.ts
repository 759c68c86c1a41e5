/**
 * The parts a page's content draws from its resources — form XObjects, images, embedded font programs — read the
 * way a reader reads them, to learn whether the reader can show them. Poppler draws a form whose content does not
 * inflate as nothing, an image whose data breaks off with the rest of it blank, and text in a font whose program is
 * damaged not at all (or in whatever font the machine has): the page prints with a part missing.
 *
 * Only what the content names (`/Im0 Do`, `/F1 12 Tf`) is read, each stream once per document: a logo or a font
 * on every page is inflated once.
 */
import {
  PDFArray,
  PDFDict,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  type PDFContext,
  type PDFPage,
} from './pdf-lib.ts';
import { DossierInputError, type DossierInputErrorCode } from './errors.ts';
import { jpegIsComplete } from './jpeg.ts';
import { decodeStream, filterNames, inflateAsReader, type Decoded } from './stream-decode.ts';

const N = (s: string) => PDFName.of(s);

/** The resource names a content stream draws with; undefined when its content was not read (every name counts). */
export interface UsedNames {
  xobjects: Set<string>;
  fonts: Set<string>;
}

const NAME = String.raw`/([^\s/\[\]()<>{}%]+)`;
const DRAWN = new RegExp(String.raw`${NAME}\s*Do(?![^\s/\[\]()<>{}%])`, 'g');
const FONT_SET = new RegExp(String.raw`${NAME}\s+[-+.\d]+\s+Tf(?![^\s/\[\]()<>{}%])`, 'g');

const decodeName = (raw: string) =>
  raw.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** The names `Do` and `Tf` use in `content` (a name inside a string may be counted too: it is only read once more). */
export function usedNames(content: Uint8Array): UsedNames {
  const text = Buffer.from(content.buffer, content.byteOffset, content.byteLength).toString('latin1');
  const names = (re: RegExp) => new Set([...text.matchAll(re)].map((m) => decodeName(m[1]!)));
  return { xobjects: names(DRAWN), fonts: names(FONT_SET) };
}

/** Streams found whole, per document. */
const whole = new WeakMap<PDFContext, Set<PDFRef>>();

class PartChecker {
  private readonly judged: Set<PDFRef>;

  constructor(
    private readonly ctx: PDFContext,
    private readonly where: { index: number; file: string },
  ) {
    const known = whole.get(ctx) ?? new Set<PDFRef>();
    whole.set(ctx, known);
    this.judged = known;
  }

  private refuse(code: DossierInputErrorCode): never {
    throw new DossierInputError(code, this.where.file, `第 ${this.where.index + 1} 页`);
  }

  /** The entries of `resources`' `kind` dictionary that `used` names (all of them when `used` is undefined). */
  private named(resources: PDFDict | undefined, kind: string, used: Set<string> | undefined): PDFRef[] {
    const dict = resources && this.ctx.lookup(resources.get(N(kind)));
    if (!(dict instanceof PDFDict)) return [];
    return [...dict.entries()]
      .filter(([name]) => !used || used.has(name.decodeText()))
      .map(([, ref]) => ref)
      .filter((ref): ref is PDFRef => ref instanceof PDFRef);
  }

  /** Checks what content with `resources` draws; `used` is what it names, undefined for everything listed. */
  check(resources: PDFDict | undefined, used: UsedNames | undefined): void {
    for (const ref of this.named(resources, 'XObject', used?.xobjects)) this.xobject(ref, resources);
    for (const ref of this.named(resources, 'Font', used?.fonts)) this.font(ref);
  }

  /** Marks `ref` as being judged; false when it was judged before (whole, or being judged up the stack). */
  private first(ref: PDFRef): boolean {
    if (this.judged.has(ref)) return false;
    this.judged.add(ref);
    return true;
  }

  private xobject(ref: PDFRef, outer: PDFDict | undefined): void {
    const x = this.ctx.lookup(ref);
    if (!(x instanceof PDFRawStream) || !this.first(ref)) return;
    const subtype = x.dict.get(N('Subtype'));
    if (subtype === N('Image')) {
      if (imageIsDamaged(this.ctx, x)) this.refuse('pdf-image-damaged');
      return;
    }
    if (subtype !== N('Form')) return;
    const content = decodeStream(this.ctx, x);
    if (content === 'undecodable') this.refuse('content-damaged');
    const own = this.ctx.lookup(x.dict.get(N('Resources')));
    // A form without resources of its own draws with those of the content that draws it (PDF 1.1 files).
    this.check(own instanceof PDFDict ? own : outer, namesIn(content));
  }

  private font(ref: PDFRef): void {
    const font = this.ctx.lookup(ref);
    if (!(font instanceof PDFDict) || !this.first(ref)) return;
    const descendants = this.ctx.lookup(font.get(N('DescendantFonts')));
    const described = descendants instanceof PDFArray ? this.ctx.lookup(descendants.get(0)) : font;
    const descriptor = described instanceof PDFDict ? this.ctx.lookup(described.get(N('FontDescriptor'))) : undefined;
    if (!(descriptor instanceof PDFDict)) return;
    for (const key of ['FontFile', 'FontFile2', 'FontFile3']) {
      const file = this.ctx.lookup(descriptor.get(N(key)));
      if (file instanceof PDFRawStream && fontProgramIsDamaged(this.ctx, file)) this.refuse('pdf-font-damaged');
    }
  }
}

const namesIn = (content: Decoded): UsedNames | undefined =>
  content instanceof Uint8Array ? usedNames(content) : undefined;

/**
 * Throws DossierInputError when a form, image or font that page `index`'s content draws cannot be read as a
 * reader needs it. `content` is the page's content, decoded (undefined when it was not: every resource counts).
 */
export function assertPartsWhole(page: PDFPage, content: Uint8Array | undefined, index: number, file: string): void {
  const ctx = page.doc.context;
  const resources = ctx.lookup(page.node.getInheritableAttribute(N('Resources')));
  new PartChecker(ctx, { index, file }).check(
    resources instanceof PDFDict ? resources : undefined,
    content && usedNames(content),
  );
}

function number(ctx: PDFContext, dict: PDFDict, key: string): number | undefined {
  const v = ctx.lookup(dict.get(N(key)));
  return v instanceof PDFNumber ? v.asNumber() : undefined;
}

/** A font program that does not inflate, or inflates shorter than the length its stream says it has. */
function fontProgramIsDamaged(ctx: PDFContext, file: PDFRawStream): boolean {
  const filters = filterNames(ctx, file);
  if (filters.length !== 1 || !['FlateDecode', 'Fl'].includes(filters[0]!)) return false;
  const program = inflateAsReader(file.contents);
  if (!program) return true;
  const said = (number(ctx, file.dict, 'Length1') ?? 0) + (number(ctx, file.dict, 'Length2') ?? 0);
  return program.length < said;
}

const JPEG_END = Buffer.from([0xff, 0xd9]);
/** How far from its end a JPEG's end marker is looked for first (some writers pad after it). */
const JPEG_TAIL = 32;
/** Rows an image's data may lack before the loss shows (some writers end a row or two short). */
const ROWS_SPARED = 0.01;

/** A JPEG cut short, or Flate data that breaks off or ends before the image's last rows. */
function imageIsDamaged(ctx: PDFContext, image: PDFRawStream): boolean {
  const filters = filterNames(ctx, image);
  if (filters.length !== 1) return false;
  if (filters[0] === 'DCTDecode' || filters[0] === 'DCT') return !jpegEnds(image.contents);
  if (filters[0] !== 'FlateDecode' && filters[0] !== 'Fl') return false;
  const size = imageBytes(ctx, image.dict);
  const pixels = inflateAsReader(image.contents, size && size.rows * size.rowBytes);
  if (!pixels) return true;
  return size !== undefined && pixels.length < size.rows * (1 - ROWS_SPARED) * size.rowBytes;
}

/**
 * A JPEG that ends with its end marker (give or take a few bytes of padding) is whole: entropy-coded data never
 * holds FF D9, and a file cut at random ends there almost never. Else its segments are followed to be sure.
 */
function jpegEnds(data: Uint8Array): boolean {
  const tail = Buffer.from(data.buffer, data.byteOffset, data.byteLength).subarray(-JPEG_TAIL);
  return (data[0] === 0xff && data[1] === 0xd8 && tail.includes(JPEG_END)) || jpegIsComplete(data);
}

const COMPONENTS: Record<string, number> = {
  DeviceGray: 1,
  G: 1,
  CalGray: 1,
  Indexed: 1,
  I: 1,
  Separation: 1,
  DeviceRGB: 3,
  RGB: 3,
  CalRGB: 3,
  Lab: 3,
  DeviceCMYK: 4,
  CMYK: 4,
};

/** Colour components of a colour space; undefined for one not worked out (the data's length is then not judged). */
function components(ctx: PDFContext, space: unknown): number | undefined {
  const s = ctx.lookup(space as never);
  if (s instanceof PDFName) return COMPONENTS[s.decodeText()];
  if (!(s instanceof PDFArray) || !(ctx.lookup(s.get(0)) instanceof PDFName)) return undefined;
  const family = (ctx.lookup(s.get(0)) as PDFName).decodeText();
  if (family === 'ICCBased') {
    const profile = ctx.lookup(s.get(1));
    return profile instanceof PDFRawStream ? number(ctx, profile.dict, 'N') : undefined;
  }
  if (family === 'DeviceN') {
    const names = ctx.lookup(s.get(1));
    return names instanceof PDFArray ? names.size() : undefined;
  }
  return COMPONENTS[family];
}

/** The image's rows and the bytes each takes once inflated (with a PNG predictor's tag byte). */
function imageBytes(ctx: PDFContext, dict: PDFDict): { rows: number; rowBytes: number } | undefined {
  const [width, rows] = [number(ctx, dict, 'Width'), number(ctx, dict, 'Height')];
  const mask = ctx.lookup(dict.get(N('ImageMask')));
  const isMask = mask !== undefined && String(mask) === 'true';
  const bits = isMask ? 1 : number(ctx, dict, 'BitsPerComponent');
  const comps = isMask ? 1 : components(ctx, dict.get(N('ColorSpace')));
  if (!width || !rows || !bits || !comps) return undefined;
  const parms = ctx.lookup(dict.get(N('DecodeParms')));
  const predictor = parms instanceof PDFDict ? (number(ctx, parms, 'Predictor') ?? 1) : 1;
  return { rows, rowBytes: Math.ceil((width * comps * bits) / 8) + (predictor >= 10 ? 1 : 0) };
}
