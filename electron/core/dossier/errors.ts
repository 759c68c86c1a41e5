/** Why an input file cannot go into the dossier as it is, with a message that names the file and the fix. */
import fs from 'node:fs';
import path from 'node:path';
import { UserFacingError } from '#shared/errors.ts';
import { fileRefusals, type FileRefusalCode } from '#shared/file-kinds.ts';

export type DossierInputErrorCode =
  | FileRefusalCode
  | 'needs-password'
  | 'damaged'
  | 'content-damaged'
  | 'pdf-image-damaged'
  | 'pdf-font-damaged'
  | 'image-unreadable'
  | 'image-truncated'
  | 'form-field-undrawable'
  | 'unknown-material'
  | 'page-order-invalid'
  | 'unknown-profile'
  | 'output-folder-missing'
  | 'cancelled';

const advice: Record<DossierInputErrorCode, (name: string, detail: string) => string> = {
  ...fileRefusals,
  'needs-password': (n) =>
    `PDF“${n}”设有打开密码，无法读取。请向出具方索取无密码的版本，或用密码打开后另存（打印为）一份不加密的 PDF 再添加。`,
  damaged: (n, d) =>
    `PDF“${n}”已损坏，无法完整读出所有页面${d ? `（${d}）` : ''}。请向出具方重新索取或重新下载这份文件，或用 PDF 阅读器打开后“打印为 PDF”另存一份再添加。`,
  'content-damaged': (n, d) =>
    `PDF“${n}”${d || '有一页'}的内容已损坏，PDF 阅读器里这一页也只显示一部分或一片空白，打印出来会缺字缺图。请用 PDF 阅读器另存为或重新扫描后再添加；若另存后仍是这样，请向出具方重新索取这份文件。`,
  'pdf-image-damaged': (n, d) =>
    `PDF“${n}”${d || '有一页'}上的图片已损坏（数据不完整），打印出来会缺掉一块或一片空白。请用 PDF 阅读器另存为或重新扫描后再添加；若另存后仍是这样，请向出具方重新索取这份文件。`,
  'pdf-font-damaged': (n, d) =>
    `PDF“${n}”${d || '有一页'}所用的字体已损坏，这一页的字在 PDF 阅读器里显示不出来或换成了别的字体，打印出来会缺字或错字。请用 PDF 阅读器另存为或重新扫描后再添加；若另存后仍是这样，请向出具方重新索取这份文件。`,
  'image-unreadable': (n, d) =>
    `图片“${n}”无法读取${d ? `（${d}）` : ''}。请重新扫描或拍照，另存为 JPEG 或 PNG 后再添加。`,
  'image-truncated': (n) =>
    `图片“${n}”不完整：文件在中途断开，打印出来会缺掉一大块。请从原处重新拷贝或下载这张图片，或重新扫描后再添加。`,
  'form-field-undrawable': (n, d) => {
    const [field, chars] = d.split('|');
    return `PDF“${n}”的表单栏“${field}”里有本程序的字体写不出的字（${chars}），打印出来会缺字。请在 PDF 阅读器里把这一栏改用常用字填写并保存，或打印后手写，再添加。`;
  },
  'unknown-material': (n) => `清单里的材料“${n}”不在本申报方案的材料目录中。请检查材料 id 的拼写。`,
  'page-order-invalid': (n, d) =>
    `清单中“${n}”的页序（pages.order）须把这个文件的每一页各列一次，不多不少${d ? `（这个文件${d}）` : ''}。请改正页序，或删去 order，按文件原来的顺序打印。`,
  'unknown-profile': (n) => `清单指定的申报方案“${n}”不存在。请检查 profile 字段，例如 sz-model-voucher-2025。`,
  'output-folder-missing': (n, d) => `要保存到的文件夹“${d || n}”不存在。请先建好这个文件夹，或换一个保存位置。`,
  cancelled: () => '已取消生成卷宗，没有写出文件。',
};

/**
 * A library's own words (qpdf's `can't find startxref`, sharp's `Input buffer contains unsupported image format`)
 * never reach the clerk: a detail is shown only when it is already in Chinese (a folder path is shown as it is).
 * It stays on the error's `detail`.
 */
function clerkDetail(detail: string): string {
  return /[\u4e00-\u9fff]/.test(detail) ? detail : '';
}

/** A refused input: `code` for programs, `file` (as the clerk named it), and a Chinese message saying what to do. */
export class DossierInputError extends UserFacingError {
  override readonly name = 'DossierInputError';
  constructor(
    override readonly code: DossierInputErrorCode,
    readonly file: string,
    readonly detail = '',
  ) {
    super(code, advice[code](path.basename(file), code === 'output-folder-missing' ? detail : clerkDetail(detail)));
  }
}

/** Refuses an output path whose folder does not exist, before any work is done. */
export function assertOutputFolder(outPath: string): void {
  const folder = path.dirname(path.resolve(outPath));
  if (!fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory())
    throw new DossierInputError('output-folder-missing', folder, folder);
}

/** Thrown when the caller's AbortSignal fires. */
export function cancelledError(): DossierInputError {
  return new DossierInputError('cancelled', '');
}
