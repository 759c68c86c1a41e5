import type { Application, CoreHandlers } from '../../../shared/contract/index.ts';
import type { ApplicationDetail, ContractDraft } from '../../../shared/contract/workflow.ts';
import { UserFacingError } from '../../../shared/errors.ts';
import type { Profile } from '../../../shared/profiles/index.ts';
import {
  checkApplication,
  shanghaiNow,
  sortFindings,
  type Application as RulesApplication,
  type Answer,
  type ContractFacts,
  type Finding,
} from '../../../shared/rules/index.ts';
import type { Db } from '../db/connection.ts';
import { listApplications } from '../db/queries/applications.ts';
import { getApplicant, otherApplicantsInYear } from '../db/queries/applicants.ts';
import { findProfileIn } from '../profiles/registry.ts';
import { readApplicationDetail } from './application-detail.ts';
import type { ServiceContext } from './index.ts';

/** The application's profile, built-in or imported into `dataDir`. */
export function profileOf(dataDir: string, profileId: string): Profile {
  const profile = findProfileIn(dataDir, profileId);
  if (!profile) {
    throw new UserFacingError('profile-unknown', `找不到申报方案“${profileId}”。请升级卷宗，或导入该方案的文件。`);
  }
  return profile;
}

/** The clerk's answers, split into the eligibility conditions and the contract's related-party questions. */
export function splitAnswers(answers: Record<string, Answer>, profile: Profile) {
  const relatedIds = new Set(profile.contract.relatedPartyQuestions.map((q) => q.id));
  const pick = (related: boolean) =>
    Object.fromEntries(Object.entries(answers).filter(([id]) => relatedIds.has(id) === related));
  return { conditions: pick(false), relatedParty: pick(true) };
}

const contractFieldsToFill: [keyof ContractDraft, string][] = [
  ['providerListed', '模型服务机构是否已入库'],
  ['relatedParty', '与模型服务机构是否构成关联方'],
  ['serviceFrom', '服务开始日期'],
  ['serviceTo', '服务结束日期'],
];

/**
 * The rules judge a contract once it is complete enough to judge; until then the clerk is told which of its
 * fields are still empty rather than given verdicts on blanks.
 */
function contractFacts(draft: ContractDraft | null, relatedPartyAnswers: Record<string, Answer>): { facts?: ContractFacts; todo: Finding[] } {
  if (!draft) return { todo: [] };
  const todo = contractFieldsToFill
    .filter(([key]) => draft[key] === null)
    .map(([key, label]) => ({
      severity: 'warning' as const,
      code: 'contract-field-empty',
      subject: `contract.${key}`,
      message: `合同信息还缺“${label}”。请对照合同在「合同与费用」中填写。`,
    }));
  if (todo.length > 0) return { todo };
  const facts: ContractFacts = {
    provider: draft.provider,
    providerListed: draft.providerListed!,
    relatedParty: draft.relatedParty!,
    model: draft.model,
    modelFiling: draft.modelFiling,
    serviceFrom: draft.serviceFrom!,
    serviceTo: draft.serviceTo!,
    relatedPartyAnswers,
    ...(draft.signedOn ? { signedOn: draft.signedOn } : {}),
    ...(draft.deployment ? { deployment: draft.deployment } : {}),
  };
  return { facts, todo };
}

/** Maps the stored application to what the rules read. */
export function rulesApplication(db: Db, detail: ApplicationDetail, profile: Profile) {
  const answers = splitAnswers(detail.answers, profile);
  const { facts, todo } = contractFacts(detail.contract, answers.relatedParty);
  const materialIds = new Set([...detail.attachments.map((a) => a.materialId), ...Object.keys(detail.materialStates)]);
  const application: RulesApplication = {
    profileId: detail.application.profileId,
    applicant: { ...detail.applicant, established: detail.applicant.established ?? undefined },
    materials: [...materialIds].map((id) => {
      const state = detail.materialStates[id];
      return {
        id,
        attachedFiles: detail.attachments.filter((a) => a.materialId === id).length,
        missingFiles: [],
        ...(state?.state === 'exempt' ? { exemptReason: state.reason || '免交' } : {}),
        notApplicable: state?.state === 'not-applicable',
        ...(state?.state === 'not-applicable' ? { notApplicableReason: state.reason } : {}),
      };
    }),
    ...(facts ? { contract: facts } : {}),
    costs: detail.costs.map((c) => ({ kind: c.kind, amountFen: c.amountFen, paidOn: c.paidOn ?? '', note: c.note })),
    conditions: answers.conditions,
    recordedIdentities: [],
    otherApplicants: otherApplicantsInYear(db, detail.application.year, detail.applicant.id),
  };
  return { application, todo };
}

export function checkStoredApplication(db: Db, dataDir: string, id: number, today: string) {
  const detail = readApplicationDetail(db, id);
  const profile = profileOf(dataDir, detail.application.profileId);
  const { application, todo } = rulesApplication(db, detail, profile);
  const result = checkApplication(application, profile, today);
  return { detail, voucher: result.voucher, findings: sortFindings([...result.findings, ...todo]) };
}

export function checkHandlers({ db, dataDir }: ServiceContext): Pick<CoreHandlers, 'applications:check' | 'applications:overview'> {
  const today = () => shanghaiNow(Date.now());
  return {
    'applications:check': ({ applicationId, today: day }) => {
      const { voucher, findings } = checkStoredApplication(db, dataDir, applicationId, day ?? today());
      return { voucher, findings };
    },
    'applications:overview': () => listApplications(db).map((application) => overviewOf(db, dataDir, application, today())),
  };
}

/**
 * One line of the home screen. An application whose profile cannot be read (a damaged imported file) still shows,
 * with that problem counted as an error, rather than taking the whole list down.
 */
function overviewOf(db: Db, dataDir: string, application: Application, today: string) {
  try {
    const { detail, findings } = checkStoredApplication(db, dataDir, application.id, today);
    // Every material needs a decision: attached, or marked exempt / not applicable.
    const needed = profileOf(dataDir, application.profileId).materials;
    const done = needed.filter((m) => detail.attachments.some((a) => a.materialId === m.id) || detail.materialStates[m.id]).length;
    return {
      application,
      applicantName: detail.applicant.name,
      materialsDone: done,
      materialsNeeded: needed.length,
      errors: findings.filter((f) => f.severity === 'error').length,
      warnings: findings.filter((f) => f.severity === 'warning').length,
    };
  } catch {
    const applicant = getApplicant(db, application.applicantId);
    return { application, applicantName: applicant?.name ?? '', materialsDone: 0, materialsNeeded: 0, errors: 1, warnings: 0 };
  }
}
