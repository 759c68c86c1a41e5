/**
 * Writes an archive's rows as a new application, in one transaction. Ids are the database's to give: the
 * exporter's ids are dropped and every reference to them is mapped. Only columns this schema has are written.
 */
import type { Db } from '../db/connection.ts';
import { refuse } from './archive-errors.ts';
import type { ArchiveManifest, Row } from './archive-manifest.ts';

function columnsOf(db: Db, table: string): Set<string> {
  return new Set((db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name));
}

function insertRow(db: Db, table: string, row: Row, changes: Row, drop: string[] = []): number {
  const known = columnsOf(db, table);
  const merged: Row = { ...row, ...changes };
  const names = Object.keys(merged).filter((k) => known.has(k) && !drop.includes(k));
  const sql = `INSERT INTO ${table} (${names.map((n) => `"${n}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`;
  return Number(db.prepare(sql).run(...names.map((n) => merged[n])).lastInsertRowid);
}

function findApplicant(db: Db, applicant: Row): number | undefined {
  const code = String(applicant.credit_code ?? '');
  const found = code
    ? db.prepare('SELECT id FROM applicants WHERE credit_code = ? ORDER BY id LIMIT 1').get(code)
    : db.prepare("SELECT id FROM applicants WHERE name = ? AND credit_code = '' ORDER BY id LIMIT 1").get(String(applicant.name));
  return (found as { id: number } | undefined)?.id;
}

/** The id of an application here for the same applicant, guide and year, if there is one. */
export function findExistingCopy(db: Db, manifest: ArchiveManifest): number | undefined {
  const applicantId = findApplicant(db, manifest.applicant);
  if (applicantId === undefined) return undefined;
  const row = db
    .prepare('SELECT id FROM applications WHERE applicant_id = ? AND profile_id = ? AND year = ? ORDER BY id LIMIT 1')
    .get(applicantId, String(manifest.application.profile_id), Number(manifest.application.year));
  return (row as { id: number } | undefined)?.id;
}

function writeRows(db: Db, m: ArchiveManifest, now: string) {
  // An applicant already here is reused as it is: the import never rewrites what the clerk entered on this machine.
  const applicantId = findApplicant(db, m.applicant) ?? insertRow(db, 'applicants', m.applicant, {}, ['id']);
  const applicationId = insertRow(db, 'applications', m.application, { applicant_id: applicantId, updated_at: now }, ['id']);
  const owned = { application_id: applicationId };
  for (const r of m.contracts) insertRow(db, 'contracts', r, owned);
  for (const r of m.costs) insertRow(db, 'costs', r, owned, ['id']);
  for (const r of m.answers) insertRow(db, 'answers', r, owned);
  for (const r of m.materialStates) insertRow(db, 'material_states', r, owned);
  const attachmentIds = new Map<number, number>();
  for (const r of m.attachments) attachmentIds.set(Number(r.id), insertRow(db, 'attachments', r, owned, ['id']));
  for (const r of m.pageTurns) {
    const attachmentId = attachmentIds.get(Number(r.attachment_id));
    if (attachmentId === undefined) throw new Error(`page turn for attachment ${String(r.attachment_id)} outside the archive`);
    insertRow(db, 'page_turns', r, { attachment_id: attachmentId });
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
