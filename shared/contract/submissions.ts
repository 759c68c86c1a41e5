/**
 * After printing, the job goes on: 标记为已递交 freezes the printed dossier (its PDF and page map are kept); after a
 * later edit, the reprint plan says which sheets changed, why, and which seals to stamp again, and a PDF of just
 * those sheets is made.
 *
 *   submission:mark        {applicationId, jobId, note?} → Submission   (the finished dossier of job `jobId`)
 *   submission:get         {applicationId}               → {submission: Submission | null}
 *   submission:unmark      {applicationId}               → {removed: boolean}
 *   submission:reprintPlan {applicationId, jobId}        → ReprintPlan  (the frozen dossier against job `jobId`'s)
 *   submission:reprintPdf  {applicationId, jobId}        → {path, sheets}: the sheets to reprint as one PDF, in the
 *       data folder (the shell's `reprint:saveAs` copies it where the clerk chooses).
 */
import { z } from 'zod';
import { jobId } from './dossier.ts';
import { fileName } from './saved-files.ts';
import { recordId } from './schemas.ts';

export const submission = z.object({
  applicationId: recordId,
  /** ISO time the clerk marked it. */
  submittedAt: z.string(),
  /** The frozen dossier PDF in the file store. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  pages: z.number().int().min(0),
  sheets: z.number().int().min(0),
  duplex: z.boolean(),
  note: z.string(),
});

/** Why a sheet is printed again. */
export const sheetReason = z.discriminatedUnion('kind', [
  /** What is printed on it changed: the materials (titles) whose pages differ; 封面/目录 for the dossier's own. */
  z.object({ kind: z.literal('content'), parts: z.array(z.string()) }),
  /** Same pages, other printed numbers. */
  z.object({ kind: z.literal('numbers') }),
  /** The 盖章处 or 骑缝章 marks printed on it moved or appeared. */
  z.object({ kind: z.literal('marks') }),
  /** The dossier has more sheets now: this one is new. */
  z.object({ kind: z.literal('added') }),
]);

export const reprintSheet = z.object({
  /** The sheet in the current dossier, from 1. */
  sheet: z.number().int().min(1),
  /** Its physical pages in the current dossier (front, then back in duplex). */
  pages: z.array(z.number().int().min(1)),
  /** The printed numbers on it (blank pages have none). */
  numbers: z.array(z.number().int().min(1)),
  reasons: z.array(sheetReason),
  /** Printed page numbers on this sheet that take the 公章 again. */
  officialSeal: z.array(z.number().int().min(0)),
});

export const crossPageRestamp = z.object({
  title: z.string(),
  /** Every sheet of the material: the 骑缝章 is stamped across all of them, old and new together. */
  sheets: z.array(z.number().int().min(1)),
});

export const reprintPlan = z.object({
  submittedAt: z.string(),
  /** True when the current dossier prints exactly as the submitted one: nothing to do. */
  unchanged: z.boolean(),
  sheets: z.array(reprintSheet),
  /** Sheets of the submitted dossier past the end of the current one: take them out. */
  removedSheets: z.array(z.number().int().min(1)),
  crossPage: z.array(crossPageRestamp),
  /** The plan in the clerk's words, one line per run of sheets, then the seals and what to take out. */
  said: z.array(z.string()),
});

const byApplication = z.object({ applicationId: recordId });
const againstJob = byApplication.extend({ jobId });

export const submissionsContract = {
  'submission:mark': {
    input: againstJob.extend({ note: z.string().trim().max(500).default('') }).strict(),
    output: submission,
  },
  'submission:get': { input: byApplication.strict(), output: z.object({ submission: submission.nullable() }) },
  'submission:unmark': { input: byApplication.strict(), output: z.object({ removed: z.boolean() }) },
  'submission:reprintPlan': { input: againstJob.strict(), output: reprintPlan },
  'submission:reprintPdf': {
    input: againstJob.strict(),
    output: z.object({ path: z.string(), sheets: z.number().int().min(0) }),
  },
} as const;

/**
 * The shell's part: `reprint:saveAs` makes the reprint PDF (`submission:reprintPdf`) and copies it where the clerk
 * chooses in the save dialog (`suggestedName` proposed, `.pdf` added); `savedFile:open`/`reveal` then open it.
 * `{savedTo: null}` on cancel.
 */
export const submissionShellContract = {
  'reprint:saveAs': {
    input: againstJob.extend({ suggestedName: fileName }).strict(),
    output: z.object({ savedTo: z.string().nullable(), sheets: z.number().int().min(0) }),
  },
} as const;

export type Submission = z.output<typeof submission>;
export type SheetReason = z.output<typeof sheetReason>;
export type ReprintSheet = z.output<typeof reprintSheet>;
export type ReprintPlan = z.output<typeof reprintPlan>;
