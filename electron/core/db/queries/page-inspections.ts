/** The stored findings of each file's pages (by content and inspection version), and the clerk's leave-out choices. */
import type { Db } from '../connection.ts';
import { fileInspection, type FileInspection } from '#shared/page-findings.ts';

/** The findings stored for this content at this version; undefined when none (or unreadable: inspected again). */
export function getInspection(db: Db, sha256: string, version: number): FileInspection | undefined {
  const row = db
    .prepare('SELECT result FROM page_inspections WHERE sha256 = ? AND version = ?')
    .get(sha256, version) as { result: string } | undefined;
  if (!row) return undefined;
  const parsed = fileInspection.safeParse(JSON.parse(row.result));
  return parsed.success ? parsed.data : undefined;
}

/** Stores a file's findings in one statement: a crash leaves the whole row or none. */
export function saveInspection(db: Db, sha256: string, version: number, result: FileInspection, now: string): void {
  db.prepare(
    `INSERT INTO page_inspections (sha256, version, result, inspected_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (sha256, version) DO UPDATE SET result = excluded.result, inspected_at = excluded.inspected_at`,
  ).run(sha256, version, JSON.stringify(result), now);
}

/** The attached files' contents not inspected yet at this version, oldest attachment first. */
export function uninspectedHashes(db: Db, version: number): string[] {
  const rows = db
    .prepare(
      `SELECT sha256 FROM attachments
       WHERE sha256 NOT IN (SELECT sha256 FROM page_inspections WHERE version = ?)
       GROUP BY sha256 ORDER BY min(id)`,
    )
    .all(version) as { sha256: string }[];
  return rows.map((r) => r.sha256);
}

export type PageDecision = 'skip' | 'keep';

/** The clerk's leave-out choices for an attachment's pages: page (from 1, as text) to `skip` or `keep`. */
export function getPageDecisions(db: Db, attachmentId: number): Record<string, PageDecision> {
  const rows = db
    .prepare('SELECT page, decision FROM page_decisions WHERE attachment_id = ? ORDER BY page')
    .all(attachmentId) as { page: number; decision: PageDecision }[];
  return Object.fromEntries(rows.map((r) => [String(r.page), r.decision]));
}

/** Sets the clerk's choice for one page, or (null) takes it back so that the inspection's proposal applies again. */
export function setPageDecision(db: Db, attachmentId: number, page: number, decision: PageDecision | null): void {
  if (decision === null) {
    db.prepare('DELETE FROM page_decisions WHERE attachment_id = ? AND page = ?').run(attachmentId, page);
    return;
  }
  db.prepare(
    `INSERT INTO page_decisions (attachment_id, page, decision) VALUES (?, ?, ?)
     ON CONFLICT (attachment_id, page) DO UPDATE SET decision = excluded.decision`,
  ).run(attachmentId, page, decision);
}
