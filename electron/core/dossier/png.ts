/**
 * A PNG whose compressed pixel data a PDF can take as it is: 8-bit grey or RGB, not interlaced, no alpha and no
 * transparency chunk. Its IDAT data becomes a FlateDecode stream with PNG predictors — no decoding at all
 * (pdf-lib's embedPng decodes and re-compresses in JavaScript: seconds for one A4 scan). The IDAT chunks are named
 * by where they lie in the file and copied from there when the dossier is written: the PNG is read here only to
 * find them, into one buffer kept for the next.
 */
import type { FileRanges } from './file-copy.ts';
import { readFileInto } from './read-buffers.ts';

const SIGNATURE = '\x89PNG\r\n\x1a\n';

export interface PngXObject {
  width: number;
  height: number;
  dict: string;
  /** Where the IDAT data lies in the file. */
  idat: FileRanges;
}

let scratch: Buffer | undefined;

/** The image XObject for a PNG file that can be passed through, or undefined when it must be re-encoded. */
export function readPng(file: string): PngXObject | undefined {
  const read = readFileInto(file, scratch);
  scratch = read.buffer;
  return pngLayout(read.bytes);
}

/** True when the PNG's chunks lead to its IEND chunk; false when the file ends before it (a copy cut short). */
export function pngIsComplete(bytes: Buffer): boolean {
  if (bytes.toString('latin1', 0, 8) !== SIGNATURE) return false;
  for (let at = 8; at + 8 <= bytes.length; at += 12 + bytes.readUInt32BE(at)) {
    if (bytes.toString('latin1', at + 4, at + 8) === 'IEND') return true;
  }
  return false;
}

function pngLayout(bytes: Buffer): PngXObject | undefined {
  if (bytes.toString('latin1', 0, 8) !== SIGNATURE) return undefined;
  let at = 8;
  let header: { width: number; height: number; depth: number; colour: number; interlace: number } | undefined;
  const idat: FileRanges = [];
  while (at + 8 <= bytes.length) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const body = bytes.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      header = {
        width: body.readUInt32BE(0),
        height: body.readUInt32BE(4),
        depth: body[8]!,
        colour: body[9]!,
        interlace: body[12]!,
      };
    } else if (type === 'IDAT') idat.push([at + 8, body.length]);
    else if (type === 'tRNS' || type === 'acTL') return undefined;
    else if (type === 'IEND') break;
    at += 12 + length;
  }
  if (!header || idat.length === 0 || header.depth !== 8 || header.interlace !== 0) return undefined;
  const colors = header.colour === 0 ? 1 : header.colour === 2 ? 3 : 0;
  if (!colors) return undefined;
  const space = colors === 1 ? 'DeviceGray' : 'DeviceRGB';
  return {
    width: header.width,
    height: header.height,
    dict: `/Type/XObject/Subtype/Image/Width ${header.width}/Height ${header.height}/ColorSpace/${space}/BitsPerComponent 8/Filter/FlateDecode/DecodeParms<</Predictor 15/Colors ${colors}/BitsPerComponent 8/Columns ${header.width}>>`,
    idat,
  };
}
