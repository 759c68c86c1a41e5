/**
 * A complete, valid application for the 2025 model voucher, as a manifest; tests change one thing at a time.
 */
import { manifest as manifestSchema, type Manifest, type ManifestInput } from '#shared/manifest.ts';
import { findProfile, type Profile } from '#shared/profiles/index.ts';
import { applicationFromManifest, type Application } from '#shared/rules/index.ts';

/** A Shenzhen enterprise's code with a correct check character (GB 32100-2015). */
export const SHENZHEN_CODE = '91440300MA5G1234A4';
/** The same code with its 10th character changed from 'A' to 'B'. */
export const SHENZHEN_CODE_ONE_WRONG = '91440300MB5G1234A4';
/** A Guangzhou (440101) enterprise's code with a correct check character. */
export const GUANGZHOU_CODE = '91440101MA5C1234B1';

export const QUESTION_CONDITIONS = [
  'legal-entity-in-shenzhen',
  'not-seriously-dishonest',
  'project-in-shenzhen',
  'statistics-consistent',
  'no-duplicate-filing',
  'ethics-compliance',
  'other-legal-conditions',
  'operating-enterprise',
  'model-filed',
];

const FILED_MATERIALS = [
  'application-form',
  'business-license',
  'financial-statements',
  'credit-report',
  'authenticity-commitment',
  'service-contract',
  'construction-plan',
];

/** The manifest's file paths, relative to its folder. */
export const SAMPLE_FILES = FILED_MATERIALS.map((id) => `files/${id}.pdf`);

export function sampleManifest(): ManifestInput {
  return {
    profile: 'sz-model-voucher-2025',
    applicant: {
      name: '深圳市示例智能科技有限公司',
      creditCode: SHENZHEN_CODE,
      kind: 'enterprise',
      registeredIn: '深圳市南山区',
      contact: '王小明',
      phone: '0755-26000001',
    },
    materials: [
      ...FILED_MATERIALS.map((id) => ({ id, files: [`files/${id}.pdf`] })),
      { id: 'ethics-materials', notApplicable: true, reason: '项目不涉及科技伦理敏感领域，也不存在科技安全风险' },
    ],
    contract: {
      provider: '示例模型服务有限公司',
      providerListed: true,
      relatedParty: false,
      model: '示例大模型',
      modelFiling: 'Guangdong-ShiLiDaMoXing-202401010001',
      signedOn: '2024-12-20',
      serviceFrom: '2025-01-01',
      serviceTo: '2025-12-31',
      deployment: 'api',
      relatedPartyAnswers: { control: 'no', 'common-control': 'no', 'other-interest': 'no' },
    },
    costs: [
      { kind: 'api', amount: 200000, paidOn: '2025-03-01' },
      { kind: 'subscription', amount: 100000, paidOn: '2025-06-01' },
    ],
    conditions: Object.fromEntries(QUESTION_CONDITIONS.map((id) => [id, 'yes' as const])),
  };
}

export function parseSample(input: ManifestInput = sampleManifest()): Manifest {
  return manifestSchema.parse(input);
}

export function sampleApplication(change: (m: ManifestInput) => void = () => {}): Application {
  const input = sampleManifest();
  change(input);
  return applicationFromManifest(parseSample(input));
}

export function voucherProfile(): Profile {
  const profile = findProfile('sz-model-voucher-2025');
  if (!profile) throw new Error('built-in profile missing');
  return profile;
}

/** A day inside both filing windows. */
export const FILING_DAY = '2025-10-20';
