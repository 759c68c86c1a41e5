/**
 * An archive's rows, checked by the API's own schemas and limits before any is written: a row is turned into the
 * record the API takes (`applicantDraft`, `contractDraft`, `costLine`, the dossier options …) and parsed by it, so
 * an archive can hold nothing the window could not have entered — no 300 MB name, no options that do not parse,
 * no hidden characters. A row that fails is refused by table, row and field, in the clerk's words.
 */
import { z } from 'zod';
import { applicantDraft, applicationStatuses, type Applicant } from '#shared/contract/schemas.ts';
import {
  applicationFacts,
  contractDraft,
  costLine,
  materialState,
  type ContractDraft,
  type CostLine,
} from '#shared/contract/workflow.ts';
import type { MaterialStateKind } from '#shared/dossier/material-status.ts';
import { answers, dossierOptions, quarterTurns, type DossierOptions } from '#shared/manifest.ts';
import type { Answer } from '#shared/rules/index.ts';
import { refuse } from './archive-errors.ts';
import type { PageDecision } from '../db/queries/page-inspections.ts';
import { fileFixes, type FileFix } from '#shared/contract/pages.ts';
import { isPageOrder } from '#shared/page-order.ts';
import type { SubmissionRow } from '../db/queries/submissions.ts';
import type { ArchiveManifest, Row } from './archive-manifest.ts';

const timestamp = z.string().min(1).max(40);
const exporterId = z.number().int().positive();
const shortId = z.string().min(1).max(100);
const flag = z.union([z.literal(0), z.literal(1), z.null()]).optional();
const asBool = (v: 0 | 1 | null | undefined) => (v === null || v === undefined ? null : v === 1);

/** Parses `value` with `schema`; refuses the archive naming `what` (the table and row) and the field. */
function parse<S extends z.ZodType>(schema: S, value: unknown, what: string, label: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.length ? `的「${issue.path.join('.')}」` : '';
  return refuse('archive-invalid-data', label, `${what}${field}不符合要求：${issue?.message ?? '格式不对'}`);
}

export interface ImportedApplication {
  applicant: Omit<Applicant, 'id'>;
  application: {
    profileId: string;
    year: number;
    status: (typeof applicationStatuses)[number];
    options: Partial<DossierOptions>;
    createdAt: string;
    updatedAt: string;
  };
  contract: (ContractDraft & { updatedAt: string }) | null;
  costs: CostLine[];
  answers: { questionId: string; answer: Answer }[];
  materialStates: { materialId: string; state: MaterialStateKind; reason: string }[];
  /** In the exporter's order within each material; `exporterId` links page turns. */
  attachments: { exporterId: number; materialId: string; originalName: string; sha256: string; createdAt: string }[];
  pageTurns: { exporterAttachmentId: number; page: number; turn: (typeof quarterTurns)[number] }[];
  pageDecisions: { exporterAttachmentId: number; page: number; decision: PageDecision }[];
  fileFixesOff: { exporterAttachmentId: number; fix: FileFix }[];
  /** Source page numbers in print order; checked against the file's page count once the files are (`checkPageOrders`). */
  pageOrders: { exporterAttachmentId: number; pages: number[] }[];
  /** The dossier as handed in: its PDF is one of the archive's files. */
  submissions: Omit<SubmissionRow, 'applicationId'>[];
}

function applicantOf(row: Row, label: string): ImportedApplication['applicant'] {
  const fields = {
    name: row.name,
    creditCode: row.credit_code ?? undefined,
    kind: row.kind ?? undefined,
    registeredIn: row.registered_district ?? undefined,
    established: row.established_on ?? undefined,
    contact: row.contact_person ?? undefined,
    phone: row.phone ?? undefined,
    address: row.address ?? undefined,
  };
  const times = parse(z.object({ created_at: timestamp, updated_at: timestamp }), row, '申报单位', label);
  return {
    ...parse(applicantDraft.strict(), fields, '申报单位', label),
    createdAt: times.created_at,
    updatedAt: times.updated_at,
  };
}

/** The stored options are JSON text: it must parse, and as the options `applications:setOptions` takes. */
function optionsOf(text: unknown, label: string): Partial<DossierOptions> {
  let value: unknown = {};
  if (text !== undefined && text !== null) {
    try {
      value = JSON.parse(parse(z.string().max(4096), text, '卷宗选项', label));
    } catch {
      refuse('archive-invalid-data', label, '卷宗选项不是有效的 JSON');
    }
  }
  // `facts`: the figures and event dates the conditions ask, kept in the same column (see db/queries/details.ts).
  parse(dossierOptions.partial().extend({ facts: applicationFacts.optional() }).strict(), value, '卷宗选项', label);
  // Kept as given once it parses: the parsed copy would carry every default, and defaults may change later.
  return value as Partial<DossierOptions>;
}

function applicationOf(row: Row, label: string): ImportedApplication['application'] {
  const shape = z.object({
    profile_id: shortId,
    year: z.number().int().min(2000).max(2100),
    status: z.enum(applicationStatuses).default('draft'),
    created_at: timestamp,
    updated_at: timestamp,
  });
  const a = parse(shape, row, '申报项目', label);
  return {
    profileId: a.profile_id,
    year: a.year,
    status: a.status,
    options: optionsOf(row.dossier_options, label),
    createdAt: a.created_at,
    updatedAt: a.updated_at,
  };
}

function contractOf(row: Row, label: string): ImportedApplication['contract'] {
  const flags = parse(
    z.object({ provider_listed: flag, related_party: flag, updated_at: timestamp }),
    row,
    '服务合同',
    label,
  );
  const fields = {
    provider: row.provider ?? undefined,
    providerListed: asBool(flags.provider_listed),
    relatedParty: asBool(flags.related_party),
    model: row.model ?? undefined,
    modelFiling: row.model_filing ?? undefined,
    signedOn: row.signed_on ?? null,
    serviceFrom: row.service_from ?? null,
    serviceTo: row.service_to ?? null,
    deployment: row.deployment ?? null,
  };
  return { ...parse(contractDraft.strict(), fields, '服务合同', label), updatedAt: flags.updated_at };
}

