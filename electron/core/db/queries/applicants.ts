import type { Db } from '../connection.ts';
import type { Applicant, ApplicantDraft } from '#shared/contract/index.ts';
import { applicantDraft } from '#shared/contract/index.ts';

interface ApplicantRow {
  id: number;
  name: string;
  credit_code: string;
  kind: Applicant['kind'];
  registered_district: string;
  established_on: string | null;
  contact_person: string;
  phone: string;
  address: string;
  created_at: string;
  updated_at: string;
}

function fromRow(row: ApplicantRow): Applicant {
  return {
    id: row.id,
    name: row.name,
    creditCode: row.credit_code,
    kind: row.kind,
    registeredIn: row.registered_district,
    established: row.established_on,
    contact: row.contact_person,
    phone: row.phone,
    address: row.address,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toParams(draft: ReturnType<typeof applicantDraft.parse>) {
  return {
    name: draft.name,
    credit_code: draft.creditCode,
    kind: draft.kind,
    registered_district: draft.registeredIn,
    established_on: draft.established,
    contact_person: draft.contact,
    phone: draft.phone,
    address: draft.address,
  };
}

export function listApplicants(db: Db): Applicant[] {
  const rows = db.prepare('SELECT * FROM applicants ORDER BY name COLLATE NOCASE, id').all() as ApplicantRow[];
  return rows.map(fromRow);
}

export function getApplicant(db: Db, id: number): Applicant | undefined {
  const row = db.prepare('SELECT * FROM applicants WHERE id = ?').get(id) as ApplicantRow | undefined;
  return row && fromRow(row);
}

export function insertApplicant(db: Db, draft: ApplicantDraft, now: string): Applicant {
  const params = { ...toParams(applicantDraft.parse(draft)), now };
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO applicants (name, credit_code, kind, registered_district, established_on, contact_person, phone,
         address, created_at, updated_at)
       VALUES (@name, @credit_code, @kind, @registered_district, @established_on, @contact_person, @phone,
         @address, @now, @now)`,
    )
    .run(params);
  return getApplicant(db, Number(lastInsertRowid))!;
}

/** Writes the whole record: `merged` is the stored applicant with the clerk's changes laid over it. */
export function updateApplicant(db: Db, id: number, merged: ApplicantDraft, now: string): Applicant | undefined {
  const params = { ...toParams(applicantDraft.parse(merged)), id, now };
  const { changes } = db
    .prepare(
      `UPDATE applicants SET name = @name, credit_code = @credit_code, kind = @kind,
         registered_district = @registered_district, established_on = @established_on,
         contact_person = @contact_person, phone = @phone, address = @address, updated_at = @now
       WHERE id = @id`,
    )
    .run(params);
  return changes ? getApplicant(db, id) : undefined;
}

/** An applicant's contact details as another application of the same year records them. */
export interface ContactInYear {
  name: string;
  creditCode: string;
  contact: string;
  phone: string;
  year: number;
}

/** The contacts of every other applicant with an application in `year` (the guide's note 2 compares them). */
export function otherApplicantsInYear(db: Db, year: number, exceptApplicantId: number): ContactInYear[] {
  const rows = db
    .prepare(
      `SELECT DISTINCT p.name, p.credit_code, p.contact_person, p.phone, a.year
       FROM applications a JOIN applicants p ON p.id = a.applicant_id
       WHERE a.year = ? AND p.id <> ?`,
    )
    .all(year, exceptApplicantId) as (Pick<ApplicantRow, 'name' | 'credit_code' | 'contact_person' | 'phone'> & {
    year: number;
  })[];
  return rows.map((r) => ({
    name: r.name,
    creditCode: r.credit_code,
    contact: r.contact_person,
    phone: r.phone,
    year: r.year,
  }));
}
