import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Attachment } from '../../../shared/contract/index.ts';
import { UserFacingError } from '../../../shared/errors.ts';
import { getApplication } from '../db/queries/applications.ts';
import { explainTrouble } from '../db/database-trouble.ts';
import { admitStoredFile, mediaTypeOf } from './attachment-intake.ts';
import { safeFileName } from '../safety/file-name.ts';
import { assertAcceptableSize } from '../safety/incoming-file.ts';
import type { ServiceContext } from './index.ts';
import { orNotFound } from '../../../shared/not-found.ts';

export interface AttachmentSource {
  applicationId: number;
  materialId: string;
  /** An absolute path the clerk chose in the open dialog. */
  filePath: string;
}

/** The first KiB of a file, which decides its kind (see `sniffKind`); empty for an empty file. */
async function readHead(filePath: string, fileName: string): Promise<Uint8Array> {
  try {
    const handle = await open(filePath, 'r');
    try {
      const head = new Uint8Array(1024);
      const { bytesRead } = await handle.read(head, 0, head.length, 0);
      return head.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    const detail = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UserFacingError('file-unreadable', `无法读取「${fileName}」（${detail}）。请确认文件还在、没有被其他程序占用后再添加。`);
  }
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
  const mediaType = mediaTypeOf(fileName, head);
  const stored = await ctx.store.putFile(filePath).catch((error: unknown) => explainTrouble(error, ctx.dataDir, ctx.dataDir));
  return admitStoredFile(ctx, { applicationId, materialId, fileName, mediaType }, stored);
}
