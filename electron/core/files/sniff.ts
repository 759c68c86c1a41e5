/** The kinds of file a material may hold, decided by their first bytes, never by their name. */
export type FileKind = 'pdf' | 'jpeg' | 'png' | 'tiff' | 'webp' | 'heic' | 'unknown';

export const mediaTypes: Record<FileKind, string> = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
  tiff: 'image/tiff',
  webp: 'image/webp',
  heic: 'image/heic',
  unknown: 'application/octet-stream',
};

function startsWith(bytes: Uint8Array, signature: number[], offset = 0): boolean {
  return signature.every((b, i) => bytes[offset + i] === b);
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, to));
}

export function sniffKind(head: Uint8Array): FileKind {
  // PDF readers accept a header anywhere in the first KiB (some scanners prepend junk).
  if (ascii(head, 0, Math.min(head.length, 1024)).includes('%PDF-')) return 'pdf';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return 'webp';
  if (ascii(head, 4, 8) === 'ftyp' && /^(heic|heix|hevc|heim|heis|mif1|msf1|avif)$/.test(ascii(head, 8, 12))) {
    return 'heic';
  }
  return 'unknown';
}
