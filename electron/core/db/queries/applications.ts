import type { Db } from '../connection.ts';
import type { Application, ApplicationDraft, ApplicationStatus } from '#shared/contract/index.ts';

interface ApplicationRow {
  id: number;
  applicant_id: number;
  profile_id: string;
  year: number;
  status: ApplicationStatus;
  created_at: string;
  updated_at: string;
}

function fromRow(row: ApplicationRow): Application {
  return {
    id: row.id,
    applicantId: row.applicant_id,
    profileId: row.profile_id,
    year: row.year,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const columns = 'id, applicant_id, profile_id, year, status, created_at, updated_at';

export function listApplications(db: Db, applicantId?: number): Application[] {
  const rows = (
    applicantId === undefined
      ? db.prepare(`SELECT ${columns} FROM applications ORDER BY year DESC, id DESC`).all()
      : db
          .prepare(`SELECT ${columns} FROM applications WHERE applicant_id = ? ORDER BY year DESC, id DESC`)
          .all(applicantId)
  ) as ApplicationRow[];
  return rows.map(fromRow);
}

export function getApplication(db: Db, id: number): Application | undefined {
  const row = db.prepare(`SELECT ${columns} FROM applications WHERE id = ?`).get(id) as ApplicationRow | undefined;
  return row && fromRow(row);
}

export function insertApplication(db: Db, draft: ApplicationDraft, now: string): Application {
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO applications (applicant_id, profile_id, year, status, created_at, updated_at)
       VALUES (?, ?, ?, 'draft', ?, ?)`,
    )
    .run(draft.applicantId, draft.profileId, draft.year, now, now);
  return getApplication(db, Number(lastInsertRowid))!;
}

export function updateApplication(
  db: Db,
  id: number,
  merged: Pick<Application, 'status' | 'year'>,
  now: string,
): Application | undefined {
  const { changes } = db
    .prepare('UPDATE applications SET status = ?, year = ?, updated_at = ? WHERE id = ?')
    .run(merged.status, merged.year, now, id);
  return changes ? getApplication(db, id) : undefined;
}

/** Bumps `updated_at` when something that belongs to the application changes (files, answers …). */
export function touchApplication(db: Db, id: number, now: string): void {
  db.prepare('UPDATE applications SET updated_at = ? WHERE id = ?').run(now, id);
}
