/** The submitted dossier of an application (table `submissions`, migration 006): one row at most per application. */
import type { Db } from '../connection.ts';

export interface SubmissionRow {
  applicationId: number;
  submittedAt: string;
  sha256: string;
  pages: number;
  /** JSON text, as stored. */
  pageMap: string;
  snapshot: string;
  note: string;
}

/** Marks the application submitted with this dossier; a second mark replaces the first (the clerk handed in again). */
export function saveSubmission(db: Db, row: SubmissionRow): void {
  db.prepare(
    `INSERT INTO submissions (application_id, submitted_at, sha256, pages, page_map, snapshot, note)
     VALUES (@applicationId, @submittedAt, @sha256, @pages, @pageMap, @snapshot, @note)
     ON CONFLICT (application_id) DO UPDATE SET submitted_at = excluded.submitted_at, sha256 = excluded.sha256,
       pages = excluded.pages, page_map = excluded.page_map, snapshot = excluded.snapshot, note = excluded.note`,
  ).run(row);
}

export function getSubmission(db: Db, applicationId: number): SubmissionRow | undefined {
  return db
    .prepare(
      `SELECT application_id AS applicationId, submitted_at AS submittedAt, sha256, pages, page_map AS pageMap,
         snapshot, note FROM submissions WHERE application_id = ?`,
    )
    .get(applicationId) as SubmissionRow | undefined;
}

export function deleteSubmission(db: Db, applicationId: number): boolean {
  return db.prepare('DELETE FROM submissions WHERE application_id = ?').run(applicationId).changes > 0;
}

/** The frozen dossiers' hashes: files the store must keep. */
export function submittedHashes(db: Db): string[] {
  return db.prepare('SELECT DISTINCT sha256 FROM submissions').pluck().all() as string[];
}

/** The application's submission row as stored, column by column (for a `.juanzong` archive). */
export function storedSubmissionRows(db: Db, applicationId: number): Record<string, string | number | null>[] {
  return db.prepare('SELECT * FROM submissions WHERE application_id = ?').all(applicationId) as Record<
    string,
    string | number | null
  >[];
}
