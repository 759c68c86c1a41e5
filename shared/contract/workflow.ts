/**
 * The channels of the clerk's workflow: an application's details (contract, costs, answers, material states,
 * dossier options), its check, the order and turns of its files, and the dossier job (start, progress, cancel).
 * Every change answers the whole refreshed `ApplicationDetail`, so the window never shows a stale copy.
 */
import { z } from 'zod';
import { answers, deploymentKinds, dossierOptions, isoDate, quarterTurns } from '../manifest.ts';
import { materialStateKinds } from '../dossier/material-status.ts';
import { applicant, application, attachment, contentNotice, recordId } from './schemas.ts';
import { fileFixes } from './pages.ts';
import { visibleText } from './visible-text.ts';

const answer = z.enum(answers);
const turn = z.union(quarterTurns.map((t) => z.literal(t)));

/** The service contract as the clerk has entered it so far: every field may still be empty. */
export const contractDraft = z.object({
  provider: visibleText(z.string().trim().max(200), '模型服务机构名称').default(''),
  providerListed: z.boolean().nullable().default(null),
  relatedParty: z.boolean().nullable().default(null),
  model: visibleText(z.string().trim().max(200), '模型名称').default(''),
  modelFiling: visibleText(z.string().trim().max(100), '模型备案号').default(''),
  signedOn: isoDate.nullable().default(null),
  serviceFrom: isoDate.nullable().default(null),
  serviceTo: isoDate.nullable().default(null),
  deployment: z.enum(deploymentKinds).nullable().default(null),
});

/** One line of the cost table; money in integer fen (1 yuan = 100 fen). */
export const costLine = z.object({
  kind: visibleText(z.string().min(1).max(40), '费用类别'),
  amountFen: z.number().int('金额最多保留两位小数').nonnegative('金额不能为负数').max(1e13),
  paidOn: isoDate.nullable(),
  note: visibleText(z.string().max(500), '费用备注', { multiLine: true }).default(''),
});

/**
 * Figures and dates a profile's conditions ask of this application (成立满1年 reads the applicant's 成立日期):
 * last year's revenue in yuan, employees, shares in percent by name (`software-revenue`), event dates by id
 * (`first-contract`: 首次销售合同签订日期). Stored with the application (its options' JSON column, key `facts`).
 */
export const applicationFacts = z
  .object({
    revenueYuan: z.number('请填写数字（元）').nonnegative('收入不能为负数').max(1e13, '金额过大，请核对').optional(),
    employees: z.number('请填写人数').int('人数须是整数').nonnegative('人数不能为负数').max(1e7).optional(),
    shares: z
      .record(
        z.string().min(1).max(100),
        z.number('请填写百分数').min(0, '占比不能为负数').max(100, '占比不能超过100%'),
      )
      .optional(),
    events: z.record(z.string().min(1).max(100), isoDate).optional(),
  })
  .strict();

export const materialState = z.object({
  state: z.enum(materialStateKinds),
  reason: visibleText(z.string().trim().max(500), '说明', { multiLine: true }),
});

/**
 * An attachment with the clerk's choices for single pages: quarter turns (`{"3": 90}`: page 3 turned clockwise;
 * 0 keeps a page as it is against a proposed turn) and pages left out or kept (`{"2": "skip", "4": "keep"}`),
 * each winning over what the inspection proposes.
 */
export const attachmentWithTurns = attachment.extend({
  turns: z.record(z.string(), turn),
  decisions: z.record(z.string(), z.enum(['skip', 'keep'])).default({}),
  /** The automatic fixes the clerk turned off for this whole file. */
  fixesOff: z.array(z.enum(fileFixes)).default([]),
  /** The order the clerk put the pages in (page numbers from 1, as printed); absent: the file's own order. */
  pageOrder: z.array(z.number().int().min(1)).optional(),
});

export const applicationDetail = z.object({
  application,
  applicant,
  contract: contractDraft.nullable(),
  costs: z.array(costLine),
  /** Answers to the profile's questions (conditions and related-party questions), by question id. */
  answers: z.record(z.string(), answer),
  materialStates: z.record(z.string(), materialState),
  options: dossierOptions,
  /** Figures and event dates the profile's conditions ask; empty until the clerk gives them. */
  facts: applicationFacts.default({}),
  attachments: z.array(attachmentWithTurns),
});

export const finding = z.object({
  severity: z.enum(['error', 'warning', 'info']),
  code: z.string(),
  subject: z.string(),
  message: z.string(),
});

const capScope = z.enum(['company-year', 'project', 'track']);

export const voucher = z.object({
  trackId: z.string(),
  totalCostFen: z.number().int(),
  eligibleCostFen: z.number().int(),
  ratePercent: z.number(),
  uncappedFen: z.number().int(),
  amountFen: z.number().int(),
  softCapFen: z.number().int().optional(),
  softCapScope: capScope.optional(),
  hardCapFen: z.number().int().optional(),
  hardCapScope: capScope.optional(),
  excluded: z.array(z.object({ index: z.number().int(), reason: z.enum(['kind', 'date']) })),
});

export const checkResult = z.object({ voucher, findings: z.array(finding) });

export const pageMapSection = z.object({
  id: z.string(),
  title: z.string(),
  firstPage: z.number().int(),
  lastPage: z.number().int(),
  firstNumber: z.number().int(),
  lastNumber: z.number().int(),
});

const decidedBy = z.enum(['clerk', 'inspection']);

