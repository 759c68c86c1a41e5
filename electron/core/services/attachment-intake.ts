import type { Attachment } from '#shared/contract/index.ts';
import type { FileKind } from '#shared/file-kinds.ts';
import { UserFacingError } from '#shared/errors.ts';
import { DossierInputError, type InputSummary } from '../dossier/index.ts';
import { inspectOffThread } from '../safety/inspect-off-thread.ts';
import { getApplication, touchApplication } from '../db/queries/applications.ts';
import { insertAttachment, referencedHashes, sameContentName } from '../db/queries/attachments.ts';
import { mediaTypeOfKind } from '../files/sniff.ts';
import type { StoredObject } from '../store/file-store.ts';
import type { ServiceContext } from './index.ts';
import { orNotFound } from '#shared/not-found.ts';

/**
 * Opens the stored copy as the assembler will: a locked or damaged PDF is refused now, on its card. Answers its
 * page count and what its paper copy leaves out.
 */
async function inspectStored(ctx: ServiceContext, intake: Intake, stored: StoredObject): Promise<InputSummary> {
  const { fileName, kind } = intake;
  try {
    return await inspectOffThread(ctx.store.pathOf(stored.sha256), fileName, kind);
  } catch (error) {
    if (error instanceof DossierInputError) throw new DossierInputError(error.code, fileName, error.detail);
    throw error;
  }
}

/** The same content twice in one material would print twice in the dossier: refused, naming the file already there. */
function refuseDuplicate(ctx: ServiceContext, intake: Intake, sha256: string): void {
  const existing = sameContentName(ctx.db, intake.applicationId, intake.materialId, sha256);
  if (existing === undefined) return;
  const same = existing === intake.fileName ? '' : `（与已添加的「${existing}」内容完全相同）`;
  throw new UserFacingError(
    'file-duplicate',
    `「${intake.fileName}」已经在这项材料里了${same}，没有再添加一次，否则卷宗里会重复打印。如果要换一个版本，请先移除旧文件再添加。`,
  );
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
  // Before the inspection: the stored object is the existing row's, so nothing is to be taken out of the store.
  refuseDuplicate(ctx, intake, stored.sha256);
  let summary: InputSummary;
  try {
    summary = await inspectStored(ctx, intake, stored);
  } catch (error) {
    if (!referencedHashes(db).has(stored.sha256)) await ctx.store.remove(stored.sha256);
    throw error;
  }
  const added = db
    .transaction(() => {
      refuseDuplicate(ctx, intake, stored.sha256); // again inside the transaction: two adds of one file at once
      const { applicationId, materialId, fileName, kind } = intake;
      const mediaType = mediaTypeOfKind(kind);
      const { pages: pageCount, notices } = summary;
      const row = insertAttachment(
        db,
        { applicationId, materialId, originalName: fileName, ...stored, mediaType, pageCount, notices },
        now(),
      );
      touchApplication(db, applicationId, now());
      return row;
    })
    .immediate();
  // In the background: the attach answers now, the findings are stored when ready.
  ctx.inspections.enqueue(stored.sha256);
  return added;
}
