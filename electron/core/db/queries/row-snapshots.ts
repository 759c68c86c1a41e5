/**
 * The rows a removal takes with it (an attachment, an application, an applicant with all its applications), kept
 * as stored so 撤销 can write them back under the same ids; and the copy of an application as a new one (复制为新申请).
 * Table and column names come from this file and from SQLite's own `PRAGMA table_info`, never from a caller.
 */
import type { Db } from '../connection.ts';
import type { StoredRow } from './application-rows.ts';

/** Every table a removal can reach, parents before children (the order rows are written back in). */
const tablesInOrder = [
  'applicants',
  'applications',
  'contracts',
  'costs',
  'answers',
  'material_states',
  'attachments',
  'page_turns',
  'page_decisions',
  'file_fixes_off',
  'page_orders',
  'archive_imports',
] as const;
type SnapshotTable = (typeof tablesInOrder)[number];

/** The tables keyed by `application_id` that a copy of an application takes along (not where it was imported from). */
const copiedDetails = ['contracts', 'costs', 'answers', 'material_states'] as const;

/** The tables keyed by `attachment_id`: the clerk's choices for a file's pages, kept and copied with the file. */
const attachmentDetails = ['page_turns', 'page_decisions', 'file_fixes_off', 'page_orders'] as const;

export type RowSnapshot = Partial<Record<SnapshotTable, StoredRow[]>>;

const rowsOf = (db: Db, sql: string, ...params: number[]) => db.prepare(sql).all(...params) as StoredRow[];

function applicationRows(db: Db, applicationIds: number[]): RowSnapshot {
  const snapshot: RowSnapshot = {};
  const add = (table: SnapshotTable, rows: StoredRow[]) => (snapshot[table] ??= []).push(...rows);
  for (const id of applicationIds) {
    add('applications', rowsOf(db, 'SELECT * FROM applications WHERE id = ?', id));
    for (const table of [...copiedDetails, 'attachments', 'archive_imports'] as const)
      add(table, rowsOf(db, `SELECT * FROM ${table} WHERE application_id = ? ORDER BY rowid`, id));
    for (const table of attachmentDetails)
      add(
        table,
        rowsOf(
          db,
          `SELECT ${table}.* FROM ${table} JOIN attachments ON attachments.id = ${table}.attachment_id
           WHERE attachments.application_id = ? ORDER BY ${table}.rowid`,
          id,
        ),
      );
  }
  return snapshot;
}

/** One attachment's row and the clerk's choices for its pages. */
export function snapshotAttachment(db: Db, attachmentId: number): RowSnapshot {
  const snapshot: RowSnapshot = { attachments: rowsOf(db, 'SELECT * FROM attachments WHERE id = ?', attachmentId) };
  for (const table of attachmentDetails)
    snapshot[table] = rowsOf(db, `SELECT * FROM ${table} WHERE attachment_id = ? ORDER BY rowid`, attachmentId);
  return snapshot;
}

/** One application and everything that belongs to it. */
export function snapshotApplication(db: Db, applicationId: number): RowSnapshot {
  return applicationRows(db, [applicationId]);
}

/** One applicant, its applications and everything that belongs to them. */
export function snapshotApplicant(db: Db, applicantId: number): RowSnapshot {
  const ids = rowsOf(db, 'SELECT id FROM applications WHERE applicant_id = ? ORDER BY id', applicantId).map((r) =>
    Number(r.id),
  );
  return { applicants: rowsOf(db, 'SELECT * FROM applicants WHERE id = ?', applicantId), ...applicationRows(db, ids) };
}

function columnsOf(db: Db, table: SnapshotTable): Set<string> {
  const info = db.prepare('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[];
  return new Set(info.map((c) => c.name));
}

function insertRow(db: Db, table: SnapshotTable, row: StoredRow, known: Set<string>): number {
  const columns = Object.keys(row).filter((c) => known.has(c));
  const { lastInsertRowid } = db
    .prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)
    .run(...columns.map((c) => row[c] ?? null));
  return Number(lastInsertRowid);
}

/** Writes a snapshot's rows back as they were (same ids). Run it inside a write transaction. */
export function restoreSnapshot(db: Db, snapshot: RowSnapshot): void {
  for (const table of tablesInOrder) {
    const rows = snapshot[table];
    if (!rows?.length) continue;
    const known = columnsOf(db, table);
    for (const row of rows) insertRow(db, table, row, known);
  }
}

/**
 * Writes application `sourceId` again as a new application of the same applicant, status 草稿: its contract, costs,
 * answers, material states, attachments (the same stored files) and the clerk's choices for their pages. Answers the new id.
 * Run it inside a write transaction.
 */
export function copyApplicationRows(db: Db, sourceId: number, now: string): number {
  const source = applicationRows(db, [sourceId]);
  const [application] = source.applications ?? [];
  if (!application) return 0;
  const without = (row: StoredRow, ...drop: string[]) =>
    Object.fromEntries(Object.entries(row).filter(([c]) => !drop.includes(c)));
  const newId = insertRow(
    db,
    'applications',
    { ...without(application, 'id'), status: 'draft', created_at: now, updated_at: now },
    columnsOf(db, 'applications'),
  );
  for (const table of copiedDetails) {
    const known = columnsOf(db, table);
    for (const row of source[table] ?? [])
      insertRow(db, table, { ...without(row, 'id'), application_id: newId }, known);
  }
  const attachmentIds = new Map<number, number>();
  const knownAttachment = columnsOf(db, 'attachments');
  for (const row of source.attachments ?? []) {
    const copyId = insertRow(db, 'attachments', { ...without(row, 'id'), application_id: newId }, knownAttachment);
    attachmentIds.set(Number(row.id), copyId);
  }
  for (const table of attachmentDetails) {
    const known = columnsOf(db, table);
    for (const row of source[table] ?? [])
      insertRow(db, table, { ...row, attachment_id: attachmentIds.get(Number(row.attachment_id))! }, known);
  }
  return newId;
}

export function deleteApplicationRow(db: Db, id: number): boolean {
  return db.prepare('DELETE FROM applications WHERE id = ?').run(id).changes > 0;
}

export function deleteApplicantRow(db: Db, id: number): boolean {
  return db.prepare('DELETE FROM applicants WHERE id = ?').run(id).changes > 0;
}
