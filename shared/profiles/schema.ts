/**
 * The zod schema of a programme profile, format v2: one guide (申请指南) of the bureau's template written as data —
 * funding tracks, typed conditions, agreements, materials with their form, paper rules and the programme's words.
 * A v1 file still imports: `v1-to-v2.ts` converts it. Optional fields stay absent when the guide does not say.
 */
import { z } from 'zod';
import { applicantKinds } from '../manifest.ts';
import { isLocalDateTime } from '../rules/calendar.ts';

/** A real wall-clock time in Asia/Shanghai: `YYYY-MM-DD` (the whole day) or `YYYY-MM-DDTHH:mm`. */
export const localDateTime = z
  .string()
  .refine(isLocalDateTime, '须是真实的日期，写成“年-月-日”或“年-月-日T时:分”，如 2025-10-27 或 2025-10-27T18:00');

/** Words copied from the guide, so every rule can be traced back to the sentence that states it. */
const quote = z.string().min(1, '请摘录指南原文');
const text = z.string().min(1);
const id = z.string().regex(/^[a-z0-9-]+$/, 'id 只用小写字母、数字和连字符');

/** An inclusive period; a bare date as `to` means the end of that day. */
export const period = z.strictObject({
  from: localDateTime,
  to: localDateTime,
  /** The guide counts in working days (工作日) here: shown to the clerk, the dates stay as written. */
  workingDays: z.boolean().optional(),
});

/** A period counted from an event: "首次销售合同及其一年内", "指南发布之日起6个月内". */
export const relativePeriod = z.strictObject({
  /** The event, an id the manifest gives a date for (`first-contract`) or a profile date (`guide-published`). */
  event: id,
  eventLabel: text,
  /** Months after the event the period starts (0: the event's day) and ends. */
  fromMonths: z.number().int().min(0),
  toMonths: z.number().int().positive(),
  quote,
});

/** Where a date must fall: fixed dates, or a span after an event. */
export const datedWindow = z.union([period, relativePeriod]);

export const fileKinds = ['pdf', 'jpg', 'png', 'tiff'] as const;
export const applicantFacts = ['yearsEstablished', 'revenueYuan', 'employees', 'share'] as const;
export const comparisons = ['>=', '>', '<=', '<'] as const;

/** Who a rule applies to: a kind of applicant, or a yes to one of the profile's questions (a start-up, say). */
export const appliesTo = z.strictObject({
  applicantKinds: z.array(z.enum(applicantKinds)).min(1).optional(),
  /** The id of a question condition answered "yes". */
  answeredYes: id.optional(),
});

const exemption = z.strictObject({ id, label: text, quote });

/** Whether a material must be in the dossier, and what lets the clerk leave it out. */
export const requirement = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('required') }),
  z.strictObject({ kind: z.literal('exemptible'), exemptions: z.array(exemption).min(1) }),
  z.strictObject({ kind: z.literal('conditional'), when: text, quote, appliesTo: appliesTo.optional() }),
]);

/** What the paper of a material must be: original, a copy, or a copy checked against the original. */
export const materialForm = z.strictObject({
  kind: z.enum(['original', 'copy', 'verified-copy']),
  signedBy: z.array(text).min(1).optional(),
  copies: z.number().int().positive().optional(),
  spineText: text.optional(),
  /** A foreign-language document needs a Chinese translation. */
  translationIfForeign: z.boolean().optional(),
  /** The material is a list built from other data (e.g. "合同清单" from the contracts). */
  derivedFrom: text.optional(),
  quote,
});

export const material = z.strictObject({
  id,
  group: z.enum(['common', 'special']),
  title: text,
  quote,
  description: text,
  source: text,
  requirement,
  fileKinds: z.array(z.enum(fileKinds)).min(1),
  seal: z.strictObject({ official: z.boolean(), crossPageWhenMultiPage: z.boolean() }),
  help: text,
  electronicCopy: z.boolean().optional(),
  form: materialForm.optional(),
});

/** Where a yes/no condition's answer comes from: the clerk, or a field the agreement rules already check. */
export const conditionAnswerSources = [
  'question',
  'contract.providerListed',
  'contract.serviceWindow',
  'contract.relatedParty',
] as const;

/** How a condition is tested: a yes/no question, a number about the applicant, or a date inside a window. */
export const conditionTest = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('question'), question: text, answeredBy: z.enum(conditionAnswerSources) }),
  z.strictObject({
    kind: z.literal('threshold'),
    fact: z.enum(applicantFacts),
    /** For `share`: which share (e.g. `software-revenue`), as the manifest names it. */
    shareOf: id.optional(),
    label: text,
    compare: z.enum(comparisons),
    value: z.number().nonnegative(),
    unit: text,
  }),
  z.strictObject({
    kind: z.literal('dated'),
    /** The manifest's event whose date is judged (e.g. `first-contract`), and how the clerk calls it. */
    subject: id,
    subjectLabel: text,
    window: datedWindow,
  }),
]);

export const condition = z.strictObject({
  id,
  group: z.enum(['basic', 'special']),
  number: text,
  quote,
  /** The question or the sentence shown to the clerk. */
  question: text,
  noMeans: text,
  mandatory: z.boolean(),
  test: conditionTest,
  appliesTo: appliesTo.optional(),
});

const cap = z.strictObject({
  yuan: z.number().int().positive(),
  scope: z.enum(['company-year', 'project', 'track']),
  /** Soft: "原则上不超过" — a warning above it; hard: "最高" — the amount is cut to it. */
  kind: z.enum(['soft', 'hard']),
  quote,
});

