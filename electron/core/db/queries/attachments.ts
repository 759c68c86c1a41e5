import { submittedHashes } from './submissions.ts';
import type { Db } from '../connection.ts';
import { z } from 'zod';
import type { Attachment } from '#shared/contract/index.ts';
import { contentNotice } from '#shared/contract/schemas.ts';

interface AttachmentRow {
  id: number;
  application_id: number;
  material_id: string;
  position: number;
  original_name: string;
  sha256: string;
  size: number;
  media_type: string;
  page_count: number | null;
  created_at: string;
  keep_markup: number;
  content_notices: string;
}

function fromRow(row: AttachmentRow): Attachment {
  return {
    id: row.id,
    applicationId: row.application_id,
    materialId: row.material_id,
    position: row.position,
    originalName: row.original_name,
    sha256: row.sha256,
    size: row.size,
    mediaType: row.media_type,
    pageCount: row.page_count,
    createdAt: row.created_at,
    keepMarkup: row.keep_markup === 1,
    notices: z.array(contentNotice).catch([]).parse(JSON.parse(row.content_notices)),
  };
}

export type NewAttachment = Omit<Attachment, 'id' | 'position' | 'createdAt' | 'keepMarkup' | 'notices'> & {
  notices?: Attachment['notices'];
};

export function listAttachments(db: Db, applicationId: number): Attachment[] {
  const rows = db
    .prepare('SELECT * FROM attachments WHERE application_id = ? ORDER BY material_id, position, id')
    .all(applicationId) as AttachmentRow[];
  return rows.map(fromRow);
}

export function getAttachment(db: Db, id: number): Attachment | undefined {
  const row = db.prepare('SELECT * FROM attachments WHERE id = ?').get(id) as AttachmentRow | undefined;
  return row && fromRow(row);
}

/** Appends the file at the end of its material's list. */
export function insertAttachment(db: Db, a: NewAttachment, now: string): Attachment {
  const { next } = db
    .prepare(
      'SELECT coalesce(max(position), 0) + 1 AS next FROM attachments WHERE application_id = ? AND material_id = ?',
    )
    .get(a.applicationId, a.materialId) as { next: number };
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO attachments (application_id, material_id, position, original_name, sha256, size, media_type,
         page_count, created_at, content_notices)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      a.applicationId,
      a.materialId,
      next,
      a.originalName,
      a.sha256,
      a.size,
      a.mediaType,
      a.pageCount,
      now,
      JSON.stringify(a.notices ?? []),
    );
  return getAttachment(db, Number(lastInsertRowid))!;
}

/** The clerk's switch: print this file's review markup, or leave it out (the default). */
export function setKeepMarkup(db: Db, id: number, keep: boolean): void {
  db.prepare('UPDATE attachments SET keep_markup = ? WHERE id = ?').run(keep ? 1 : 0, id);
}

export function deleteAttachment(db: Db, id: number): boolean {
  return db.prepare('DELETE FROM attachments WHERE id = ?').run(id).changes > 0;
}

/** Every stored file some row still points at (attachments, submitted dossiers): what the file store must keep. */
export function referencedHashes(db: Db): Set<string> {
  const rows = db.prepare('SELECT DISTINCT sha256 FROM attachments').all() as { sha256: string }[];
  return new Set([...rows.map((r) => r.sha256), ...submittedHashes(db)]);
}

/** The name of a file with this content already attached to the material, if any. */
export function sameContentName(db: Db, applicationId: number, materialId: string, sha256: string): string | undefined {
  const row = db
    .prepare(
      'SELECT original_name FROM attachments WHERE application_id = ? AND material_id = ? AND sha256 = ? LIMIT 1',
    )
    .get(applicationId, materialId, sha256) as { original_name: string } | undefined;
  return row?.original_name;
}

/** Every attachment's file name and content hash, in the order they were added (to find files a store lost). */
export function attachedFiles(db: Db): { originalName: string; sha256: string }[] {
  const rows = db.prepare('SELECT original_name, sha256 FROM attachments ORDER BY id').all() as Pick<
    AttachmentRow,
    'original_name' | 'sha256'
  >[];
  return rows.map((r) => ({ originalName: r.original_name, sha256: r.sha256 }));
}
