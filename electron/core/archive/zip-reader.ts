/**
 * Reads a zip archive from an untrusted source without trusting it: the central directory is checked as a whole
 * (entry count, names, symlinks, declared sizes and ratios) before a byte is extracted, and extraction counts the
 * bytes it actually inflates, so a lying size stops at the declared one. Entries are written under names we
 * choose (their index), never under the names the archive gives.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { Inflate } from 'fflate';
import { refuse } from './archive-errors.ts';

export interface ZipLimits {
  maxEntries: number;
  maxEntryBytes: number;
  maxTotalBytes: number;
  /** Uncompressed ÷ compressed, checked for entries above 1 MiB. */
  maxRatio: number;
}

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  isSymlink: boolean;
  encrypted: boolean;
}

const u16 = (b: Buffer, at: number) => b.readUInt16LE(at);
const u32 = (b: Buffer, at: number) => b.readUInt32LE(at);

async function readAt(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

async function findEndRecord(file: FileHandle, size: number, label: string) {
  const tailLength = Math.min(size, 22 + 0xffff);
  const tail = await readAt(file, size - tailLength, tailLength);
  for (let at = tail.length - 22; at >= 0; at -= 1) {
    if (u32(tail, at) !== 0x06054b50) continue;
    const count = u16(tail, at + 10);
    const cdSize = u32(tail, at + 12);
    const cdOffset = u32(tail, at + 16);
    if (count === 0xffff || cdOffset === 0xffffffff) refuse('archive-too-large', label, '使用了 ZIP64 格式（超过 4 GB 或 65535 个条目）');
    return { count, cdSize, cdOffset };
  }
  return refuse('archive-not-zip', label, '不是有效的 ZIP 压缩包（找不到目录区）');
}

function parseEntry(cd: Buffer, at: number, label: string): { entry: ZipEntry; next: number } {
  if (at + 46 > cd.length || u32(cd, at) !== 0x02014b50) refuse('archive-not-zip', label, '目录区已损坏');
  const nameLength = u16(cd, at + 28);
  const host = u16(cd, at + 4) >> 8;
  const mode = (u32(cd, at + 38) >>> 16) & 0o170000;
  const entry: ZipEntry = {
    name: cd.subarray(at + 46, at + 46 + nameLength).toString('utf8'),
    method: u16(cd, at + 10),
    compressedSize: u32(cd, at + 20),
    size: u32(cd, at + 24),
    localOffset: u32(cd, at + 42),
    isSymlink: host === 3 && mode === 0o120000,
    encrypted: (u16(cd, at + 8) & 1) === 1,
  };
  return { entry, next: at + 46 + nameLength + u16(cd, at + 30) + u16(cd, at + 32) };
}

/** Reads and checks the directory of `archive`: refuses (with `ArchiveError`) before anything is extracted. */
export async function readZipDirectory(archive: string, label: string, limits: ZipLimits): Promise<ZipEntry[]> {
  const file = await open(archive, 'r');
  try {
    const { size } = await file.stat();
    const end = await findEndRecord(file, size, label);
    if (end.count > limits.maxEntries) {
      refuse('archive-too-many-entries', label, `有 ${end.count} 个条目，超过上限 ${limits.maxEntries}`);
    }
    if (end.cdOffset + end.cdSize > size) refuse('archive-not-zip', label, '目录区超出了文件末尾');
    const cd = await readAt(file, end.cdOffset, end.cdSize);
    const entries: ZipEntry[] = [];
    for (let at = 0, i = 0; i < end.count; i += 1) {
      const { entry, next } = parseEntry(cd, at, label);
      entries.push(entry);
      at = next;
    }
    checkSizes(entries, label, limits);
    return entries;
  } finally {
    await file.close();
  }
}

function checkSizes(entries: ZipEntry[], label: string, limits: ZipLimits): void {
  let total = 0;
  for (const e of entries) {
    if (e.encrypted) refuse('archive-encrypted', label, `条目「${e.name}」有密码保护`);
    if (e.method !== 0 && e.method !== 8) refuse('archive-method', label, `条目「${e.name}」使用了不支持的压缩方式 ${e.method}`);
    if (e.size > limits.maxEntryBytes) refuse('archive-too-large', label, `条目「${e.name}」解压后 ${e.size} 字节，超过单个文件上限`);
    const ratio = e.size / Math.max(1, e.compressedSize);
    if (e.size > 1 << 20 && ratio > limits.maxRatio) {
      refuse('archive-bomb', label, `条目「${e.name}」的压缩比为 ${Math.round(ratio)}:1，超过 ${limits.maxRatio}:1，疑似“压缩炸弹”`);
    }
    total += e.size;
  }
  if (total > limits.maxTotalBytes) refuse('archive-too-large', label, `解压后共 ${total} 字节，超过上限 ${limits.maxTotalBytes}`);
}

/**
 * Extracts one entry into `out` (an open handle on a file we named), inflating in chunks and stopping as soon as
 * the output passes the declared size.
 */
export async function extractEntry(archive: FileHandle, entry: ZipEntry, out: FileHandle, label: string): Promise<void> {
  const local = await readAt(archive, entry.localOffset, 30);
  if (local.length < 30 || u32(local, 0) !== 0x04034b50) refuse('archive-not-zip', label, `条目「${entry.name}」的本地头已损坏`);
  let position = entry.localOffset + 30 + u16(local, 26) + u16(local, 28);
  let written = 0;
  let pending: Promise<unknown> = Promise.resolve();
  const sink = (chunk: Uint8Array) => {
    written += chunk.byteLength;
    if (written > entry.size) refuse('archive-bomb', label, `条目「${entry.name}」解压后比它声明的 ${entry.size} 字节更大`);
    const copy = Buffer.from(chunk);
    pending = pending.then(() => out.write(copy));
  };
  const inflate = entry.method === 8 ? new Inflate(sink) : undefined;
  for (let left = entry.compressedSize; left > 0; ) {
    const chunk = await readAt(archive, position, Math.min(left, 1 << 20));
    if (chunk.length === 0) refuse('archive-not-zip', label, `条目「${entry.name}」在文件末尾被截断`);
    position += chunk.length;
    left -= chunk.length;
    if (inflate) inflate.push(chunk, left === 0);
    else sink(chunk);
    await pending;
  }
  if (entry.compressedSize === 0 && inflate) inflate.push(new Uint8Array(0), true);
  await pending;
  if (written !== entry.size) refuse('archive-damaged', label, `条目「${entry.name}」解压后大小与声明不符`);
}