const costKind = z.strictObject({ id, label: text });

/** One way of being funded: who claims it, on what base, at what rate, up to what caps. */
export const track = z.strictObject({
  id,
  label: text,
  mode: text,
  claimants: appliesTo.optional(),
  base: z.enum(['contract-amount', 'eligible-costs', 'sales', 'investment']),
  ratePercent: z.number().positive().max(100),
  rateChanges: z.array(z.strictObject({ appliesTo, ratePercent: z.number().positive().max(100), quote })).optional(),
  caps: z.array(cap),
  eligibleCostKinds: z.array(costKind).min(1).optional(),
  /** Costs count when paid inside this window. */
  costPeriod: datedWindow.optional(),
  budgetNote: text.optional(),
  quote,
});

export const relatedPartyQuestion = z.strictObject({ id, criterion: text, question: text });

/** An agreement the application rests on; the model-service contract is one kind. */
export const agreement = z.strictObject({
  id,
  kind: z.enum(['model-service', 'sales', 'other']),
  label: text,
  roles: z.strictObject({ applicant: text, counterparty: text }),
  requireListedProvider: z.boolean(),
  forbidRelatedParty: z.boolean(),
  requireModelFiling: z.boolean(),
  relatedPartyBasis: text.optional(),
  relatedPartyQuestions: z.array(relatedPartyQuestion),
  servicePeriod: period.optional(),
  quote: quote.optional(),
});

export const region = z.strictObject({
  label: text,
  names: z.array(text).min(1),
  districts: z.array(text),
  creditCodeRegionPrefixes: z.array(z.string().regex(/^\d{2,6}$/)).min(1),
  creditCodeUndecidedPrefixes: z.array(z.string().regex(/^\d{2,6}$/)),
});

export const applicantRules = z.strictObject({ acceptedKinds: z.array(z.enum(applicantKinds)).min(1), region, quote });

export const dates = z.strictObject({
  timeZone: z.literal('Asia/Shanghai'),
  utcOffset: z.literal('+08:00'),
  onlineFiling: period,
  paperFiling: period,
  guidePublished: localDateTime.optional(),
  resultValidUntil: localDateTime.optional(),
  reviewWorkingDays: z.number().int().positive().optional(),
});

export const paperSizes = ['A4', 'A3', 'B5', 'letter'] as const;
export type PaperSize = (typeof paperSizes)[number];

/** How the bound dossier is made: these drive the page plan. */
export const paper = z.strictObject({
  size: z.enum(paperSizes),
  /** Materials that may keep another size ("A4纸（特殊规定的除外）"): their ids, or all when `any`. */
  sizeExceptions: z.union([z.literal('any'), z.array(id)]).optional(),
  duplex: z.boolean(),
  copies: z.number().int().positive(),
  numbering: z.strictObject({
    continuous: z.boolean(),
    skipBlank: z.boolean(),
    cover: z.boolean(),
    contents: z.boolean(),
  }),
  officialSealOnCover: z.boolean(),
  sealEveryMaterial: z.boolean(),
  crossPageSealWhenMultiPage: z.boolean(),
  binding: z.enum(['perfect', 'staple', 'none']),
  quote,
});

/** Every word the clerk reads about the programme. */
export const words = z.strictObject({
  /** The programme's short name: 模型券, 训力券, 首版次软件推广应用. */
  programme: text,
  /** What the money is called: 模型券 (a voucher), 资助, 奖励. */
  grant: text,
  /** What the counted costs are called: 模型购买费用, 项目总投资. */
  cost: text,
  /** Where the online filing is done. */
  onlineSystem: text.optional(),
  /** The submission sentences shown when paper filing is open. */
  submission: z.array(text).optional(),
});

const phone = z.strictObject({ purpose: text, number: text });

export const submission = z.strictObject({
  authority: text,
  window: text.optional(),
  appointment: z.strictObject({ app: text, steps: z.array(text).min(1), note: z.string() }).optional(),
  phones: z.array(phone).optional(),
  onlineRoute: z.array(text).optional(),
  process: z.array(text).optional(),
});

export const traceEntry = z.strictObject({ quote, encodedAt: z.array(text).min(1) });

export const profileObject = z.strictObject({
  schemaVersion: z.literal(2),
  id: z.string().regex(/^[a-z0-9-]+$/, '方案 id 只用小写字母、数字和连字符'),
  title: text,
  guideTitle: text,
  issuer: text,
  basis: z.array(text).min(1),
  year: z.number().int().min(2000).max(2100),
  words,
  applicant: applicantRules,
  tracks: z.array(track).min(1),
  conditions: z.array(condition),
  agreements: z.array(agreement),
  materials: z.array(material).min(1),
  paper,
  dates,
  submission,
  sharedContacts: z.strictObject({ forbidWithinYear: z.boolean(), quote }).optional(),
  trace: z.array(traceEntry).min(1),
});

/** A programme profile: the guide as data. */
export type Profile = z.output<typeof profileObject>;
export type ProfileMaterial = z.output<typeof material>;
export type ProfileCondition = z.output<typeof condition>;
export type ProfileTrack = z.output<typeof track>;
export type ProfileAgreement = z.output<typeof agreement>;
export type AppliesTo = z.output<typeof appliesTo>;
export type Period = z.output<typeof period>;
export type RelativePeriod = z.output<typeof relativePeriod>;
export type DatedWindow = z.output<typeof datedWindow>;
