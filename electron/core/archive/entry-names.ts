/**
 * The names a `.juanzong` archive may hold. Anything that could climb out of a folder (`..`, an absolute or
 * drive-letter path, a backslash, a NUL) or is a symlink is refused by name first, so the message says why;
 * then only our own two shapes are accepted.
 */
import type { ZipEntry } from './zip-reader.ts';
import { refuse } from './archive-errors.ts';

export const manifestEntry = 'juanzong-archive.json';
export const fileEntry = (sha256: string) => `files/${sha256}`;
const filePattern = /^files\/([0-9a-f]{64})$/;

export function unsafePathReason(name: string): string | null {
  if (name.length === 0) return '条目名为空';
  if (name.includes('\0')) return '条目名含有空字符';
  if (name.startsWith('/') || name.startsWith('\\')) return '使用了绝对路径';
  if (/^[a-zA-Z]:/.test(name)) return '使用了盘符路径';
  if (name.includes('\\')) return '路径中含有反斜杠';
  if (name.split('/').some((part) => part === '..')) return '路径中含有“..”，会写到目标文件夹以外';
  return null;
}

/** Checks every entry; answers the hash each `files/…` entry claims, by entry index. */
export function checkEntryNames(entries: readonly ZipEntry[], label: string): Map<number, string> {
  const seen = new Set<string>();
  const hashes = new Map<number, string>();
  entries.forEach((entry, index) => {
    const unsafe = unsafePathReason(entry.name);
    if (unsafe) refuse('archive-unsafe-path', label, `条目「${entry.name}」${unsafe}`);
    if (entry.isSymlink) refuse('archive-symlink', label, `条目「${entry.name}」是符号链接`);
    if (seen.has(entry.name)) refuse('archive-duplicate-entry', label, `条目「${entry.name}」出现了不止一次`);
    seen.add(entry.name);
    const hash = filePattern.exec(entry.name)?.[1];
    if (hash) hashes.set(index, hash);
    else if (entry.name !== manifestEntry)
      refuse('archive-unexpected-entry', label, `含有卷宗不认识的条目「${entry.name}」`);
  });
  if (!seen.has(manifestEntry)) refuse('archive-no-manifest', label, `缺少清单 ${manifestEntry}，它不是卷宗导出的文件`);
  return hashes;
}
