/**
 * File names from outside (a clerk's scan, an archive, an e-mail attachment) made safe to show and to use as a
 * file name on Windows, macOS and Linux: no folders, no `..`, no characters Windows forbids, no reserved device
 * names (`CON.pdf` opens the console on Windows), at most 200 bytes of UTF-8 (file systems allow 255).
 */
// Control characters (U+0000–U+001F, U+007F) as well as Windows' forbidden set.
// eslint-disable-next-line no-control-regex
const forbidden = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;
const reserved = /^(con|prn|aux|nul|com[1-9¹²³]|lpt[1-9¹²³]|conin\$|conout\$)$/i;
export const maxNameBytes = 200;

const utf8Length = (s: string) => new TextEncoder().encode(s).byteLength;

/** Cuts `s` to at most `bytes` bytes of UTF-8 without splitting a character. */
function cutToBytes(s: string, bytes: number): string {
  let out = '';
  for (const ch of s) {
    if (utf8Length(out + ch) > bytes) break;
    out += ch;
  }
  return out;
}

/**
 * The last path segment of `name`, cleaned. Example: `..\\..\\Windows\\CON.pdf` → `_CON.pdf`;
 * an empty result becomes `fallback`.
 */
export function safeFileName(name: string, fallback = '未命名文件'): string {
  const last = name.split(/[\\/]/).filter(Boolean).at(-1) ?? '';
  let clean = last
    .normalize('NFC')
    .replace(forbidden, '_')
    .replace(/[. ]+$/, '')
    .trim();
  if (clean === '' || /^\.+$/.test(clean)) clean = fallback;
  const dot = clean.lastIndexOf('.');
  const stem = dot > 0 ? clean.slice(0, dot) : clean;
  const ext = dot > 0 && clean.length - dot <= 16 ? clean.slice(dot) : '';
  const base = ext ? stem : clean;
  const safeBase = reserved.test(base.split('.')[0] ?? '') ? `_${base}` : base;
  if (utf8Length(safeBase + ext) <= maxNameBytes) return safeBase + ext;
  return cutToBytes(safeBase, maxNameBytes - utf8Length(ext)) + ext;
}
