/**
 * Sample materials as pictures (a photographed licence, a scanned letter): the sheet is drawn as SVG whose text is
 * the font's own glyph outlines, so sharp renders it the same on every machine without asking the system for a
 * font, then written as JPEG or PNG.
 */
import fs from 'node:fs';
import type { Font as Outlines } from '@pdf-lib/fontkit';
import sharp from 'sharp';
import { SAMPLE_MARK } from '#shared/sample.ts';
import { FACE, fontPath } from '../dossier/font.ts';
import { wrapText, type SampleSheet } from './sample-sheet.ts';

let outlines: Outlines | undefined;

async function loadOutlines(): Promise<Outlines> {
  const { default: fontkit } = await import('@pdf-lib/fontkit');
  outlines ??= fontkit.create(fs.readFileSync(fontPath()), FACE);
  return outlines;
}

/** The text as one SVG path at baseline (x, y), `size` pixels high. */
function textPath(font: Outlines, text: string, x: number, y: number, size: number, fill: string): string {
  const scale = size / font.unitsPerEm;
  const run = font.layout(text);
  let pen = 0;
  const parts = run.glyphs.map((glyph, i) => {
    const d = glyph.path.toSVG();
    const at = pen;
    pen += run.positions[i]!.xAdvance;
    return d ? `<path transform="translate(${at} 0)" d="${d}"/>` : '';
  });
  return `<g fill="${fill}" transform="translate(${x} ${y}) scale(${scale} ${-scale})">${parts.join('')}</g>`;
}

function textWidth(font: Outlines, text: string, size: number): number {
  return (font.layout(text).advanceWidth * size) / font.unitsPerEm;
}

function sheetSvg(font: Outlines, sheet: SampleSheet, width: number, height: number): string {
  const margin = width * 0.1;
  const body = width / 48;
  const title = width / 28;
  const parts = [`<rect width="${width}" height="${height}" fill="#ffffff"/>`];
  parts.push(`<rect x="${margin / 2}" y="${margin / 2}" width="${width - margin}" height="${height - margin}"
    fill="none" stroke="#9a6b2f" stroke-width="${width / 200}"/>`);
  parts.push(textPath(font, `${SAMPLE_MARK} · 虚构单位`, margin, margin * 0.9, body * 0.8, '#c62828'));
  const titleX = (width - textWidth(font, sheet.title, title)) / 2;
  parts.push(textPath(font, sheet.title, titleX, margin * 1.9, title, '#1a1a1a'));
  let y = margin * 1.9 + title * 2;
  for (const text of sheet.lines) {
    for (const line of wrapText(text, width - 2 * margin, (s) => textWidth(font, s, body))) {
      parts.push(textPath(font, line, margin, y, body, '#222222'));
      y += body * 1.8;
    }
  }
  if (sheet.signature) parts.push(textPath(font, sheet.signature, width / 2, height - margin * 1.5, body, '#222222'));
  const mark = width / 9;
  const markX = (width - textWidth(font, SAMPLE_MARK, mark)) / 2;
  parts.push(
    `<g opacity="0.18" transform="rotate(-35 ${width / 2} ${height / 2})">` +
      textPath(font, SAMPLE_MARK, markX, height / 2 + mark / 3, mark, '#c62828') +
      '</g>',
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${parts.join('')}</svg>`;
}

export interface SampleImageOptions {
  format: 'jpeg' | 'png';
  /** Pixels; the height follows from `aspect` (height / width, default A4 portrait). */
  width: number;
  aspect?: number;
}

/** One sheet as a picture. */
export async function sampleImage(sheet: SampleSheet, options: SampleImageOptions): Promise<Uint8Array<ArrayBuffer>> {
  const font = await loadOutlines();
  const height = Math.round(options.width * (options.aspect ?? Math.SQRT2));
  const svg = Buffer.from(sheetSvg(font, sheet, options.width, height));
  const picture = sharp(svg, { density: 72 }).flatten({ background: '#ffffff' });
  const encoded =
    options.format === 'jpeg'
      ? picture.jpeg({ quality: 85 }).withMetadata({ density: 150 })
      : picture.png({ compressionLevel: 9 }).withMetadata({ density: 150 });
  return new Uint8Array(await encoded.toBuffer());
}