const spotChoice = z.enum(['chosen', 'moved', 'crowded', 'unchecked']);
const inkKind = z.enum(['seal', 'ink']);
const sealSpot = z.object({
  x: z.number(),
  y: z.number(),
  r: z.number(),
  choice: spotChoice,
  avoided: inkKind.optional(),
});
const edgeSpot = z.object({ y: z.number(), r: z.number(), choice: spotChoice, avoided: inkKind.optional() });

/** One physical page: its source (file as in the manifest, page from 1) and the changes made to it. */
export const pageMapEntry = z.object({
  physical: z.number().int(),
  kind: z.enum(['cover', 'toc', 'content', 'blank']),
  number: z.number().int().optional(),
  source: z.object({ material: z.string(), file: z.string(), page: z.number().int() }).optional(),
  changes: z
    .object({
      turn: z
        .object({ by: decidedBy, degrees: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]) })
        .optional(),
      straighten: z.number().optional(),
      crop: z.literal(true).optional(),
      split: z.object({ part: z.number().int(), of: z.number().int() }).optional(),
      reduceTo: z.number().optional(),
    })
    .optional(),
  /** Where the 公章 and 骑缝章 marks are on the sheet (points, origin bottom-left). */
  marks: z
    .object({
      seal: sealSpot
        .extend({ corner: z.enum(['bottom-right', 'bottom-left', 'top-right', 'top-left', 'middle-right']) })
        .optional(),
      crossPage: edgeSpot.optional(),
    })
    .optional(),
});

/** What `juanzong assemble --json` prints: physical pages from 1; blank pages belong to no section. */
export const pageMap = z.object({
  pages: z.number().int(),
  sections: z.array(pageMapSection),
  blankPages: z.array(z.number().int()),
  warnings: z.array(z.string()),
  /** What the paper copy of each file leaves out or changes, for the material's card. */
  notices: z.array(contentNotice.extend({ materialId: z.string(), file: z.string() })).default([]),
  /** Every physical page in order (absent from page maps stored before pages were inspected). */
  pageList: z.array(pageMapEntry).optional(),
  /** Source pages left out (blank backs, the clerk's choice): not printed, not numbered. */
  skipped: z
    .array(z.object({ material: z.string(), file: z.string(), page: z.number().int(), by: decidedBy }))
    .optional(),
});

export const jobStates = ['running', 'done', 'failed', 'cancelled'] as const;

export const jobStatus = z.object({
  jobId: z.string(),
  state: z.enum(jobStates),
  done: z.number().int(),
  total: z.number().int(),
  pageMap: pageMap.nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});

export const applicationOverview = z.object({
  application,
  applicantName: z.string(),
  materialsDone: z.number().int(),
  materialsNeeded: z.number().int(),
  errors: z.number().int(),
  warnings: z.number().int(),
});

const byApplication = z.object({ applicationId: recordId });

export const workflowContract = {
  'applications:overview': { input: z.object({}).strict(), output: z.array(applicationOverview) },
  'applications:get': { input: z.object({ id: recordId }).strict(), output: applicationDetail },
  'applications:saveContract': {
    input: byApplication.extend({ contract: contractDraft }).strict(),
    output: applicationDetail,
  },
  'applications:saveCosts': {
    input: byApplication.extend({ costs: z.array(costLine).max(500) }).strict(),
    output: applicationDetail,
  },
  'applications:answer': {
    input: byApplication.extend({ questionId: z.string().min(1).max(100), answer: answer.nullable() }).strict(),
    output: applicationDetail,
  },
  'applications:setMaterialState': {
    input: byApplication
      .extend({
        materialId: z.string().min(1),
        state: z.enum(materialStateKinds).nullable(),
        reason: z.string().trim().max(500),
      })
      .strict(),
    output: applicationDetail,
  },
  /** Replaces the application's figures and event dates (the conditions step saves the whole set). */
  'applications:setFacts': {
    input: byApplication.extend({ facts: applicationFacts }).strict(),
    output: applicationDetail,
  },
  'applications:setOptions': {
    input: byApplication.extend({ options: dossierOptions.partial() }).strict(),
    output: applicationDetail,
  },
  'applications:check': {
    input: byApplication.extend({ today: isoDate.optional() }).strict(),
    output: checkResult,
  },
  'attachments:reorder': {
    input: byApplication.extend({ materialId: z.string().min(1), order: z.array(recordId).max(1000) }).strict(),
    output: applicationDetail,
  },
  'attachments:turnPage': {
    input: z.object({ id: recordId, page: z.number().int().min(1), turn }).strict(),
    output: applicationDetail,
  },
  'attachments:keepMarkup': {
    input: z.object({ id: recordId, keep: z.boolean() }).strict(),
    output: applicationDetail,
  },
  'attachments:content': {
    input: z.object({ id: recordId }).strict(),
    output: z.object({ bytes: z.instanceof(Uint8Array), mediaType: z.string(), fileName: z.string() }),
  },
} as const;

export type ContractDraft = z.output<typeof contractDraft>;
export type CostLine = z.output<typeof costLine>;
export type ApplicationDetail = z.output<typeof applicationDetail>;
export type ApplicationFacts = z.output<typeof applicationFacts>;
export type AttachmentWithTurns = z.output<typeof attachmentWithTurns>;
export type CheckResultDto = z.output<typeof checkResult>;
export type PageMap = z.output<typeof pageMap>;
export type JobStatus = z.output<typeof jobStatus>;
export type ApplicationOverview = z.output<typeof applicationOverview>;
