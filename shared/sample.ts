/**
 * The 示例 (sample) application a first-time clerk can open: a fictional company, recognisable by its credit code,
 * whose every page says it is only a demonstration. The window badges it; the core makes and removes it.
 */
import { creditCodeCheckCharacter } from './rules/credit-code.ts';

/** Printed on every sample page and shown beside the sample's name. */
export const SAMPLE_MARK = '示例 · 仅供演示';

export const SAMPLE_COMPANY_NAME = '示例科技（深圳）有限公司';

// 9 (enterprise) 1 (company) 440300 (Shenzhen) and a made-up organisation code; the check character is computed
// so the code is well-formed and the check confirms it, as it would a real one.
const SAMPLE_CODE_BODY = '91440300MA5FYL1X8';

/** The sample's unified social credit code: well-formed, fictional. */
export const SAMPLE_CREDIT_CODE = SAMPLE_CODE_BODY + creditCodeCheckCharacter(SAMPLE_CODE_BODY);

/** Whether an applicant is the sample company (by its credit code, which no real company carries). */
export function isSampleApplicant(applicant: { creditCode: string }): boolean {
  return applicant.creditCode === SAMPLE_CREDIT_CODE;
}
