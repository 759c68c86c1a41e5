/** The automatic fixes the clerk turned off for a whole attached file (the proposal applies again once back on). */
import type { FileFix } from '#shared/contract/pages.ts';
import type { Db } from '../connection.ts';

/** The fixes turned off for this attachment, in a stable order. */
export function getFixesOff(db: Db, attachmentId: number): FileFix[] {
  const rows = db.prepare('SELECT fix FROM file_fixes_off WHERE attachment_id = ? ORDER BY fix').all(attachmentId) as {
    fix: FileFix;
  }[];
  return rows.map((r) => r.fix);
}

/** Turns one fix off for the whole file (`off`), or back on so that the inspection's proposal applies again. */
export function setFixOff(db: Db, attachmentId: number, fix: FileFix, off: boolean): void {
  if (off) db.prepare('INSERT OR IGNORE INTO file_fixes_off (attachment_id, fix) VALUES (?, ?)').run(attachmentId, fix);
  else db.prepare('DELETE FROM file_fixes_off WHERE attachment_id = ? AND fix = ?').run(attachmentId, fix);
}
