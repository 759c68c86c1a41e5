/**
 * The dossier's Chinese font: a subset of WenQuanYi Micro Hei (Apache-2.0, shipped in assets/fonts/), embedded
 * so the PDF renders the same with no system fonts. pdf-lib 1.17.1 + @pdf-lib/fontkit subset this font
 * correctly (they mis-draw Noto / Source Han subsets). The file is a collection: fontkit is given the face name.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PDFDocument, PDFFont } from './pdf-lib.ts';
import { loadFace, SubsetText } from './ttf.ts';

export const FACE = 'WenQuanYiMicroHei';

/** Where the font file is; `JUANZONG_FONT` overrides it (a packaged app puts assets elsewhere). */
export function fontPath(): string {
  return process.env.JUANZONG_FONT ?? fileURLToPath(new URL('../../../assets/fonts/wqy-microhei.ttc', import.meta.url));
}

let fontBytes: Buffer | undefined;

/**
 * Embeds the font, subset by fontkit, in a pdf-lib document (the checklist). fontkit is loaded only here: the
 * dossier itself sets its text with `dossierText` and needs none of it.
 */
export async function embedDossierFont(doc: PDFDocument): Promise<PDFFont> {
  fontBytes ??= fs.readFileSync(fontPath());
  const { default: fontkit } = await import('@pdf-lib/fontkit');
  doc.registerFontkit({
    create: (bytes: Uint8Array) => fontkit.create(bytes as Buffer, FACE),
  } as unknown as typeof fontkit);
  return doc.embedFont(fontBytes, { subset: true, customName: `${subsetTag()}+${FACE}` });
}

/** PDF 32000 §9.6.4: a subset font's name starts with six capital letters and a plus sign. */
function subsetTag(): string {
  return Array.from({ length: 6 }, () => String.fromCharCode(65 + Math.floor(Math.random() * 26))).join('');
}

/** Text drawing needs only these two things from a font. */
export interface TextFont {
  /** The text as a PDF hex string for `Tj`, e.g. `<0003000A>`. */
  encode(text: string): string;
  width(text: string, size: number): number;
}

/**
 * Glyphs and widths are looked up once per character and cached: fontkit lays out (GSUB/GPOS) every string it
 * is given, ~0.5 ms each, and the dossier draws hundreds of distinct strings ("— 123 —"). Chinese text, digits
 * and dashes use no ligatures or kerning, so a string is the concatenation of its characters.
 */
export function textFont(font: PDFFont): TextFont {
  const advance = new Map<string, number>();
  const glyphs = new Map<string, string>();
  const unit = (ch: string) => {
    let w = advance.get(ch);
    if (w === undefined) {
      w = font.widthOfTextAtSize(ch, 1000);
      advance.set(ch, w);
    }
    return w;
  };
  const glyph = (ch: string) => {
    let hex = glyphs.get(ch);
    if (hex === undefined) {
      hex = font.encodeText(ch).asString();
      glyphs.set(ch, hex);
    }
    return hex;
  };
  return {
    encode: (text) => {
      let hex = '';
      for (const ch of text) hex += glyph(ch);
      return `<${hex}>`;
    },
    width: (text, size) => {
      let total = 0;
      for (const ch of text) total += unit(ch);
      return (total * size) / 1000;
    },
  };
}

/** The dossier's text font: glyphs and widths from the font file itself, subset when the dossier is finished. */
export function dossierText(): SubsetText {
  return new SubsetText(loadFace(fontPath(), FACE));
}

/** A random subset tag for the font's name. */
export function subsetName(): string {
  return `${subsetTag()}+${FACE}`;
}
