/**
 * The checks a zip's central directory passes before anything is extracted. A zip bomb need not have a high
 * ratio: many directory entries may point at the same small deflated data (234 KB once wrote 2 GB this way), so
 * every entry must own its bytes — no two overlap, none reaches into the directory — as well as stay within the
 * size and ratio limits, for the archive as a whole too.
 */
import { statfs } from 'node:fs/promises';
import { refuse } from './archive-errors.ts';

export interface ZipLimits {
  maxEntries: number;
  maxEntryBytes: number;
  maxTotalBytes: number;
  /** Uncompressed ÷ compressed, checked for entries (and the whole archive) above 1 MiB. */
  maxRatio: number;
}

/** What the directory's checks need to know of an entry. */
export interface DirectoryEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  /** Where the entry's data starts (after its local header): its bytes are `[dataStart, dataStart + compressedSize)`. */
  dataStart: number;
  encrypted: boolean;
  /** The local header names the same file and compression as the directory. */
  localAgrees: boolean;
}

export interface ArchiveLayout {
  archiveBytes: number;
  /** Where the central directory starts: every entry's data lies before it. */
  directoryStart: number;
}

const RATIO_FLOOR = 1 << 20;
const mib = (n: number) => `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;

function checkEntry(e: DirectoryEntry, label: string, limits: ZipLimits): void {
  if (e.encrypted) refuse('archive-encrypted', label, `条目「${e.name}」有密码保护`);
  if (e.method !== 0 && e.method !== 8)
    refuse('archive-method', label, `条目「${e.name}」使用了不支持的压缩方式 ${e.method}`);
  if (e.method === 0 && e.size !== e.compressedSize)
    refuse('archive-lying-entry', label, `条目「${e.name}」未压缩，但记载的两个大小不同`);
  if (e.size > limits.maxEntryBytes)
    refuse(
      'archive-too-large',
      label,
      `条目「${e.name}」解压后 ${mib(e.size)}，超过单个文件上限 ${mib(limits.maxEntryBytes)}`,
    );
  const ratio = e.size / Math.max(1, e.compressedSize);
  if (e.size > RATIO_FLOOR && ratio > limits.maxRatio) {
    refuse(
      'archive-bomb',
      label,
      `条目「${e.name}」的压缩比为 ${Math.round(ratio)}:1，超过 ${limits.maxRatio}:1，疑似“压缩炸弹”`,
    );
  }
}

/** Refuses entries whose bytes overlap another's or reach past the start of the central directory. */
function checkSpans(entries: readonly DirectoryEntry[], layout: ArchiveLayout, label: string): void {
  const spans = entries
    .map((e) => ({ name: e.name, start: e.localOffset, end: e.dataStart + e.compressedSize }))
    .sort((a, b) => a.start - b.start);
  let previous: (typeof spans)[number] | undefined;
  for (const span of spans) {
    if (span.end > layout.directoryStart)
      refuse('archive-lying-entry', label, `条目「${span.name}」的数据越过了目录区`);
    if (previous && span.start < previous.end) {
      refuse(
        'archive-overlapping-entries',
        label,
        `条目「${span.name}」与「${previous.name}」共用同一段数据，疑似“压缩炸弹”`,
      );
    }
    previous = span;
  }
}

/** Checks the directory as a whole; throws `ArchiveError` on the first thing wrong. */
export function checkDirectory(
  entries: readonly DirectoryEntry[],
  layout: ArchiveLayout,
  label: string,
  limits: ZipLimits,
): void {
  let total = 0;
  for (const e of entries) {
    checkEntry(e, label, limits);
    total += e.size;
  }
  checkSpans(entries, layout, label);
  const liar = entries.find((e) => !e.localAgrees);
  if (liar) refuse('archive-lying-entry', label, `条目「${liar.name}」的本地头与目录区记载的不一致`);
  if (total > limits.maxTotalBytes)
    refuse('archive-too-large', label, `解压后共 ${mib(total)}，超过上限 ${mib(limits.maxTotalBytes)}`);
  const ratio = total / Math.max(1, layout.archiveBytes);
  if (total > RATIO_FLOOR && ratio > limits.maxRatio) {
    refuse('archive-bomb', label, `解压后共 ${mib(total)}，是压缩包本身的 ${Math.round(ratio)} 倍，疑似“压缩炸弹”`);
  }
}

/** Free bytes for an unprivileged writer on the disk that holds `dir`. */
export async function freeBytesAt(dir: string): Promise<number> {
  const stats = await statfs(dir);
  return stats.bavail * stats.bsize;
}

/**
 * Refuses an import that would not fit: `needed` bytes (unpacked, then copied into the file store) plus a margin
 * for the database, checked before the first byte is unpacked.
 */
export function assertRoomFor(needed: number, free: number, label: string): void {
  const margin = 64 * 1024 * 1024;
  if (needed + margin <= free) return;
  refuse(
    'archive-no-space',
    label,
    `导入需要约 ${mib(needed + margin)} 磁盘空间，数据文件夹所在的磁盘只剩 ${mib(free)}`,
    '请先腾出磁盘空间，或换一个数据文件夹，再导入。',
  );
}
