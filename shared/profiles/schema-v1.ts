/**
 * The zod schema of a programme profile: one guide (申请指南) written as data. Next year's voucher, or a sibling
 * programme of the same plan, is a new JSON file that passes this schema — not new code.
 */
import { z } from 'zod';
import { applicantKinds } from '../manifest.ts';

/** A wall-clock time in Asia/Shanghai: `YYYY-MM-DD` (the whole day) or `YYYY-MM-DDTHH:mm`. */
export const localDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/, '日期须写成 YYYY-MM-DD 或 YYYY-MM-DDTHH:mm');

/** Words copied from the guide, so every rule can be traced back to the sentence that states it. */
const quote = z.string().min(1, '请摘录指南原文');

/** An inclusive period; a bare date as `to` means the end of that day. */
export const period = z.strictObject({ from: localDateTime, to: localDateTime });

export const fileKinds = ['pdf', 'jpg', 'png', 'tiff'] as const;

const exemption = z.strictObject({ id: z.string().min(1), label: z.string().min(1), quote });

/** Whether a material must be in the dossier, and what lets the clerk leave it out. */
export const requirement = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('required') }),
  /** Required unless one of the exemptions applies; the clerk marks it exempt and says which. */
  z.strictObject({ kind: z.literal('exemptible'), exemptions: z.array(exemption).min(1) }),
  /** Required only when `when` holds; otherwise the clerk marks it not applicable with a reason. */
  z.strictObject({ kind: z.literal('conditional'), when: z.string().min(1), quote }),
]);

export const material = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, '材料 id 只用小写字母、数字和连字符'),
  group: z.enum(['common', 'special']),
  /** The title as the guide words it. */
  title: z.string().min(1),
  quote,
  /** What it is and where to get it. */
  description: z.string().min(1),
  source: z.string().min(1),
  requirement,
  fileKinds: z.array(z.enum(fileKinds)).min(1),
  seal: z.strictObject({ official: z.boolean(), crossPageWhenMultiPage: z.boolean() }),
  help: z.string().min(1),
  /**
   * The guide asks for an electronic copy of this material too (a signed credit report, say): the card then tells
   * the clerk to hand in the signed or attached file separately, since the paper copy cannot carry it.
   */
  electronicCopy: z.boolean().optional(),
});

/** Where a condition's answer comes from: the clerk's yes/no, or a field the contract rules already check. */
export const conditionAnswerSources = [
  'question',
  'contract.providerListed',
  'contract.serviceWindow',
  'contract.relatedParty',
] as const;

export const condition = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  group: z.enum(['basic', 'special']),
  /** The guide's numbering, e.g. 基础条件（三）. */
  number: z.string().min(1),
  quote,
  question: z.string().min(1),
  /** What a "no" means for the application. */
  noMeans: z.string().min(1),
  /** A "no" to a mandatory condition is an error; to an optional one, a warning. */
  mandatory: z.boolean(),
  answeredBy: z.enum(conditionAnswerSources),
});

export const relatedPartyQuestion = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** The criterion as the law words it. */
  criterion: z.string().min(1),
  question: z.string().min(1),
});

const costKind = z.strictObject({ id: z.string().regex(/^[a-z0-9-]+$/), label: z.string().min(1) });

export const funding = z.strictObject({
  mode: z.string().min(1),
  ratePercent: z.number().positive().max(100),
  /** The yearly amount a company gets "in principle"; above it the application draws a warning. */
  softCapYuan: z.number().int().nonnegative(),
  hardCapYuan: z.number().int().positive(),
  eligibleCostKinds: z.array(costKind).min(1),
  quote,
  budgetNote: z.string().min(1),
});

export const region = z.strictObject({
  label: z.string().min(1),
  /** A registered address naming one of these is inside the region. */
  names: z.array(z.string().min(1)).min(1),
  /** Districts, so that "南山区" alone also counts. */
  districts: z.array(z.string().min(1)),
  /** Credit-code region digits (characters 3–8) that prove registration inside the region. */
  creditCodeRegionPrefixes: z.array(z.string().regex(/^\d{2,6}$/)).min(1),
  /** Region digits that say nothing either way (national registrations, areas later moved into the region). */
  creditCodeUndecidedPrefixes: z.array(z.string().regex(/^\d{2,6}$/)),
});

export const applicantRules = z.strictObject({
  acceptedKinds: z.array(z.enum(applicantKinds)).min(1),
  region,
  quote,
});

