/**
 * The dossier's own TrueType reader and subsetter (`ttf.ts`), checked against fontkit reading the same font: the
 * character-to-glyph map and the widths agree, and the subset, read back by fontkit, draws every glyph used with the
 * original's advance and outline (composite glyphs with their parts) while dropping the outlines of the rest.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fontkit, { type Font } from '@pdf-lib/fontkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFace, subsetFont, SubsetText, type TrueTypeFace } from '../../../electron/core/dossier/ttf.ts';

const fontFile = fileURLToPath(new URL('../../../assets/fonts/wqy-microhei.ttc', import.meta.url));
const FACE = 'WenQuanYiMicroHei';
/** What a dossier prints: Chinese labels, digits, full-width punctuation, the page dash, a Latin name. */
const dossierText = '深圳市模型券申报材料目录第页共（盖章）— 12 —：、。Juanzong 营业执照 2025-10-13';

let face: TrueTypeFace;
let original: Font;

beforeAll(() => {
  face = loadFace(fontFile, FACE);
  original = fontkit.create(readFileSync(fontFile), FACE);
});

/** The first character whose glyph is built from other glyphs, so the subset must keep those parts. */
function compositeCharacter(): string {
  const cp = original.characterSet.find((c) => face.components(face.glyphId(c)).length > 0);
  if (cp === undefined) throw new Error('the font has no composite glyph to test with');
  return String.fromCodePoint(cp);
}

describe('ttf.ts reads WenQuanYi Micro Hei as fontkit does', () => {
  it('picks the named face out of the collection', () => {
    expect(face.postscriptName()).toBe(FACE);
    expect(loadFace(fontFile, 'WenQuanYiMicroHeiMono').postscriptName()).toBe('WenQuanYiMicroHeiMono');
    expect(face.unitsPerEm).toBe(original.unitsPerEm);
    expect(face.numGlyphs).toBe(original.numGlyphs);
  });

  it('maps every character of the font to the glyph fontkit finds, and what it lacks to glyph 0', () => {
    const sample = original.characterSet.filter((_, i) => i % 7 === 0);
    expect(sample.length).toBeGreaterThan(3000);
    for (const cp of sample) expect(face.glyphId(cp), `U+${cp.toString(16)}`).toBe(original.glyphForCodePoint(cp).id);
    for (const missing of [0x0378, 0xe000, 0x1f600])
      expect(face.glyphId(missing)).toBe(original.glyphForCodePoint(missing).id);
  });

  it('measures text with fontkit’s advances', () => {
    const text = new SubsetText(face);
    const units = [...dossierText].reduce(
      (n, ch) => n + original.glyphForCodePoint(ch.codePointAt(0)!).advanceWidth,
      0,
    );
    expect(text.width(dossierText, 12)).toBeCloseTo((units * 12) / original.unitsPerEm, 9);
  });
});

describe('subsetFont', () => {
  it('keeps the advance and the outline of every glyph drawn, composites with their parts, and no other outline', () => {
    const text = new SubsetText(face);
    const drawn = `${dossierText}${compositeCharacter()}`;
    text.encode(drawn);
    const subset = subsetFont(face, new Set(text.used.keys()));
    const readBack = fontkit.create(subset);

    expect(readBack.numGlyphs).toBe(original.numGlyphs);
    expect(readBack.unitsPerEm).toBe(original.unitsPerEm);
    for (const ch of drawn) {
      const gid = face.glyphId(ch.codePointAt(0)!);
      const [before, after] = [original.getGlyph(gid), readBack.getGlyph(gid)];
      expect(after.advanceWidth, ch).toBe(before.advanceWidth);
      expect(after.path.toSVG(), ch).toBe(before.path.toSVG());
      expect(after.bbox, ch).toEqual(before.bbox);
    }
    // A character not drawn keeps its glyph id but not its outline.
    const notDrawn = face.glyphId('龘'.codePointAt(0)!);
    expect(original.getGlyph(notDrawn).path.toSVG()).not.toBe('');
    expect(readBack.getGlyph(notDrawn).path.toSVG()).toBe('');
    // The outlines of a few dozen glyphs, not of 30,000: the whole face is ~4.5 MB of outlines.
    expect(subset.length).toBeLessThan(600_000);
  });

  it('writes a table directory whose checksums and offsets a reader trusts', () => {
    const text = new SubsetText(face);
    text.encode('卷宗');
    const subset = subsetFont(face, new Set(text.used.keys()));
    const tables = subset.readUInt16BE(4);
    for (let i = 0; i < tables; i += 1) {
      const [offset, length] = [subset.readUInt32BE(12 + 16 * i + 8), subset.readUInt32BE(12 + 16 * i + 12)];
      expect(offset % 4).toBe(0);
      expect(offset + length).toBeLessThanOrEqual(subset.length);
      let sum = 0;
      for (let at = offset; at < offset + Math.ceil(length / 4) * 4; at += 4)
        sum = (sum + subset.readUInt32BE(at)) >>> 0;
      expect(sum).toBe(subset.readUInt32BE(12 + 16 * i + 4));
    }
  });
});
