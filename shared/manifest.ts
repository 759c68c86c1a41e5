/**
 * The manifest: one application as a JSON file, read by `juanzong check` and `juanzong assemble`.
 * File paths are relative to the manifest's folder. Dates are `YYYY-MM-DD`, money in yuan.
 */
import { z } from 'zod';
import { visibleText } from './contract/visible-text.ts';

/** A calendar date written `YYYY-MM-DD` that exists (no 2025-02-30). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期须写成 YYYY-MM-DD，例如 2025-10-13')
  .refine(isRealDate, '没有这一天，请核对日期');

function isRealDate(text: string): boolean {
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** An amount in yuan with at most two decimals (fen), never negative. */
export const yuan = z
  .number()
  .nonnegative('金额不能为负数')
  .refine((n) => Number.isFinite(n) && Math.abs(Math.round(n * 100) - n * 100) < 1e-6, '金额最多保留两位小数（分）');

export const applicantKinds = ['enterprise', 'institution', 'association', 'other'] as const;
export const deploymentKinds = ['cloud', 'private', 'api', 'edge', 'other'] as const;
export const answers = ['yes', 'no', 'unsure'] as const;
export const quarterTurns = [0, 90, 180, 270] as const;

export const manifestApplicant = z.object({
  name: visibleText(z.string().min(1, '请填写申报单位名称'), '申报单位名称'),
  creditCode: visibleText(z.string(), '统一社会信用代码'),
  kind: z.enum(applicantKinds).optional(),
  registeredIn: z.string().optional(),
  established: isoDate.optional(),
  /** Figures a profile's thresholds read: last year's revenue (yuan), employees, shares in percent by name. */
  facts: z
    .object({
      revenueYuan: z.number().nonnegative().optional(),
      employees: z.number().int().nonnegative().optional(),
      shares: z.record(z.string(), z.number().min(0).max(100)).optional(),
    })
    .optional(),
  contact: z.string().optional(),
  phone: z.string().optional(),
  address: z.string().optional(),
});

const pageTurns = z.record(
  z.string().regex(/^\d+$/, '页码须是数字，从 1 起'),
  z.union(quarterTurns.map((t) => z.literal(t))),
);
const pageNumbers = z.array(z.number().int().positive('页码从 1 起'));
const autoOrNone = z.enum(['auto', 'none']);

/**
 * The clerk's choices for single pages of a file (page numbers 1-based); each wins over what the inspection
 * proposes. `skip` leaves pages out, `keep` keeps pages the inspection took for blank, `rotate` turns pages
 * clockwise; `crop` (photos), `split` (tall pages), `straighten` and `reduce` say whether the inspection's proposal
 * of that kind is applied to this file. `order` lists every page of the file once, in the order the dossier prints
 * them (e.g. `[3, 1, 2]`); the other choices keep naming pages by their number in the file.
 */
export const manifestPages = z.object({
  skip: pageNumbers.optional(),
  keep: pageNumbers.optional(),
  rotate: pageTurns.optional(),
  crop: autoOrNone.optional(),
  split: autoOrNone.optional(),
  straighten: autoOrNone.optional(),
  reduce: autoOrNone.optional(),
  order: pageNumbers.optional(),
});

/** One input file of a material; `rotate` turns single pages clockwise before they are laid on A4. */
export const manifestFile = z.union([
  z.string().min(1),
  z.object({
    path: z.string().min(1),
    rotate: pageTurns.optional(),
    pages: manifestPages.optional(),
    /** Print the file's review markup (highlights, sticky notes, ink…), left out by default. */
    keepMarkup: z.boolean().optional(),
  }),
]);

export const manifestMaterial = z.object({
  id: z.string().min(1),
  files: z.array(manifestFile).optional(),
  notApplicable: z.boolean().optional(),
  exempt: z.string().min(1).optional(),
  reason: z.string().optional(),
  /** The applicant's name as this material shows it, when the clerk noted it; checked against `applicant.name`. */
  applicantName: z.string().optional(),
  /** The credit code as this material shows it; checked against `applicant.creditCode`. */
  applicantCreditCode: z.string().optional(),
});

export const dossierOptions = z.object({
  duplex: z.boolean().default(true),
  sealMarkers: z.boolean().default(true),
  /** "— 3 —" (GB/T 9704 style) or a bare "3". */
  numberStyle: z.enum(['dash', 'plain']).default('dash'),
  /** A page that shows landscape: scaled to fit upright, or turned a quarter to fill the sheet. */
  landscape: z.enum(['fit', 'turn']).default('fit'),
  /** Where the 公章 mark sits on the cover and each material's first page. */
  sealPosition: z
    .enum(['bottom-right', 'bottom-left', 'top-right', 'top-left', 'middle-right'])
    .default('bottom-right'),
  /** The date printed on the cover; today when absent. */
  date: isoDate.optional(),
  /** Apply what the inspection of every page proposes (leave out blank backs, turn, straighten, crop, split, reduce). */
  autoFix: z.boolean().default(true),
});

/**
 * The service contract. A question not answered yet (`providerListed`, `relatedParty`) or a date not filled in yet
 * is left out: the check then asks for it instead of judging a blank.
 */
export const manifestContract = z.object({
  provider: z.string(),
  providerListed: z.boolean().optional(),
  relatedParty: z.boolean().optional(),
  model: z.string(),
  modelFiling: z.string(),
  signedOn: isoDate.optional(),
  serviceFrom: isoDate.optional(),
  serviceTo: isoDate.optional(),
  deployment: z.enum(deploymentKinds).optional(),
  /** Answers to the profile's related-party questions (EIT Regulations art. 109), by question id. */
  relatedPartyAnswers: z.record(z.string(), z.enum(answers)).optional(),
  /** The customer (甲方) as the contract names it; checked against the applicant. */
  customerName: z.string().optional(),
  customerCreditCode: z.string().optional(),
});

/** One cost line; `paidOn` left out while the payment date is not known (the line is then not counted yet). */
export const manifestCost = z.object({
  kind: z.string().min(1),
  amount: yuan,
  paidOn: isoDate.optional(),
  note: z.string().optional(),
});

export const manifest = z.object({
  profile: z.string().min(1),
  applicant: manifestApplicant,
  options: dossierOptions.default(dossierOptions.parse({})),
  materials: z.array(manifestMaterial),
  contract: manifestContract.optional(),
  costs: z.array(manifestCost).optional(),
  conditions: z.record(z.string(), z.enum(answers)).optional(),
  /** Dates of events a profile counts periods from (e.g. `first-contract`: the first sales contract), by id. */
  events: z.record(z.string(), isoDate).optional(),
});

export type Manifest = z.output<typeof manifest>;
export type ManifestInput = z.input<typeof manifest>;
export type ManifestMaterial = z.output<typeof manifestMaterial>;
export type ManifestFile = z.output<typeof manifestFile>;
export type ManifestPages = z.output<typeof manifestPages>;
export type DossierOptions = z.output<typeof dossierOptions>;
export type ManifestContract = z.output<typeof manifestContract>;
export type ManifestCost = z.output<typeof manifestCost>;
