/**
 * What a `.juanzong` archive says about its application: the rows of every table that belongs to it, as stored
 * (column names and values), so an import writes back the same rows. Ids are the exporter's; the importer maps them.
 */
import { z } from 'zod';
import type { Db } from '../db/connection.ts';
import { readApplicationRows } from '../db/queries/application-rows.ts';
import { schemaVersion } from '../db/queries/database-file.ts';
import { storedSubmissionRows } from '../db/queries/submissions.ts';

export const archiveFormat = 'juanzong-archive';
export const archiveFormatVersion = 1;

const cell = z.union([z.string(), z.number(), z.null()]);
const row = z.record(z.string().regex(/^[a-z_][a-z0-9_]*$/), cell);
export type Row = z.infer<typeof row>;

export const archiveManifest = z.object({
  format: z.literal(archiveFormat),
  formatVersion: z.literal(archiveFormatVersion),
  schemaVersion: z.number().int().positive(),
  exportedAt: z.string(),
  applicant: row,
  application: row,
  contracts: z.array(row).max(10),
  costs: z.array(row).max(10_000),
  answers: z.array(row).max(10_000),
  materialStates: z.array(row).max(10_000),
  attachments: z.array(row).max(5_000),
  pageTurns: z.array(row).max(100_000),
  /** The clerk's leave-out / keep choices per page (absent from archives made before they existed). */
  pageDecisions: z.array(row).max(100_000).default([]),
  /** The automatic fixes the clerk turned off per file (absent from archives made before they existed). */
  fileFixesOff: z.array(row).max(20_000).default([]),
  /** The order the clerk put each file's pages in (absent from archives made before it existed). */
  pageOrders: z.array(row).max(5_000).default([]),
  /** The dossier as handed in (标记为已递交), at most one (absent from archives made before it existed). */
  submissions: z.array(row).max(1).default([]),
});
export type ArchiveManifest = z.infer<typeof archiveManifest>;

/** Reads every row of one application. */
export function collectApplicationRows(
  db: Db,
  applicationId: number,
): Omit<ArchiveManifest, 'format' | 'formatVersion' | 'exportedAt'> {
  const { applicant, application, owned, pageTurns, pageDecisions, fileFixesOff, pageOrders } = readApplicationRows(
    db,
    applicationId,
  );
  return {
    schemaVersion: schemaVersion(db),
    applicant,
    application,
    contracts: owned.contracts,
    costs: owned.costs,
    answers: owned.answers,
    materialStates: owned.material_states,
    attachments: owned.attachments,
    pageTurns,
    pageDecisions,
    fileFixesOff,
    pageOrders,
    submissions: storedSubmissionRows(db, applicationId),
  };
}
