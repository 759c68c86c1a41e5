/**
 * Writes an archive's checked rows as a new application, in one write transaction taken up front (`BEGIN
 * IMMEDIATE`): the look for a copy already here and the writes are one step, so two imports of the same archive at
 * once make one application (the second finds the first's, and `archive_imports`' unique key stands behind that).
 * Ids are the database's to give; the exporter's only link page turns to their attachments.
 */
import { UserFacingError } from '#shared/errors.ts';
import type { Db } from '../db/connection.ts';
import { insertAttachment } from '../db/queries/attachments.ts';
import { replaceCosts, saveContract, setAnswer, setMaterialState, setTurn } from '../db/queries/details.ts';
import {
  findApplicantId,
  findApplicationId,
  findArchiveImport,
  insertApplicantAsExported,
  insertApplicationAsExported,
  recordArchiveImport,
} from '../db/queries/application-rows.ts';
import type { ImportedApplication } from './archive-rows.ts';
import { setPageDecision } from '../db/queries/page-inspections.ts';
import { setFixOff } from '../db/queries/file-fixes.ts';
import { setPageOrder } from '../db/queries/page-orders.ts';
import { saveSubmission } from '../db/queries/submissions.ts';

/** What the attach-time checks found for each file, by hash. */
export type FileFacts = Map<string, { size: number; mediaType: string; pageCount: number }>;

export interface ImportKey {
  /** The archive's manifest hash, `:copy` added when imported as a copy. */
  archiveKey: string;
  asCopy: boolean;
}

/** The application already here that this import would duplicate: imported from this archive, or the same applicant, guide and year. */
export function findExistingCopy(db: Db, rows: ImportedApplication, key: ImportKey): number | undefined {
  const imported = findArchiveImport(db, key.archiveKey);
  if (imported !== undefined || key.asCopy) return imported;
  const applicantId = findApplicantId(db, rows.applicant.creditCode, rows.applicant.name);
  return applicantId === undefined
    ? undefined
    : findApplicationId(db, applicantId, rows.application.profileId, rows.application.year);
}

function writeRows(
  db: Db,
  rows: ImportedApplication,
  files: FileFacts,
  now: string,
): { applicationId: number; applicantId: number } {
  // An applicant already here is reused as it is: the import never rewrites what the clerk entered on this machine.
  const applicantId =
    findApplicantId(db, rows.applicant.creditCode, rows.applicant.name) ??
    insertApplicantAsExported(db, rows.applicant);
  const applicationId = insertApplicationAsExported(db, { ...rows.application, applicantId, updatedAt: now });
  if (rows.contract) saveContract(db, applicationId, rows.contract, rows.contract.updatedAt);
  replaceCosts(db, applicationId, rows.costs);
  for (const a of rows.answers) setAnswer(db, applicationId, a.questionId, a.answer);
  for (const m of rows.materialStates) setMaterialState(db, applicationId, m.materialId, m.state, m.reason);
  const attachmentIds = new Map<number, number>();
  for (const a of rows.attachments) {
    const facts = files.get(a.sha256)!;
    const row = insertAttachment(
      db,
      { applicationId, materialId: a.materialId, originalName: a.originalName, sha256: a.sha256, ...facts },
      a.createdAt,
    );
    attachmentIds.set(a.exporterId, row.id);
  }
  for (const t of rows.pageTurns) {
    const attachmentId = attachmentIds.get(t.exporterAttachmentId);
    if (attachmentId !== undefined) setTurn(db, attachmentId, t.page, t.turn);
  }
  for (const d of rows.pageDecisions) {
    const attachmentId = attachmentIds.get(d.exporterAttachmentId);
    if (attachmentId !== undefined) setPageDecision(db, attachmentId, d.page, d.decision);
  }
  for (const f of rows.fileFixesOff) {
    const attachmentId = attachmentIds.get(f.exporterAttachmentId);
    if (attachmentId !== undefined) setFixOff(db, attachmentId, f.fix, true);
  }
  for (const o of rows.pageOrders) {
    const attachmentId = attachmentIds.get(o.exporterAttachmentId);
    if (attachmentId !== undefined) setPageOrder(db, attachmentId, o.pages);
  }
  for (const s of rows.submissions) saveSubmission(db, { ...s, applicationId });
  return { applicationId, applicantId };
}

/**
 * Writes the application unless a copy of it is already here; then throws `archive-exists` naming it.
 * @example writeApplicationRows(db, rows, files, { archiveKey, asCopy: false }, now, '示例.juanzong')
 */
export function writeApplicationRows(
  db: Db,
  rows: ImportedApplication,
  files: FileFacts,
  key: ImportKey,
  now: string,
  label: string,
) {
  return db
    .transaction(() => {
      const existing = findExistingCopy(db, rows, key);
      if (existing !== undefined) throw archiveExists(label, existing, key.asCopy);
      const written = writeRows(db, rows, files, now);
      recordArchiveImport(db, key.archiveKey, written.applicationId, now);
      return written;
    })
    .immediate();
}

export function archiveExists(label: string, existing: number, asCopy: boolean): UserFacingError {
  if (asCopy) {
    return new UserFacingError(
      'archive-exists',
      `「${label}」已经作为副本导入过（编号 ${existing}），卷宗没有再导入一份。请在申报项目列表中打开它。`,
    );
  }
  return new UserFacingError(
    'archive-exists',
    `「${label}」中的申报项目在本机已经存在（编号 ${existing}），卷宗没有覆盖它，也没有导入任何内容。` +
      '如要两份并存，请选择「作为副本导入」（命令行加 --as-copy）；如要以导入的为准，请先删除本机的那一份。',
  );
}
