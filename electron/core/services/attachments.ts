import type { Handlers } from '../../../shared/contract/index.ts';
import { UserFacingError } from '../../../shared/errors.ts';
import { getApplication, touchApplication } from '../db/queries/applications.ts';
import { deleteAttachment, getAttachment, insertAttachment, listAttachments } from '../db/queries/attachments.ts';
import { mediaTypes, sniffKind } from '../files/sniff.ts';
import type { ServiceContext } from './index.ts';
import { orNotFound } from './not-found.ts';

type AttachmentHandlers = Pick<Handlers, 'attachments:list' | 'attachments:add' | 'attachments:remove'>;

function refuseUnusable(fileName: string, bytes: Uint8Array): string {
  if (bytes.byteLength === 0) {
    throw new UserFacingError('file-empty', `「${fileName}」是空文件（0 字节）。请重新扫描或下载该文件后再添加。`);
  }
  const kind = sniffKind(bytes.subarray(0, 1024));
  if (kind === 'heic') {
    throw new UserFacingError(
      'file-heic',
      `「${fileName}」是 HEIC 格式的照片，卷宗无法读取。请在手机或电脑上把它另存为 JPEG 后再添加。`,
    );
  }
  if (kind === 'unknown') {
    throw new UserFacingError(
      'file-kind',
      `「${fileName}」不是 PDF 或图片（JPEG、PNG、TIFF、WebP）。请先把它另存为 PDF 再添加。`,
    );
  }
  return mediaTypes[kind];
}

export function attachmentHandlers({ db, store, now }: ServiceContext): AttachmentHandlers {
  return {
    'attachments:list': ({ applicationId }) => listAttachments(db, applicationId),
    'attachments:add': async ({ applicationId, materialId, fileName, bytes }) => {
      orNotFound(getApplication(db, applicationId), '申报项目', applicationId);
      const mediaType = refuseUnusable(fileName, bytes);
      // The file is durable before the row that names it is committed: a crash in between leaves an
      // orphan file (removed at start-up), never a row pointing at nothing.
      const stored = await store.putBytes(bytes);
      return db.transaction(() => {
        const row = insertAttachment(
          db,
          { applicationId, materialId, originalName: fileName, ...stored, mediaType, pageCount: null },
          now(),
        );
        touchApplication(db, applicationId, now());
        return row;
      })();
    },
    'attachments:remove': async ({ id }) => {
      const row = orNotFound(getAttachment(db, id), '附件', id);
      const removed = deleteAttachment(db, id);
      touchApplication(db, row.applicationId, now());
      const stillUsed = db.prepare('SELECT 1 FROM attachments WHERE sha256 = ? LIMIT 1').get(row.sha256);
      if (!stillUsed) await store.remove(row.sha256);
      return { removed };
    },
  };
}
