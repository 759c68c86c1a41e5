/**
 * `checkApplication`: every rule of a profile applied to one application.
 */
import { modelServiceAgreement } from '../profiles/reading.ts';
import type { Profile } from '../profiles/schema.ts';
import { checkApplicant } from './applicant.ts';
import { isLocalDateTime } from './calendar.ts';
import { checkConditions } from './conditions.ts';
import { checkConsistency } from './consistency.ts';
import { checkSharedContacts } from './contacts.ts';
import { checkContract } from './contract.ts';
import { checkFilingDates } from './filing-dates.ts';
import { checkMaterials } from './materials.ts';
import type { Application, CheckResult, Finding } from './types.ts';
import { voucherAmount, voucherFindings } from './voucher.ts';

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Errors first, then warnings, then notes; the rules' own order within each. */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

/**
 * The applicant's name and code as recorded elsewhere; the customer on the contract only when the profile's
 * agreement makes the applicant the customer (a model-service contract), not for a call without one.
 */
function identitiesToCheck(application: Application, profile: Profile): Application['recordedIdentities'] {
  if (modelServiceAgreement(profile)) return application.recordedIdentities;
  return application.recordedIdentities.filter((r) => !r.subject.startsWith('contract.'));
}

/**
 * Applies the profile's eligibility, completeness and date rules to an application and works out the voucher.
 * Pure: the caller supplies today and other applicants' contacts.
 *
 * @param today `YYYY-MM-DD` or `YYYY-MM-DDTHH:mm`, on the Asia/Shanghai wall clock (a bare date is read as 00:00).
 * @example
 * const { voucher, findings } = checkApplication(application, findProfile('sz-model-voucher-2025')!, '2025-10-20');
 * const blocked = findings.some((f) => f.severity === 'error');
 */
export function checkApplication(application: Application, profile: Profile, today: string): CheckResult {
  if (!isLocalDateTime(today)) throw new RangeError(`today 须写成 YYYY-MM-DD 或 YYYY-MM-DDTHH:mm，收到“${today}”`);
  const claimant = {
    kind: application.applicant.kind,
    answers: application.conditions,
    events: application.events,
  };
  const voucher = voucherAmount(application.costs, profile, claimant);
  const findings = [
    ...checkApplicant(application.applicant, profile),
    ...checkConsistency(application.applicant, identitiesToCheck(application, profile)),
    ...checkSharedContacts(application.applicant, application.otherApplicants, profile),
    ...checkConditions(application.conditions, profile, {
      applicant: application.applicant,
      events: application.events,
      today,
    }),
    ...checkMaterials(application.materials, profile),
    ...checkContract(application.contract, profile),
    ...voucherFindings(application.costs, voucher, profile, claimant),
    ...checkFilingDates(profile, today),
  ];
  return { voucher, findings: sortFindings(findings) };
}
