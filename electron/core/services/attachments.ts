import type { Handlers } from '../../../shared/contract/index.ts';
import { getApplication, touchApplication } from '../db/queries/applications.ts';
import { deleteAttachment, getAttachment, listAttachments } from '../db/queries/attachments.ts';
import { admitStoredFile, mediaTypeOf } from './attachment-intake.ts';
import type { ServiceContext } from './index.ts';
import { orNotFound } from './not-found.ts';

type AttachmentHandlers = Pick<Handlers, 'attachments:list' | 'attachments:add' | 'attachments:remove'>;

export function attachmentHandlers(ctx: ServiceContext): AttachmentHandlers {
  const { db, store, now } = ctx;
  return {
    'attachments:list': ({ applicationId }) => listAttachments(db, applicationId),
    'attachments:add': async ({ applicationId, materialId, fileName, bytes }) => {
      orNotFound(getApplication(db, applicationId), '申报项目', applicationId);
      const mediaType = mediaTypeOf(fileName, bytes.subarray(0, 1024));
      // Durable before its row commits: a crash in between leaves an orphan file (removed at start-up),
      // never a row pointing at nothing.
      const stored = await store.putBytes(bytes);
      return admitStoredFile(ctx, { applicationId, materialId, fileName, mediaType }, stored);
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
