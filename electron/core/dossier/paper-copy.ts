/**
 * What the paper copy of one PDF leaves out, checked when the file is read (at attach time and when the dossier
 * is drawn): a form field the dossier font cannot draw refuses the file; everything else left out becomes a
 * notice for the material's card.
 */
import type { ContentNotice } from '#shared/contract/schemas.ts';
import { paperLoss, undrawableField, type PaperLoss } from './annotations.ts';
import { DossierInputError } from './errors.ts';
import type { FieldFont } from './form-fields.ts';
import type { PDFDocument } from './pdf-lib.ts';

/**
 * Tallies what `doc`'s paper copy leaves out. Throws DossierInputError `form-field-undrawable`, naming the field
 * and the characters, when a filled field has characters the dossier font cannot draw.
 */
export function checkPaperCopy(doc: PDFDocument, file: string, font: FieldFont): PaperLoss {
  const bad = undrawableField(doc, font);
  if (bad) throw new DossierInputError('form-field-undrawable', file, `${bad.field}|${bad.chars.join('')}`);
  return paperLoss(doc);
}

export interface NoticeContext {
  /** The clerk keeps this file's review markup on paper. */
  keepMarkup: boolean;
  /** The profile asks for an electronic copy of this material as well: its title, for "签名版…请另行提交电子版". */
  electronicCopyOf?: string;
}

/** The notices for the card, in the clerk's words, from what the paper copy leaves out. */
export function paperNotices(loss: PaperLoss, context: NoticeContext): ContentNotice[] {
  const notices: ContentNotice[] = [];
  const electronic = context.electronicCopyOf;
  if (loss.markup > 0) {
    notices.push(
      context.keepMarkup
        ? { code: 'markup-kept', count: loss.markup, message: `保留了 ${loss.markup} 处批注，会照原样打印在纸上。` }
        : {
            code: 'markup-removed',
            count: loss.markup,
            message: `已去掉 ${loss.markup} 处批注（高亮、划线、便签、手写圈注等），纸质版不打印。如需保留，请打开这份文件的“保留批注”。`,
          },
    );
  }
  const files = loss.attachedFiles;
  if (files.length > 0) {
    const names = files.slice(0, 3).join('、') + (files.length > 3 ? ` 等` : '');
    const todo = electronic ? `带附件的${electronic}请另行提交电子版。` : '';
    notices.push({
      code: 'attachments-left-out',
      count: files.length,
      message: `文件里附带的 ${files.length} 个电子附件（${names}）不在纸质版中，也不打印附件图标。${todo}`,
    });
  }
  if (loss.signatures > 0) {
    const todo = electronic ? `签名版${electronic}请另行提交电子版。` : '';
    notices.push({
      code: 'signatures-left-out',
      count: loss.signatures,
      message: `文件带有 ${loss.signatures} 个数字签名：签名只在电子文件中有效，纸质版中没有。${todo}`,
    });
  }
  if (loss.links > 0)
    notices.push({
      code: 'links-left-out',
      count: loss.links,
      message: `文件里的 ${loss.links} 个链接在纸上不能点开（链接文字照常打印）。`,
    });
  if (loss.scripts)
    notices.push({
      code: 'scripts-left-out',
      count: 1,
      message: '文件里的脚本（JavaScript）在纸质版中不起作用，已去掉。',
    });
  if (loss.media > 0)
    notices.push({
      code: 'media-left-out',
      count: loss.media,
      message: `文件里的 ${loss.media} 个音视频或三维内容不在纸质版中。`,
    });
  return notices;
}
