/** What archive import reads and writes beyond the ordinary queries: finding a copy already here, and the rows as exported. */
import type { Db } from '../connection.ts';
import type { Applicant, ApplicationStatus } from '../../../../shared/contract/index.ts';

/** The applicant with this credit code (or, without one, this name and no code), if there is one. */
export function findApplicantByIdentity(db: Db, creditCode: string, name: string): number | undefined {
  const found = creditCode
    ? db.prepare('SELECT id FROM applicants WHERE credit_code = ? ORDER BY id LIMIT 1').get(creditCode)
    : db.prepare("SELECT id FROM applicants WHERE name = ? AND credit_code = '' ORDER BY id LIMIT 1").get(name);
  return (found as { id: number } | undefined)?.id;
}

/** An application of this applicant for this guide and year, if there is one. */
export function findApplicationFor(db: Db, applicantId: number, profileId: string, year: number): number | undefined {
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
  db.prepare('INSERT INTO archive_imports (archive_key, application_id, imported_at) VALUES (?, ?, ?)').run(archiveKey, applicationId, now);
}

/** An applicant as exported, with its own times (the draft already parsed by the API's schema). */
export function insertApplicantAsExported(db: Db, a: Omit<Applicant, 'id'>): number {
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO applicants (name, credit_code, kind, registered_district, established_on, contact_person, phone,
         address, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(a.name, a.creditCode, a.kind, a.registeredIn, a.established, a.contact, a.phone, a.address, a.createdAt, a.updatedAt);
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
