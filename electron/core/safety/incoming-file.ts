/**
 * The checks every file from outside passes before the core keeps it, whatever its name says: its size (before
 * anything reads it) and its name (kept only as a label, cleaned). What kind of file it is, is decided by its
 * first bytes (`files/sniff.ts`), never by its extension.
 */
import { UserFacingError } from '#shared/errors.ts';
import { safeFileName } from './file-name.ts';

/** The largest attachment kept: a 300-dpi colour scan of a 100-page contract is about 150 MB. */
export const maxAttachmentBytes = 512 * 1024 * 1024;

export function assertAcceptableSize(fileName: string, size: number, limit = maxAttachmentBytes): void {
  if (size <= limit) return;
  const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
  throw new UserFacingError(
    'file-too-large',
    `「${safeFileName(fileName)}」有 ${mb(size)}，超过了单个附件 ${mb(limit)} 的上限。` +
      '请降低扫描分辨率（300 dpi 已足够）或把它拆成几份后再添加。',
  );
}

/** Wraps the `attachments:add` handler: refuses an oversized file before it is read, and cleans the name. */
export function guardAttachmentAdd<I extends { fileName: string; bytes: Uint8Array }, O>(
  add: (input: I) => O | Promise<O>,
): (input: I) => Promise<O> {
  return async (input) => {
    assertAcceptableSize(input.fileName, input.bytes.byteLength);
    return add({ ...input, fileName: safeFileName(input.fileName) });
  };
}