const byPosition = (a: Row, b: Row) => Number(a.position ?? 0) - Number(b.position ?? 0);

/**
 * Every row of `manifest` through the API's schemas, or a refusal naming the first that fails.
 * @example const records = checkArchiveRows(manifest, '示例.juanzong'); // then write them in one transaction
 */
export function checkArchiveRows(manifest: ArchiveManifest, label: string): ImportedApplication {
  const m = manifest;
  if (m.contracts.length > 1) refuse('archive-invalid-data', label, '一个申报项目有不止一份服务合同');
  return {
    applicant: applicantOf(m.applicant, label),
    application: applicationOf(m.application, label),
    contract: m.contracts[0] ? contractOf(m.contracts[0], label) : null,
    costs: parse(z.array(z.any()).max(500, '费用最多 500 条'), m.costs, '费用表', label)
      .sort(byPosition)
      .map((r: Row, i: number) =>
        parse(
          costLine.strict(),
          { kind: r.kind, amountFen: r.amount_fen, paidOn: r.paid_on ?? null, note: r.note ?? undefined },
          `第 ${i + 1} 条费用`,
          label,
        ),
      ),
    answers: m.answers.map((r, i) => {
      const a = parse(
        z.object({ question_id: shortId, answer: z.enum(answers) }),
        r,
        `第 ${i + 1} 个问题的回答`,
        label,
      );
      return { questionId: a.question_id, answer: a.answer };
    }),
    materialStates: m.materialStates.map((r, i) => {
      const id = parse(shortId, r.material_id, `第 ${i + 1} 个材料状态的材料编号`, label);
      return {
        materialId: id,
        ...parse(materialState.strict(), { state: r.state, reason: r.reason ?? '' }, `材料「${id}」的状态`, label),
      };
    }),
    attachments: [...m.attachments].sort(byPosition).map((r, i) => {
      const shape = z.object({
        id: exporterId,
        material_id: shortId,
        original_name: z.string().min(1).max(1000),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
        created_at: timestamp,
      });
      const a = parse(shape, r, `第 ${i + 1} 个附件`, label);
      return {
        exporterId: a.id,
        materialId: a.material_id,
        originalName: a.original_name,
        sha256: a.sha256,
        createdAt: a.created_at,
      };
    }),
    pageTurns: m.pageTurns.map((r, i) => {
      const shape = z.object({
        attachment_id: exporterId,
        page: z.number().int().min(1).max(100_000),
        turn: z.union(quarterTurns.map((t) => z.literal(t))),
      });
      const t = parse(shape, r, `第 ${i + 1} 个页面旋转`, label);
      return { exporterAttachmentId: t.attachment_id, page: t.page, turn: t.turn };
    }),
    pageDecisions: m.pageDecisions.map((r, i) => {
      const shape = z.object({
        attachment_id: exporterId,
        page: z.number().int().min(1).max(100_000),
        decision: z.enum(['skip', 'keep']),
      });
      const d = parse(shape, r, `第 ${i + 1} 个页面取舍`, label);
      return { exporterAttachmentId: d.attachment_id, page: d.page, decision: d.decision };
    }),
    fileFixesOff: m.fileFixesOff.map((r, i) => {
      const f = parse(
        z.object({ attachment_id: exporterId, fix: z.enum(fileFixes) }),
        r,
        `第 ${i + 1} 个关闭的自动修正`,
        label,
      );
      return { exporterAttachmentId: f.attachment_id, fix: f.fix };
    }),
    pageOrders: m.pageOrders.map((r, i) => pageOrderOf(r, `第 ${i + 1} 个页序`, label)),
    submissions: m.submissions.map((r) => submissionOf(r, label)),
  };
}

function pageOrderOf(r: Row, what: string, label: string): ImportedApplication['pageOrders'][number] {
  const o = parse(z.object({ attachment_id: exporterId, pages: jsonText(1_000_000) }), r, what, label);
  const pages = parse(z.array(z.number().int().min(1).max(100_000)).max(100_000), JSON.parse(o.pages), what, label);
  return { exporterAttachmentId: o.attachment_id, pages };
}

/**
 * Refuses a page order that does not list each page of its file once (`pageCounts`: the exporter's attachment id
 * to the page count the attach-time checks found).
 */
export function checkPageOrders(rows: ImportedApplication, pageCounts: Map<number, number>, label: string): void {
  for (const [i, o] of rows.pageOrders.entries()) {
    const count = pageCounts.get(o.exporterAttachmentId);
    if (count !== undefined && !isPageOrder(o.pages, count))
      refuse('archive-invalid-data', label, `第 ${i + 1} 个页序没有把文件的 ${count} 页各列一次`);
  }
}

const jsonText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((text) => {
      try {
        JSON.parse(text);
        return true;
      } catch {
        return false;
      }
    }, '不是有效的 JSON');

function submissionOf(r: Row, label: string): ImportedApplication['submissions'][number] {
  const shape = z.object({
    submitted_at: timestamp,
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    pages: z.number().int().min(0).max(100_000),
    page_map: jsonText(50_000_000),
    snapshot: jsonText(50_000_000),
    note: z.string().max(500),
  });
  const s = parse(shape, r, '递交记录', label);
  return {
    submittedAt: s.submitted_at,
    sha256: s.sha256,
    pages: s.pages,
    pageMap: s.page_map,
    snapshot: s.snapshot,
    note: s.note,
  };
}
