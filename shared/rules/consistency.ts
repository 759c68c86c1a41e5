/**
 * The applicant's name and credit code must read the same wherever the clerk recorded them.
 */
import { normalizeCreditCode } from './credit-code.ts';
import { error } from './findings.ts';
import type { ApplicantFacts, Finding, RecordedIdentity } from './types.ts';

/** Ignores spaces and the width of brackets, which clerks type either way; everything else must match. */
export function normalizeOrgName(name: string): string {
  return name.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
}

/** Compares each recorded name and code with the applicant's own. */
export function checkConsistency(applicant: ApplicantFacts, recorded: RecordedIdentity[]): Finding[] {
  const findings: Finding[] = [];
  const name = normalizeOrgName(applicant.name);
  const code = normalizeCreditCode(applicant.creditCode);
  for (const r of recorded) {
    if (r.name !== undefined && r.name.trim() !== '' && normalizeOrgName(r.name) !== name) {
      findings.push(
        error(
          'applicant-name-inconsistent',
          r.subject,
          `${r.subject} 记录的单位名称“${r.name.trim()}”与申报单位名称“${applicant.name}”不一致。请对照营业执照核对，使各处名称一致。`,
        ),
      );
    }
    if (r.creditCode !== undefined && r.creditCode.trim() !== '' && normalizeCreditCode(r.creditCode) !== code) {
      findings.push(
        error(
          'credit-code-inconsistent',
          r.subject,
          `${r.subject} 记录的信用代码“${r.creditCode.trim()}”与申报单位的信用代码“${applicant.creditCode}”不一致。请核对后改正。`,
        ),
      );
    }
  }
  return findings;
}
