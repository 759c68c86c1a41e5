/**
 * `pages:get`, `pages:decide` and `pages:reorder`: an attached file's pages with what the inspection found and
 * proposes, the clerk's decisions (leave out or keep, turn, the order they print in), and what the dossier will do
 * with each page (`decidePage`, the same rule the assembly applies: the clerk always wins).
 */
import type { AppliedChanges, CoreHandlers, FileFix, FilePage, FilePages } from '#shared/contract/index.ts';
import type { ManifestPages } from '#shared/manifest.ts';
import { UserFacingError } from '#shared/errors.ts';
import type { FileInspection, PageFindings } from '#shared/page-findings.ts';
import { orNotFound } from '#shared/not-found.ts';
import type { Attachment } from '#shared/contract/index.ts';
import { touchApplication } from '../db/queries/applications.ts';
import { getAttachment } from '../db/queries/attachments.ts';
import { clearTurn, getOptions, getTurns, setTurn } from '../db/queries/details.ts';
import { getFixesOff, setFixOff } from '../db/queries/file-fixes.ts';
import { getPageDecisions, setPageDecision } from '../db/queries/page-inspections.ts';
import { getPageOrder, setPageOrder } from '../db/queries/page-orders.ts';
import { isNaturalOrder, isPageOrder, naturalOrder } from '#shared/page-order.ts';
import { decidePage } from '../dossier/page-edit.ts';
import type { PageEdit, QuarterTurn } from '../dossier/types.ts';
import { describeFindings } from '../inspect/describe.ts';
import type { ServiceContext } from './index.ts';

function appliedOf(edit: PageEdit): AppliedChanges {
  return {
    ...(edit.skip ? { skip: edit.skip } : {}),
    ...(edit.turn ? { turn: edit.turn } : {}),
    ...(edit.straighten ? { straighten: edit.straighten } : {}),
    ...(edit.crop ? { crop: true as const } : {}),
    ...(edit.split ? { split: edit.split.length } : {}),
    ...(edit.reduceTo ? { reduceTo: edit.reduceTo } : {}),
  };
}

/** The fixes turned off for the whole file as the manifest's switches, e.g. `{crop: "none"}`. */
export function fixesOffAsPages(off: readonly FileFix[]): Pick<ManifestPages, FileFix> {
  return Object.fromEntries(off.map((fix) => [fix, 'none' as const]));
}

/** The page's stored ink is for the seal marks, a few KB a page: the window has no use for it. */
function withoutInk({ ink: _ink, ...findings }: PageFindings): PageFindings {
  return findings;
}

function pageCountOf(attachment: Attachment, inspection: FileInspection | undefined): number {
  return attachment.pageCount ?? (inspection?.pages.length || 1);
}

function inspectionState(ctx: ServiceContext, inspection: FileInspection | undefined): FilePages['inspection'] {
  if (inspection) return inspection.failed ? 'failed' : 'done';
  return ctx.inspections.inspects ? 'pending' : 'read-only';
}

/** The file's pages as the window shows them. */
export function readFilePages(ctx: ServiceContext, attachmentId: number): FilePages {
  const { db } = ctx;
  const attachment = orNotFound(getAttachment(db, attachmentId), '附件', attachmentId);
  const inspection = ctx.inspections.stored(attachment.sha256);
  const turns = getTurns(db, attachmentId);
  const decisions = getPageDecisions(db, attachmentId);
  const fixesOff = getFixesOff(db, attachmentId);
  const pagesWith = (d: 'skip' | 'keep') =>
    Object.keys(decisions)
      .filter((p) => decisions[p] === d)
      .map(Number);
  const choices = {
    pages: { skip: pagesWith('skip'), keep: pagesWith('keep'), rotate: turns, ...fixesOffAsPages(fixesOff) },
    turns: new Map<number, QuarterTurn>(),
    autoFix: getOptions(db, attachment.applicationId).autoFix,
  };
  const pages = Array.from({ length: pageCountOf(attachment, inspection) }, (_, i): FilePage => {
    const found = inspection?.pages[i];
    const findings = found ? withoutInk(found) : null;
    const decided = decisions[String(i + 1)];
    const turn = turns[String(i + 1)];
    return {
      page: i + 1,
      findings,
      said: findings ? describeFindings(findings) : [],
      decision: {
        ...(decided ? { skip: decided === 'skip' } : {}),
        ...(turn === undefined ? {} : { turn }),
        ...(fixesOff.length ? { fixesOff } : {}),
      },
      applied: appliedOf(decidePage(i, findings ?? undefined, choices).edit),
    };
  });
  const order = getPageOrder(db, attachmentId, pages.length) ?? naturalOrder(pages.length);
  return { attachmentId, inspection: inspectionState(ctx, inspection), pages, order };
}

function pageOutOfRange(attachment: Attachment, page: number, count: number): UserFacingError {
  return new UserFacingError(
    'page-out-of-range',
    `「${attachment.originalName}」只有 ${count} 页，没有第 ${page} 页。请刷新页面后重新选择。`,
  );
}

function notAnOrder(attachment: Attachment, count: number): UserFacingError {
  return new UserFacingError(
    'page-order-invalid',
    `「${attachment.originalName}」共 ${count} 页，新的页序须把第 1 至第 ${count} 页各列一次，不多不少。` +
      '请刷新页面后重新调整页序。',
  );
}

export function pageHandlers(ctx: ServiceContext): Pick<CoreHandlers, 'pages:get' | 'pages:decide' | 'pages:reorder'> {
  const { db, now } = ctx;
  return {
    'pages:get': ({ attachmentId }) => readFilePages(ctx, attachmentId),
    'pages:decide': ({ attachmentId, page, skip, turn, fixes = {} }) => {
      const attachment = orNotFound(getAttachment(db, attachmentId), '附件', attachmentId);
      const count = pageCountOf(attachment, ctx.inspections.stored(attachment.sha256));
      if (page > count) throw pageOutOfRange(attachment, page, count);
      db.transaction(() => {
        if (skip !== undefined) setPageDecision(db, attachmentId, page, skip === null ? null : skip ? 'skip' : 'keep');
        if (turn === null) clearTurn(db, attachmentId, page);
        else if (turn !== undefined) setTurn(db, attachmentId, page, turn);
        for (const [fix, on] of Object.entries(fixes) as [FileFix, boolean | null | undefined][])
          if (on !== undefined) setFixOff(db, attachmentId, fix, on === false);
        touchApplication(db, attachment.applicationId, now());
      }).immediate();
      return readFilePages(ctx, attachmentId);
    },
    'pages:reorder': ({ attachmentId, order }) => {
      const attachment = orNotFound(getAttachment(db, attachmentId), '附件', attachmentId);
      const count = pageCountOf(attachment, ctx.inspections.stored(attachment.sha256));
      if (order && !isPageOrder(order, count)) throw notAnOrder(attachment, count);
      db.transaction(() => {
        setPageOrder(db, attachmentId, order && !isNaturalOrder(order) ? order : null);
        touchApplication(db, attachment.applicationId, now());
      }).immediate();
      return readFilePages(ctx, attachmentId);
    },
  };
}
