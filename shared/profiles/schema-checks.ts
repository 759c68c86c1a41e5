/**
 * The checks of a v2 profile that span fields: unique ids, ordered periods, soft caps under hard caps, and
 * references (a question id, a material id) that name something the profile has.
 */
import type { z } from 'zod';
import { profileObject, type Period, type Profile } from './schema.ts';

type RefineContext = z.core.$RefinementCtx<Profile>;
type Path = (string | number)[];

function requireUnique(ids: string[], path: Path, ctx: RefineContext): void {
  ids.forEach((id, index) => {
    if (ids.indexOf(id) !== index)
      ctx.addIssue({ code: 'custom', path: [...path, index, 'id'], message: `id “${id}” 重复` });
  });
}

function requireOrdered(p: Period | undefined, path: Path, ctx: RefineContext): void {
  if (p && p.from.slice(0, 10) > p.to.slice(0, 10))
    ctx.addIssue({ code: 'custom', path, message: '开始日期晚于结束日期' });
}

function requireKnown(ref: string | undefined, known: Set<string>, path: Path, ctx: RefineContext): void {
  if (ref !== undefined && !known.has(ref))
    ctx.addIssue({ code: 'custom', path, message: `“${ref}”不是本方案中的条件或材料 id` });
}

function checkTracks(p: Profile, questions: Set<string>, ctx: RefineContext): void {
  requireUnique(
    p.tracks.map((t) => t.id),
    ['tracks'],
    ctx,
  );
  p.tracks.forEach((track, t) => {
    requireKnown(track.claimants?.answeredYes, questions, ['tracks', t, 'claimants', 'answeredYes'], ctx);
    track.rateChanges?.forEach((change, c) =>
      requireKnown(change.appliesTo.answeredYes, questions, ['tracks', t, 'rateChanges', c, 'appliesTo'], ctx),
    );
    for (const scope of ['company-year', 'project', 'track'] as const) {
      const soft = track.caps.find((c) => c.scope === scope && c.kind === 'soft');
      const hard = track.caps.find((c) => c.scope === scope && c.kind === 'hard');
      if (soft && hard && soft.yuan > hard.yuan) {
        ctx.addIssue({ code: 'custom', path: ['tracks', t, 'caps'], message: '原则上限不能高于最高限额' });
      }
    }
    if (track.costPeriod && 'from' in track.costPeriod)
      requireOrdered(track.costPeriod, ['tracks', t, 'costPeriod'], ctx);
  });
}

/** The v2 schema with the checks that span fields. */
export const profileSchema = profileObject.superRefine((p, ctx) => {
  const questions = new Set(p.conditions.map((c) => c.id));
  const materials = new Set(p.materials.map((m) => m.id));
  requireUnique(
    p.materials.map((m) => m.id),
    ['materials'],
    ctx,
  );
  requireUnique(
    p.conditions.map((c) => c.id),
    ['conditions'],
    ctx,
  );
  requireUnique(
    p.agreements.map((a) => a.id),
    ['agreements'],
    ctx,
  );
  checkTracks(p, questions, ctx);
  p.agreements.forEach((a, i) => requireOrdered(a.servicePeriod, ['agreements', i, 'servicePeriod'], ctx));
  requireOrdered(p.dates.onlineFiling, ['dates', 'onlineFiling'], ctx);
  requireOrdered(p.dates.paperFiling, ['dates', 'paperFiling'], ctx);
  if (Array.isArray(p.paper.sizeExceptions))
    p.paper.sizeExceptions.forEach((m, i) => requireKnown(m, materials, ['paper', 'sizeExceptions', i], ctx));
  p.conditions.forEach((c, i) =>
    requireKnown(c.appliesTo?.answeredYes, questions, ['conditions', i, 'appliesTo'], ctx),
  );
});
