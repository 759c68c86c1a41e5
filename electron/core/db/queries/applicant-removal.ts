import type { Db } from '../connection.ts';

/**
 * Deletes an applicant; its applications, their details and attachment rows go with it (ON DELETE CASCADE). The
 * stored files stay until the file store's next clean-up finds nothing referring to them.
 */
export function deleteApplicant(db: Db, id: number): boolean {
  return db.prepare('DELETE FROM applicants WHERE id = ?').run(id).changes > 0;
}
