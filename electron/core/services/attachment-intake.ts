import type { Attachment } from '../../../shared/contract/index.ts';
import { UserFacingError } from '../../../shared/errors.ts';
import { DossierInputError } from '../dossier/index.ts';
import { inspectOffThread } from '../safety/inspect-off-thread.ts';
import { getApplication, touchApplication } from '../db/queries/applications.ts';
import { insertAttachment, referencedHashes } from '../db/queries/attachments.ts';
import { mediaTypes, sniffKind } from '../files/sniff.ts';
import type { StoredObject } from '../store/file-store.ts';
import type { ServiceContext } from './index.ts';
import { orNotFound } from '../../../shared/not-found.ts';

/** Refusals decided on a file's first KiB: empty, HEIC, not a PDF or image. Answers its media type. */
export function mediaTypeOf(fileName: string, head: Uint8Array): string {
  if (head.byteLength === 0) {
    throw new UserFacingError('file-empty', `「${fileName}」是空文件（0 字节）。请重新扫描或下载该文件后再添加。`);
  }
  const kind = sniffKind(head);
  if (kind === 'heic') {
    throw new UserFacingError(
      'file-heic',
      `「${fileName}」是 HEIC 格式的照片，卷宗无法读取。请在手机或电脑上把它另存为 JPEG 后再添加。`,
    );
  }
  if (kind === 'unknown') {
    throw new UserFacingError('file-kind', `「${fileName}」不是 PDF 或图片（JPEG、PNG、TIFF、WebP）。请先把它另存为 PDF 再添加。`);
  }
  return mediaTypes[kind];
}

/** Opens the stored copy as the assembler will: a locked or damaged PDF is refused now, on its card. */
async function pageCountOf(ctx: ServiceContext, fileName: string, stored: StoredObject): Promise<number> {
  try {
    return (await inspectOffThread(ctx.store.pathOf(stored.sha256), fileName)).pages;
  } catch (error) {
    if (error instanceof DossierInputError) throw new DossierInputError(error.code, fileName, error.detail);
    throw error;
  }
}

export interface Intake {
  applicationId: number;
  materialId: string;
  fileName: string;
  mediaType: string;
}

/**
 * Admits a file already written to the store: inspects it, then commits its row. The file is durable before the
 * row that names it; a refused file is taken out of the store again unless another row already uses it.
 */
export async function admitStoredFile(ctx: ServiceContext, intake: Intake, stored: StoredObject): Promise<Attachment> {
  const { db, now } = ctx;
  orNotFound(getApplication(db, intake.applicationId), '申报项目', intake.applicationId);
  let pageCount: number;
  try {
    pageCount = await pageCountOf(ctx, intake.fileName, stored);
  } catch (error) {
    if (!referencedHashes(db).has(stored.sha256)) await ctx.store.remove(stored.sha256);
    throw error;
  }
  return db.transaction(() => {
    const { applicationId, materialId, fileName, mediaType } = intake;
    const row = insertAttachment(db, { applicationId, materialId, originalName: fileName, ...stored, mediaType, pageCount }, now());
    touchApplication(db, applicationId, now());
    return row;
  }).immediate();
}