export const contractRules = z.strictObject({
  requireListedProvider: z.boolean(),
  forbidRelatedParty: z.boolean(),
  requireModelFiling: z.boolean(),
  relatedPartyBasis: z.string().min(1),
  relatedPartyQuestions: z.array(relatedPartyQuestion),
});

export const dates = z.strictObject({
  timeZone: z.literal('Asia/Shanghai'),
  utcOffset: z.literal('+08:00'),
  serviceWindow: period,
  onlineFiling: period,
  paperFiling: period,
  resultValidUntil: localDateTime,
  reviewWorkingDays: z.number().int().positive(),
});

const phone = z.strictObject({ purpose: z.string().min(1), number: z.string().min(1) });

export const submission = z.strictObject({
  paper: z.strictObject({
    paperSize: z.literal('A4'),
    duplex: z.boolean(),
    copies: z.number().int().positive(),
    sealEveryMaterial: z.boolean(),
    crossPageSealWhenMultiPage: z.boolean(),
    pageNumbers: z.strictObject({ continuous: z.boolean(), skipBlank: z.boolean(), includeCover: z.boolean() }),
    binding: z.enum(['perfect', 'staple', 'none']),
    quote,
  }),
  authority: z.string().min(1),
  window: z.string().min(1),
  appointment: z.strictObject({ app: z.string().min(1), steps: z.array(z.string().min(1)).min(1), note: z.string() }),
  phones: z.array(phone).min(1),
  onlineRoute: z.array(z.string().min(1)).min(1),
  process: z.array(z.string().min(1)),
});

/** One sentence of the guide that states a rule, and where Juanzong encodes it. */
export const traceEntry = z.strictObject({
  quote,
  /** Profile paths (`funding.ratePercent`) and rule codes (`rule:contract-outside-window`). */
  encodedAt: z.array(z.string().min(1)).min(1),
});

export const profileObject = z.strictObject({
  schemaVersion: z.literal(1),
  id: z.string().regex(/^[a-z0-9-]+$/, '方案 id 只用小写字母、数字和连字符'),
  title: z.string().min(1),
  guideTitle: z.string().min(1),
  issuer: z.string().min(1),
  basis: z.array(z.string().min(1)).min(1),
  year: z.number().int().min(2000).max(2100),
  applicant: applicantRules,
  materials: z.array(material).min(1),
  conditions: z.array(condition),
  funding,
  contract: contractRules,
  dates,
  submission,
  sharedContacts: z.strictObject({ forbidWithinYear: z.boolean(), quote }),
  trace: z.array(traceEntry).min(1),
});

/** A programme profile: the guide as data. */
export type Profile = z.output<typeof profileObject>;
export type ProfileMaterial = z.output<typeof material>;
export type ProfileCondition = z.output<typeof condition>;
export type Period = z.output<typeof period>;

type RefineContext = z.core.$RefinementCtx<z.output<typeof profileObject>>;

function requireUnique(ids: string[], path: (string | number)[], ctx: RefineContext): void {
  ids.forEach((id, index) => {
    if (ids.indexOf(id) !== index)
      ctx.addIssue({ code: 'custom', path: [...path, index, 'id'], message: `id “${id}” 重复` });
  });
}

function requireOrdered(p: Period, path: string[], ctx: RefineContext): void {
  if (p.from.slice(0, 10) > p.to.slice(0, 10)) ctx.addIssue({ code: 'custom', path, message: '开始日期晚于结束日期' });
}

/** The profile schema with the checks that span fields: unique ids, ordered periods, caps in order. */
export const profileSchema = profileObject.superRefine((p, ctx) => {
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
    p.contract.relatedPartyQuestions.map((q) => q.id),
    ['contract', 'relatedPartyQuestions'],
    ctx,
  );
  requireUnique(
    p.funding.eligibleCostKinds.map((k) => k.id),
    ['funding', 'eligibleCostKinds'],
    ctx,
  );
  requireOrdered(p.dates.serviceWindow, ['dates', 'serviceWindow'], ctx);
  requireOrdered(p.dates.onlineFiling, ['dates', 'onlineFiling'], ctx);
  requireOrdered(p.dates.paperFiling, ['dates', 'paperFiling'], ctx);
  if (p.funding.softCapYuan > p.funding.hardCapYuan) {
    ctx.addIssue({ code: 'custom', path: ['funding', 'softCapYuan'], message: '原则上限不能高于最高限额' });
  }
});
