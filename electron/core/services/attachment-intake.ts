import type { Attachment } from '../../../shared/contract/index.ts';
import type { FileKind } from '../../../shared/file-kinds.ts';
import { DossierInputError, inspectInput } from '../dossier/index.ts';
import { getApplication, touchApplication } from '../db/queries/applications.ts';
import { insertAttachment, referencedHashes } from '../db/queries/attachments.ts';
import { mediaTypeOfKind } from '../files/sniff.ts';
import type { StoredObject } from '../store/file-store.ts';
import type { ServiceContext } from './index.ts';
import { orNotFound } from '../../../shared/not-found.ts';

/** Opens the stored copy as the assembler will: a locked or damaged PDF is refused now, on its card. */
async function pageCountOf(ctx: ServiceContext, intake: Intake, stored: StoredObject): Promise<number> {
  const { fileName, kind } = intake;
  try {
    return (await inspectInput(ctx.store.pathOf(stored.sha256), kind)).pages;
  } catch (error) {
    if (error instanceof DossierInputError) throw new DossierInputError(error.code, fileName, error.detail);
    throw error;
  }
}

export interface Intake {
  applicationId: number;
  materialId: string;
  fileName: string;
  kind: FileKind;
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
    pageCount = await pageCountOf(ctx, intake, stored);
  } catch (error) {
    if (!referencedHashes(db).has(stored.sha256)) await ctx.store.remove(stored.sha256);
    throw error;
  }
  return db.transaction(() => {
    const { applicationId, materialId, fileName, kind } = intake;
    const mediaType = mediaTypeOfKind(kind);
    const row = insertAttachment(db, { applicationId, materialId, originalName: fileName, ...stored, mediaType, pageCount }, now());
    touchApplication(db, applicationId, now());
    return row;
  })();
}
