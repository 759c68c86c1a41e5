/**
 * Writes an archive's rows as a new application, in one transaction. Ids are the database's to give: the
 * exporter's ids are dropped and every reference to them is mapped. Only columns this schema has are written.
 */
import type { Db } from '../db/connection.ts';
import { findApplicantId, findApplicationId, insertStoredRow } from '../db/queries/application-rows.ts';
import { refuse } from './archive-errors.ts';
import type { ArchiveManifest, Row } from './archive-manifest.ts';

function findApplicant(db: Db, applicant: Row): number | undefined {
  return findApplicantId(db, String(applicant.credit_code ?? ''), String(applicant.name));
}

/** The id of an application here for the same applicant, guide and year, if there is one. */
export function findExistingCopy(db: Db, manifest: ArchiveManifest): number | undefined {
  const applicantId = findApplicant(db, manifest.applicant);
  if (applicantId === undefined) return undefined;
  return findApplicationId(db, applicantId, String(manifest.application.profile_id), Number(manifest.application.year));
}

function writeRows(db: Db, m: ArchiveManifest, now: string) {
  // An applicant already here is reused as it is: the import never rewrites what the clerk entered on this machine.
  const applicantId = findApplicant(db, m.applicant) ?? insertStoredRow(db, 'applicants', m.applicant, {}, ['id']);
  const applicationId = insertStoredRow(db, 'applications', m.application, { applicant_id: applicantId, updated_at: now }, ['id']);
  const owned = { application_id: applicationId };
  for (const r of m.contracts) insertStoredRow(db, 'contracts', r, owned);
  for (const r of m.costs) insertStoredRow(db, 'costs', r, owned, ['id']);
  for (const r of m.answers) insertStoredRow(db, 'answers', r, owned);
  for (const r of m.materialStates) insertStoredRow(db, 'material_states', r, owned);
  const attachmentIds = new Map<number, number>();
  for (const r of m.attachments) attachmentIds.set(Number(r.id), insertStoredRow(db, 'attachments', r, owned, ['id']));
  for (const r of m.pageTurns) {
    const attachmentId = attachmentIds.get(Number(r.attachment_id));
    if (attachmentId === undefined) throw new Error(`page turn for attachment ${String(r.attachment_id)} outside the archive`);
    insertStoredRow(db, 'page_turns', r, { attachment_id: attachmentId });
  }
  return { applicationId, applicantId };
}

export function writeApplicationRows(db: Db, manifest: ArchiveManifest, now: string, label: string): { applicationId: number; applicantId: number } {
  try {
    return db.transaction(() => writeRows(db, manifest, now))();
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return refuse('archive-damaged', label, `其中的数据不符合本机数据库的要求（${detail}）`);
  }
}
