/** What an input file is, from its first bytes (never from its name: scans are often misnamed). */
import fs from 'node:fs';
import { DossierInputError } from './errors.ts';

export type InputKind = 'pdf' | 'jpeg' | 'png' | 'tiff' | 'webp' | 'gif' | 'avif' | 'heic' | 'unknown';

const HEIC_BRANDS = ['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1'];

/** Reads the head of `file` and names its format; throws DossierInputError when it is missing or empty. */
export function sniffInput(file: string): InputKind {
  let head: Buffer;
  try {
    const fd = fs.openSync(file, 'r');
    try {
      head = Buffer.alloc(1024);
      head = head.subarray(0, fs.readSync(fd, head, 0, 1024, 0));
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    throw new DossierInputError('not-found', file);
  }
  if (head.length === 0) throw new DossierInputError('empty', file);
  const kind = kindOf(head);
  // A .pdf whose header is missing or late: let qpdf judge it (it may repair it, or name the damage).
  return kind === 'unknown' && /\.pdf$/i.test(file) ? 'pdf' : kind;
}

/** The format of a file from its first (up to 1024) bytes. */
export function kindOf(head: Buffer): InputKind {
  const ascii = (from: number, to: number) => head.toString('latin1', from, to);
  // PDF readers accept a header anywhere in the first 1024 bytes.
  if (head.indexOf('%PDF-') >= 0) return 'pdf';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (ascii(0, 8) === '\x89PNG\r\n\x1a\n') return 'png';
  if (ascii(0, 4) === 'II*\0' || ascii(0, 4) === 'MM\0*') return 'tiff';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  if (ascii(0, 4) === 'GIF8') return 'gif';
  if (ascii(4, 8) === 'ftyp') {
    const brand = ascii(8, 12);
    if (brand === 'avif' || brand === 'avis') return 'avif';
    if (HEIC_BRANDS.includes(brand)) return 'heic';
  }
  return 'unknown';
}
