/**
 * The one table of the files a material may hold: what each kind is called, its media type and extensions (the
 * open dialog's filter), whether the dossier takes it; the one sniffer that tells a kind from a file's first bytes
 * (never from its name: scans are often misnamed); and the one vocabulary of refusals, with the clerk's messages.
 * The command line, the window and archive import all decide through here, so a file gets the same answer
 * everywhere.
 *
 * HEIC is refused: its pictures are HEVC, which the image library's bundled decoder does not include (patents);
 * AVIF (AV1) and GIF it reads, so they are taken. A GIF gives its first frame.
 */

export interface FileKindInfo {
  /** What the clerk calls it. */
  name: string;
  mediaType: string;
  /** Lower case, without the dot; the first is the usual one. */
  extensions: readonly string[];
  /** Whether the dossier takes it. */
  accepted: boolean;
}

export const fileKinds = {
  pdf: { name: 'PDF', mediaType: 'application/pdf', extensions: ['pdf'], accepted: true },
  jpeg: { name: 'JPEG', mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg', 'jpe', 'jfif'], accepted: true },
  png: { name: 'PNG', mediaType: 'image/png', extensions: ['png'], accepted: true },
  tiff: { name: 'TIFF', mediaType: 'image/tiff', extensions: ['tif', 'tiff'], accepted: true },
  webp: { name: 'WebP', mediaType: 'image/webp', extensions: ['webp'], accepted: true },
  gif: { name: 'GIF', mediaType: 'image/gif', extensions: ['gif'], accepted: true },
  avif: { name: 'AVIF', mediaType: 'image/avif', extensions: ['avif'], accepted: true },
  heic: { name: 'HEIC', mediaType: 'image/heic', extensions: ['heic', 'heif'], accepted: false },
} as const satisfies Record<string, FileKindInfo>;

export type FileKind = keyof typeof fileKinds;
/** A kind, or `unknown` for bytes that are none of them. */
export type SniffedKind = FileKind | 'unknown';

const kindIds = Object.keys(fileKinds) as FileKind[];
export const acceptedKinds: readonly FileKind[] = kindIds.filter((k) => fileKinds[k].accepted);
/** Every extension of an accepted kind: the open dialog's filter. */
export const acceptedExtensions: readonly string[] = acceptedKinds.flatMap((k) => fileKinds[k].extensions);
/** The `accept` of the window's file input: the same kinds by extension and media type. */
export const fileInputAccept = [
  ...acceptedExtensions.map((e) => `.${e}`),
  ...acceptedKinds.map((k) => fileKinds[k].mediaType),
].join(',');
/** `PDF、JPEG、PNG、…`: the accepted kinds, as a refusal lists them. */
export const acceptedKindNames = acceptedKinds.map((k) => fileKinds[k].name).join('、');

export function isAccepted(kind: SniffedKind): boolean {
  return kind !== 'unknown' && fileKinds[kind].accepted;
}

/** How many first bytes the sniffer reads: PDF readers accept a header anywhere in the first KiB. */
export const sniffBytes = 1024;

const latin1 = (head: Uint8Array, from: number, to: number) =>
  String.fromCharCode(...head.subarray(from, Math.min(to, head.length)));
const AVIF_BRANDS = new Set(['avif', 'avis']);
const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);

/** An ISO-BMFF image (`ftyp` box): AVIF if any of its brands says so, HEIC for the HEVC brands, else unknown. */
function isoImageKind(head: Uint8Array): SniffedKind {
  const boxSize = ((head[0] ?? 0) << 24) | ((head[1] ?? 0) << 16) | ((head[2] ?? 0) << 8) | (head[3] ?? 0);
  const brands = [latin1(head, 8, 12)];
  for (let at = 16; at + 4 <= Math.min(boxSize, head.length, 256); at += 4) brands.push(latin1(head, at, at + 4));
  if (brands.some((b) => AVIF_BRANDS.has(b))) return 'avif';
  return brands.some((b) => HEIC_BRANDS.has(b)) ? 'heic' : 'unknown';
}

/**
 * The kind of a file from its first bytes (up to `sniffBytes`).
 * @example sniffKind(firstKiB) // → 'jpeg' for a scan named "发票.pdf"
 */
export function sniffKind(head: Uint8Array): SniffedKind {
  if (latin1(head, 0, sniffBytes).includes('%PDF-')) return 'pdf';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (latin1(head, 0, 8) === '\x89PNG\r\n\x1a\n') return 'png';
  if (latin1(head, 0, 4) === 'II*\0' || latin1(head, 0, 4) === 'MM\0*') return 'tiff';
  if (latin1(head, 0, 4) === 'RIFF' && latin1(head, 8, 12) === 'WEBP') return 'webp';
  if (latin1(head, 0, 4) === 'GIF8') return 'gif';
  if (latin1(head, 4, 8) === 'ftyp') return isoImageKind(head);
  return 'unknown';
}

/** The refusals of a file as a file (before its content is read as a PDF or an image). */
export const fileRefusals = {
  'file-missing': (name: string) => `找不到文件「${name}」。请确认文件还在原来的位置，或重新添加。`,
  'file-unreadable': (name: string, detail = '') =>
    `无法读取「${name}」${detail ? `（${detail}）` : ''}。请确认文件还在、没有被其他程序占用后再添加。`,
  'file-empty': (name: string) => `「${name}」是空的（0 字节，或没有页面）。请重新扫描、导出或下载这份文件后再添加。`,
  'file-heic': (name: string) =>
    `「${name}」是 HEIC 格式的照片（苹果手机默认的格式），卷宗无法读取。请在手机上把相机格式改为“兼容性最佳”后重拍，或用“照片”/“预览”把它导出（另存）为 JPEG，再添加。`,
  'file-kind': (name: string) =>
    `「${name}」不是 PDF 或卷宗能读的图片（${acceptedKindNames}）。请先把它另存为 PDF 或 JPEG 再添加。`,
} as const;

export type FileRefusalCode = keyof typeof fileRefusals;

/** The refusal a kind gets on sight, or null for an accepted kind. */
export function refusalOfKind(kind: SniffedKind): FileRefusalCode | null {
  if (isAccepted(kind)) return null;
  return kind === 'heic' ? 'file-heic' : 'file-kind';
}
