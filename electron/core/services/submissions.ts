/**
 * 标记为已递交 and what follows (see `shared/contract/submissions.ts`): the finished dossier the clerk printed is kept
 * (its PDF in the file store, its page map and snapshot in `submissions`); later, a newer dossier of the same
 * application is compared with it sheet by sheet, and the sheets to reprint are written as one PDF.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { CoreHandlers } from '#shared/contract/index.ts';
import type { ReprintPlan, Submission } from '#shared/contract/submissions.ts';
import { sealPlan } from '#shared/dossier/seal-plan.ts';
import { UserFacingError } from '#shared/errors.ts';
import { orNotFound } from '#shared/not-found.ts';
import { getApplication } from '../db/queries/applications.ts';
import { deleteSubmission, getSubmission, saveSubmission, type SubmissionRow } from '../db/queries/submissions.ts';
import { runQpdf } from '../dossier/qpdf.ts';
import { reprintPlan, type DossierSnapshot } from '../dossier/reprint-plan.ts';
import { renameDurably } from '../safety/atomic-output.ts';
import { profileOf } from './checks.ts';
import type { FinishedDossier, FinishedDossiers } from './finished-dossiers.ts';
import type { ServiceContext } from './index.ts';

export type SubmissionChannel =
  'submission:mark' | 'submission:get' | 'submission:unmark' | 'submission:reprintPlan' | 'submission:reprintPdf';

/** Where the reprint PDF of an application is written (the shell's 另存为 copies it from here). */
export function reprintPath(dataDir: string, applicationId: number): string {
  return path.join(dataDir, 'reprints', String(applicationId), 'reprint.pdf');
}

function submissionOf(row: SubmissionRow): Submission {
  const snapshot = JSON.parse(row.snapshot) as DossierSnapshot;
  const sheets = new Set(snapshot.pages.map((p) => (snapshot.duplex ? Math.ceil(p.physical / 2) : p.physical)));
  const { applicationId, submittedAt, sha256, pages, note } = row;
  return { applicationId, submittedAt, sha256, pages, sheets: sheets.size, duplex: snapshot.duplex, note };
}

function notSubmitted(): UserFacingError {
  return new UserFacingError('not-submitted', '这个申报项目还没有标记为已递交。请先打印卷宗并点「标记为已递交」。');
}

/** The finished dossier of `jobId`, which must be this application's. */
function finishedOf(finished: FinishedDossiers, jobId: string, applicationId: number): FinishedDossier {
  const dossier = finished.get(jobId);
  if (!dossier || dossier.applicationId !== applicationId) {
    throw new UserFacingError(
      'dossier-not-ready',
      '没有找到这个项目刚生成的卷宗（可能还在生成，或已被重新生成）。请先点「生成卷宗」，等生成完成后再试。',
    );
  }
  return dossier;
}

/** The frozen dossier against the finished one of `jobId`. */
function planAgainst(ctx: ServiceContext, finished: FinishedDossiers, applicationId: number, jobId: string) {
  const row = getSubmission(ctx.db, applicationId);
  if (!row) throw notSubmitted();
  const current = finishedOf(finished, jobId, applicationId);
  const application = orNotFound(getApplication(ctx.db, applicationId), '申报项目', applicationId);
  const rules = Object.fromEntries(profileOf(ctx.dataDir, application.profileId).materials.map((m) => [m.id, m.seal]));
  const seals = sealPlan(current.pageMap, { duplex: current.snapshot.duplex }, rules);
  const frozen = JSON.parse(row.snapshot) as DossierSnapshot;
  return { plan: reprintPlan(frozen, current.snapshot, seals, row.submittedAt), current };
}

/** qpdf page ranges for these physical pages: `9-10,13-14`. */
export function pageRanges(pages: number[]): string {
  const runs: [number, number][] = [];
  for (const page of [...pages].sort((a, b) => a - b)) {
    const last = runs.at(-1);
    if (last && page === last[1] + 1) last[1] = page;
    else runs.push([page, page]);
  }
  return runs.map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`)).join(',');
}

/**
 * Writes the plan's sheets, both sides each in duplex (so a two-sided print of the file keeps fronts on fronts),
 * from the current dossier into `target`: through a temporary file beside it, renamed only when qpdf succeeded.
 */
export async function writeReprintPdf(dossierPdf: string, plan: ReprintPlan, target: string): Promise<void> {
  const dir = path.dirname(target);
  await mkdir(dir, { recursive: true });
  const temp = `.reprint-${randomUUID()}.pdf`;
  const ranges = pageRanges(plan.sheets.flatMap((s) => s.pages));
  const result = await runQpdf(dossierPdf, ['--empty', '--pages', 'IN', ranges, '--', `OUT/${temp}`], dir);
  if (result.code !== 0 && result.code !== 3) {
    await rm(path.join(dir, temp), { force: true });
    throw new UserFacingError(
      'reprint-failed',
      '补打 PDF 没有生成成功。请重新生成卷宗后再试；仍不行请把日志发给技术支持。',
    );
  }
  await renameDurably(path.join(dir, temp), target);
}

export function submissionHandlers(
  ctx: ServiceContext,
  finished: FinishedDossiers,
): Pick<CoreHandlers, SubmissionChannel> {
  const { db } = ctx;
  return {
    'submission:mark': async ({ applicationId, jobId, note }) => {
      const dossier = finishedOf(finished, jobId, applicationId);
      const { sha256 } = await ctx.store.putFile(dossier.pdf);
      const row: SubmissionRow = {
        applicationId,
        submittedAt: ctx.now(),
        sha256,
        pages: dossier.pageMap.pages,
        pageMap: JSON.stringify(dossier.pageMap),
        snapshot: JSON.stringify(dossier.snapshot),
        note,
      };
      saveSubmission(db, row);
      return submissionOf(row);
    },
    'submission:get': ({ applicationId }) => {
      orNotFound(getApplication(db, applicationId), '申报项目', applicationId);
      const row = getSubmission(db, applicationId);
      return { submission: row ? submissionOf(row) : null };
    },
    'submission:unmark': ({ applicationId }) => ({ removed: deleteSubmission(db, applicationId) }),
    'submission:reprintPlan': ({ applicationId, jobId }) => planAgainst(ctx, finished, applicationId, jobId).plan,
    'submission:reprintPdf': async ({ applicationId, jobId }) => {
      const { plan, current } = planAgainst(ctx, finished, applicationId, jobId);
      if (plan.sheets.length === 0)
        throw new UserFacingError('nothing-to-reprint', '递交后的改动不影响任何一张纸：不需要补打。');
      const target = reprintPath(ctx.dataDir, applicationId);
      await writeReprintPdf(current.pdf, plan, target);
      return { path: target, sheets: plan.sheets.length };
    },
  };
}
