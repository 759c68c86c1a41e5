/**
 * Converts a profile of format v1 (one rate, one cap pair, one model-service contract, paper fixed to the 2025
 * call) to format v2, so that a v1 file imported last year keeps working and gives the same answers.
 * Pure: the v1 profile is not changed.
 */
import type { Profile as ProfileV1 } from './schema-v1.ts';
import type { Profile } from './schema.ts';
import modelVoucher2025 from './sz-model-voucher-2025.json' with { type: 'json' };

type Condition = Profile['conditions'][number];

function conditionOf(c: ProfileV1['conditions'][number]): Condition {
  const { answeredBy, ...rest } = c;
  return { ...rest, test: { kind: 'question', question: c.question, answeredBy } };
}

function trackOf(v1: ProfileV1): Profile['tracks'][number] {
  const { funding } = v1;
  return {
    id: 'main',
    label: v1.title,
    mode: funding.mode,
    base: 'eligible-costs',
    ratePercent: funding.ratePercent,
    caps: [
      { yuan: funding.hardCapYuan, scope: 'company-year', kind: 'hard', quote: funding.quote },
      ...(funding.softCapYuan > 0
        ? [{ yuan: funding.softCapYuan, scope: 'company-year' as const, kind: 'soft' as const, quote: funding.quote }]
        : []),
    ],
    eligibleCostKinds: funding.eligibleCostKinds,
    costPeriod: { ...v1.dates.serviceWindow },
    budgetNote: funding.budgetNote,
    quote: funding.quote,
  };
}

function agreementOf(v1: ProfileV1): Profile['agreements'][number] {
  return {
    id: 'service-contract',
    kind: 'model-service',
    label: '服务合同',
    roles: { applicant: '申报单位（用户方）', counterparty: '模型服务机构' },
    ...v1.contract,
    servicePeriod: { ...v1.dates.serviceWindow },
  };
}

function paperOf(p: ProfileV1['submission']['paper']): Profile['paper'] {
  return {
    size: p.paperSize,
    duplex: p.duplex,
    copies: p.copies,
    numbering: {
      continuous: p.pageNumbers.continuous,
      skipBlank: p.pageNumbers.skipBlank,
      cover: p.pageNumbers.includeCover,
      contents: true,
    },
    officialSealOnCover: p.sealEveryMaterial,
    sealEveryMaterial: p.sealEveryMaterial,
    crossPageSealWhenMultiPage: p.crossPageSealWhenMultiPage,
    binding: p.binding,
    quote: p.quote,
  };
}

/**
 * v1 had no words: its only call, the 2025 voucher, had them written into code. A converted profile carries that
 * call's words, read from the shipped profile.
 */
const V1_WORDS: Profile['words'] = modelVoucher2025.words;

/** v1 trace paths that moved in v2. */
const MOVED_PATHS: [RegExp, string][] = [
  [/^funding\.eligibleCostKinds/, 'tracks.main.eligibleCostKinds'],
  [/^funding\.(ratePercent|mode|budgetNote|quote)/, 'tracks.main.$1'],
  [/^funding\.(softCapYuan|hardCapYuan)/, 'tracks.main.caps'],
  [/^funding$/, 'tracks.main'],
  [/^contract\./, 'agreements.service-contract.'],
  [/^dates\.serviceWindow/, 'agreements.service-contract.servicePeriod'],
  [/^submission\.paper\.paperSize/, 'paper.size'],
  [/^submission\.paper\.pageNumbers\.includeCover/, 'paper.numbering.cover'],
  [/^submission\.paper\.pageNumbers/, 'paper.numbering'],
  [/^submission\.paper/, 'paper'],
];

function movedPath(path: string): string {
  const rule = MOVED_PATHS.find(([from]) => from.test(path));
  return rule ? path.replace(rule[0], rule[1]) : path;
}

/**
 * The v2 form of a v1 profile: one track on eligible costs, the contract as a model-service agreement whose service
 * window also bounds the costs, the 2025 paper rules (cover numbered and sealed), the 2025 call's words.
 * @example const v2 = profileV1ToV2(JSON.parse(oldFileText)); // v2.tracks[0].ratePercent === 30
 */
export function profileV1ToV2(v1: ProfileV1): Profile {
  const { serviceWindow: _serviceWindow, ...dates } = v1.dates;
  const { paper, ...submission } = v1.submission;
  return {
    schemaVersion: 2,
    id: v1.id,
    title: v1.title,
    guideTitle: v1.guideTitle,
    issuer: v1.issuer,
    basis: [...v1.basis],
    year: v1.year,
    words: structuredClone(V1_WORDS),
    applicant: structuredClone(v1.applicant),
    tracks: [trackOf(structuredClone(v1))],
    conditions: v1.conditions.map((c) => conditionOf(structuredClone(c))),
    agreements: [agreementOf(structuredClone(v1))],
    materials: structuredClone(v1.materials),
    paper: paperOf(paper),
    dates: structuredClone(dates),
    submission: structuredClone(submission),
    sharedContacts: { ...v1.sharedContacts },
    trace: v1.trace.map((t) => ({ quote: t.quote, encodedAt: t.encodedAt.map(movedPath) })),
  };
}
