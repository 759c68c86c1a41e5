import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Attachment } from '#shared/contract/index.ts';
import { getApplication } from '../db/queries/applications.ts';
import { explainTrouble } from '../db/database-trouble.ts';
import { admitStoredFile } from './attachment-intake.ts';
import { kindFromHead, readHead } from '../files/sniff.ts';
import { safeFileName } from '../safety/file-name.ts';
import { assertAcceptableSize } from '../safety/incoming-file.ts';
import type { ServiceContext } from './index.ts';
import { orNotFound } from '#shared/not-found.ts';

export interface AttachmentSource {
  applicationId: number;
  materialId: string;
  /** An absolute path the clerk chose in the open dialog. */
  filePath: string;
}

/**
 * Adds a file from disk to a material, streaming it into the file store (the desktop's open dialog hands over
 * paths, not bytes). Refuses what `attachments:add` refuses (empty, HEIC, unknown kind, over the size limit) and
 * cleans the name the same way; the stored file is durable before its row commits.
 *
 * @example
 * const added = await addAttachmentFromPath(ctx, { applicationId: 3, materialId: 'business-licence', filePath });
 */
export async function addAttachmentFromPath(ctx: ServiceContext, source: AttachmentSource): Promise<Attachment> {
  const { applicationId, materialId, filePath } = source;
  orNotFound(getApplication(ctx.db, applicationId), '申报项目', applicationId);
  const fileName = safeFileName(path.basename(filePath));
  const head = await readHead(filePath, fileName);
  // The same guard as `attachments:add` (safety/incoming-file.ts): size checked before the file is copied.
  assertAcceptableSize(fileName, (await stat(filePath)).size);
  const kind = kindFromHead(head, fileName);
  const stored = await ctx.store
    .putFile(filePath)
    .catch((error: unknown) => explainTrouble(error, ctx.dataDir, ctx.dataDir));
  return admitStoredFile(ctx, { applicationId, materialId, fileName, kind }, stored);
}
