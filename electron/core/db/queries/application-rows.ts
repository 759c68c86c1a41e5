/**
 * One application's rows for a `.juanzong` archive: read them all as stored, column by column; find a copy already
 * here; write the applicant and application back with their own times (the rest goes through the typed queries
 * beside this file, after the archive's rows passed the API's schemas); note which archive an import came from.
 * Only the archive uses these.
 */
import type { Db } from '../connection.ts';
import type { Applicant, ApplicationStatus } from '#shared/contract/index.ts';

/** A row as SQLite returns it: column name to value. */
export type StoredRow = Record<string, string | number | null>;

/** The tables that hold an application's own rows (keyed by `application_id`), in the order they are written. */
export const applicationTables = ['contracts', 'costs', 'answers', 'material_states', 'attachments'] as const;
export type ApplicationTable = (typeof applicationTables)[number];

export interface ApplicationRows {
  applicant: StoredRow;
  application: StoredRow;
  owned: Record<ApplicationTable, StoredRow[]>;
  pageTurns: StoredRow[];
  pageDecisions: StoredRow[];
  fileFixesOff: StoredRow[];
  pageOrders: StoredRow[];
}

/** Reads every row of one application. Run it inside a transaction so the rows agree with each other. */
export function readApplicationRows(db: Db, applicationId: number): ApplicationRows {
  const application = db.prepare('SELECT * FROM applications WHERE id = ?').get(applicationId) as StoredRow;
  const applicant = db
    .prepare('SELECT * FROM applicants WHERE id = ?')
    .get(Number(application.applicant_id)) as StoredRow;
  const ownedBy = (table: ApplicationTable) =>
    db.prepare(`SELECT * FROM ${table} WHERE application_id = ? ORDER BY rowid`).all(applicationId) as StoredRow[];
  const owned = Object.fromEntries(applicationTables.map((t) => [t, ownedBy(t)])) as Record<
    ApplicationTable,
    StoredRow[]
  >;
  const pageTurns = db
    .prepare(
      `SELECT page_turns.* FROM page_turns JOIN attachments ON attachments.id = page_turns.attachment_id
       WHERE attachments.application_id = ? ORDER BY page_turns.rowid`,
    )
    .all(applicationId) as StoredRow[];
  const pageDecisions = db
    .prepare(
      `SELECT page_decisions.* FROM page_decisions JOIN attachments ON attachments.id = page_decisions.attachment_id
       WHERE attachments.application_id = ? ORDER BY page_decisions.rowid`,
    )
    .all(applicationId) as StoredRow[];
  const fileFixesOff = db
    .prepare(
      `SELECT file_fixes_off.* FROM file_fixes_off JOIN attachments ON attachments.id = file_fixes_off.attachment_id
       WHERE attachments.application_id = ? ORDER BY file_fixes_off.rowid`,
    )
    .all(applicationId) as StoredRow[];
  const pageOrders = db
    .prepare(
      `SELECT page_orders.* FROM page_orders JOIN attachments ON attachments.id = page_orders.attachment_id
       WHERE attachments.application_id = ? ORDER BY page_orders.rowid`,
    )
    .all(applicationId) as StoredRow[];
  return { applicant, application, owned, pageTurns, pageDecisions, fileFixesOff, pageOrders };
}

/** The first applicant here with this credit code, or with this name when the code is empty. */
export function findApplicantId(db: Db, creditCode: string, name: string): number | undefined {
  const found = creditCode
    ? db.prepare('SELECT id FROM applicants WHERE credit_code = ? ORDER BY id LIMIT 1').get(creditCode)
    : db.prepare("SELECT id FROM applicants WHERE name = ? AND credit_code = '' ORDER BY id LIMIT 1").get(name);
  return (found as { id: number } | undefined)?.id;
}

/** The first application of this applicant for the same guide and year. */
export function findApplicationId(db: Db, applicantId: number, profileId: string, year: number): number | undefined {
  const row = db
    .prepare('SELECT id FROM applications WHERE applicant_id = ? AND profile_id = ? AND year = ? ORDER BY id LIMIT 1')
    .get(applicantId, profileId, year);
  return (row as { id: number } | undefined)?.id;
}

/** The application an archive (by key) was imported as, if it is still here. */
export function findArchiveImport(db: Db, archiveKey: string): number | undefined {
  const row = db.prepare('SELECT application_id FROM archive_imports WHERE archive_key = ?').get(archiveKey);
  return (row as { application_id: number } | undefined)?.application_id;
}

export function recordArchiveImport(db: Db, archiveKey: string, applicationId: number, now: string): void {
  db.prepare('INSERT INTO archive_imports (archive_key, application_id, imported_at) VALUES (?, ?, ?)').run(
    archiveKey,
    applicationId,
    now,
  );
}

/** An applicant as exported, with its own times (the draft already parsed by the API's schema). */
export function insertApplicantAsExported(db: Db, a: Omit<Applicant, 'id'>): number {
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO applicants (name, credit_code, kind, registered_district, established_on, contact_person, phone,
         address, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      a.name,
      a.creditCode,
      a.kind,
      a.registeredIn,
      a.established,
      a.contact,
      a.phone,
      a.address,
      a.createdAt,
      a.updatedAt,
    );
  return Number(lastInsertRowid);
}

export interface ExportedApplication {
  applicantId: number;
  profileId: string;
  year: number;
  status: ApplicationStatus;
  options: object;
  createdAt: string;
  updatedAt: string;
}

export function insertApplicationAsExported(db: Db, a: ExportedApplication): number {
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO applications (applicant_id, profile_id, year, status, dossier_options, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(a.applicantId, a.profileId, a.year, a.status, JSON.stringify(a.options), a.createdAt, a.updatedAt);
  return Number(lastInsertRowid);
}
