import type { Handlers } from '#shared/contract/index.ts';
import { sniffBytes } from '#shared/file-kinds.ts';
import { getApplication, touchApplication } from '../db/queries/applications.ts';
import { deleteAttachment, getAttachment, listAttachments } from '../db/queries/attachments.ts';
import { explainTrouble } from '../db/database-trouble.ts';
import { admitStoredFile } from './attachment-intake.ts';
import { kindFromHead } from '../files/sniff.ts';
import type { ServiceContext } from './index.ts';
import { snapshotAttachment } from '../db/queries/row-snapshots.ts';
import type { RecentlyRemoved } from './removals.ts';
import { orNotFound } from '#shared/not-found.ts';

type AttachmentHandlers = Pick<Handlers, 'attachments:list' | 'attachments:add' | 'attachments:remove'>;

export function attachmentHandlers(ctx: ServiceContext, removed: RecentlyRemoved): AttachmentHandlers {
  const { db, store, now } = ctx;
  return {
    'attachments:list': ({ applicationId }) => listAttachments(db, applicationId),
    'attachments:add': async ({ applicationId, materialId, fileName, bytes }) => {
      orNotFound(getApplication(db, applicationId), '申报项目', applicationId);
      const kind = kindFromHead(bytes.subarray(0, sniffBytes), fileName);
      // Durable before its row commits: a crash in between leaves an orphan file (removed at start-up),
      // never a row pointing at nothing.
      const stored = await store
        .putBytes(bytes)
        .catch((error: unknown) => explainTrouble(error, ctx.dataDir, ctx.dataDir));
      return admitStoredFile(ctx, { applicationId, materialId, fileName, kind }, stored);
    },
    // The stored file stays until the next start-up cleanup, which keeps whatever a backup still names:
    // restoring a backup taken before the removal finds the file again.
    'attachments:remove': ({ id }) => {
      const row = orNotFound(getAttachment(db, id), '附件', id);
      return db
        .transaction(() => {
          const undoToken = removed.keep(snapshotAttachment(db, id));
          const gone = deleteAttachment(db, id);
          touchApplication(db, row.applicationId, now());
          return { removed: gone, undoToken };
        })
        .immediate();
    },
  };
}
