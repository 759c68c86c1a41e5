/**
 * What the sample company entered: its details, a contract with a listed, unrelated model provider, two costs that
 * earn a voucher, every condition answered in its favour. All fictional; the materials repeat these figures.
 */
import type { ApplicantDraft } from '#shared/contract/index.ts';
import type { ContractDraft, CostLine } from '#shared/contract/workflow.ts';
import { SAMPLE_COMPANY_NAME, SAMPLE_CREDIT_CODE } from '#shared/sample.ts';

export const SAMPLE_PROFILE_ID = 'sz-model-voucher-2025';
export const SAMPLE_YEAR = 2025;

export const sampleApplicant = {
  name: SAMPLE_COMPANY_NAME,
  creditCode: SAMPLE_CREDIT_CODE,
  kind: 'enterprise',
  registeredIn: '南山区',
  established: '2019-03-18',
  contact: '王示例',
  phone: '0755-86001234',
  address: '深圳市南山区粤海街道示例路 1 号示例大厦 8 楼',
} satisfies ApplicantDraft;

export const sampleContract: ContractDraft = {
  provider: '示例智算模型服务（深圳）有限公司',
  providerListed: true,
  relatedParty: false,
  model: '示例大模型 V1',
  modelFiling: 'Shenzhen-ShiLiDaMoXing-20250101',
  signedOn: '2025-03-01',
  serviceFrom: '2025-03-10',
  serviceTo: '2026-03-09',
  deployment: 'api',
};

export const sampleCosts: CostLine[] = [
  { kind: 'api', amountFen: 18_000_000, paidOn: '2025-04-15', note: '首期 API 调用费用（示例）' },
  { kind: 'platform', amountFen: 6_000_000, paidOn: '2025-07-20', note: '模型服务平台使用费（示例）' },
];

/** Why the ethics material does not apply to the sample project. */
export const sampleEthicsReason = '示例项目为财务单据智能识别，不涉及科技伦理敏感领域，也不存在科技安全风险';
