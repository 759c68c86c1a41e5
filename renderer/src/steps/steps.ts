import type { Finding } from '#shared/rules/index.ts';
import type { Profile } from '#shared/profiles/index.ts';

export const steps = [
  { id: 'applicant', label: '申报单位' },
  { id: 'conditions', label: '资格自查' },
  { id: 'contract', label: '合同与费用' },
  { id: 'materials', label: '申报材料' },
  { id: 'generate', label: '生成与预览' },
  { id: 'export', label: '导出与打印' },
] as const;

export type StepId = (typeof steps)[number]['id'];

type FindingLike = Pick<Finding, 'subject'>;

/** The step where a finding can be fixed, from its subject (`applicant.creditCode`, `costs.2`, a material id…). */
export function stepOfFinding(finding: FindingLike, profile: Profile): StepId | null {
  const head = finding.subject.split('.')[0] ?? '';
  if (head === 'applicant') return 'applicant';
  if (head === 'conditions') return 'conditions';
  if (head === 'contract' || head === 'costs' || head === 'voucher') return 'contract';
  if (profile.materials.some((m) => m.id === head) || head === 'materials') return 'materials';
  return null;
}
