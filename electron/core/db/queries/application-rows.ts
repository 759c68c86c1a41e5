/**
 * One application's rows as stored, column by column, for a `.juanzong` archive: read them all, and write them back
 * as a new application. Only the archive uses these; everything else goes through the typed queries beside this file.
 */
import type { Db } from '../connection.ts';

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
}

/** Reads every row of one application. Run it inside a transaction so the rows agree with each other. */
export function readApplicationRows(db: Db, applicationId: number): ApplicationRows {
  const application = db.prepare('SELECT * FROM applications WHERE id = ?').get(applicationId) as StoredRow;
  const applicant = db.prepare('SELECT * FROM applicants WHERE id = ?').get(Number(application.applicant_id)) as StoredRow;
  const ownedBy = (table: ApplicationTable) =>
    db.prepare(`SELECT * FROM ${table} WHERE application_id = ? ORDER BY rowid`).all(applicationId) as StoredRow[];
  const owned = Object.fromEntries(applicationTables.map((t) => [t, ownedBy(t)])) as Record<ApplicationTable, StoredRow[]>;
  const pageTurns = db
    .prepare(
      `SELECT page_turns.* FROM page_turns JOIN attachments ON attachments.id = page_turns.attachment_id
       WHERE attachments.application_id = ? ORDER BY page_turns.rowid`,
    )
    .all(applicationId) as StoredRow[];
  return { applicant, application, owned, pageTurns };
}

function columnsOf(db: Db, table: string): Set<string> {
  return new Set((db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name));
}

/**
 * Inserts `row` with `changes` laid over it into `table` and answers the new rowid. Only columns this schema has
 * are written (an archive from an older or newer schema may name others); `drop` names columns to leave to SQLite.
 */
export function insertStoredRow(db: Db, table: string, row: StoredRow, changes: StoredRow, drop: string[] = []): number {
  const known = columnsOf(db, table);
  const merged: StoredRow = { ...row, ...changes };
  const names = Object.keys(merged).filter((k) => known.has(k) && !drop.includes(k));
  const sql = `INSERT INTO ${table} (${names.map((n) => `"${n}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`;
  return Number(db.prepare(sql).run(...names.map((n) => merged[n])).lastInsertRowid);
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
