/**
 * The guide's note 2: different applicants in one year must not share a contact person or phone.
 */
import type { Profile } from '../profiles/schema.ts';
import { normalizeCreditCode } from './credit-code.ts';
import { warning } from './findings.ts';
import type { ApplicantFacts, Finding, OtherApplicantContact } from './types.ts';

/** Digits only, without a leading +86 / 0086, so "0755-8810 2402" and "075588102402" match. */
export function normalizePhone(phone: string): string {
  return phone.replace(/\D/g, '').replace(/^(?:0086|86)(?=1\d{10}$)/, '');
}

function normalizeName(name: string): string {
  return name.replace(/\s+/g, '');
}

function isSameApplicant(applicant: ApplicantFacts, other: OtherApplicantContact): boolean {
  const code = normalizeCreditCode(applicant.creditCode);
  if (code && other.creditCode) return code === normalizeCreditCode(other.creditCode);
  return normalizeName(applicant.name) === normalizeName(other.name);
}

/**
 * Warns when another applicant of the profile's year uses the same contact person or phone.
 * `others` come from the caller (the local records); the applicant itself may be among them.
 */
export function checkSharedContacts(
  applicant: ApplicantFacts,
  others: OtherApplicantContact[],
  profile: Profile,
): Finding[] {
  if (!profile.sharedContacts?.forbidWithinYear) return [];
  const rivals = others.filter((o) => o.year === profile.year && !isSameApplicant(applicant, o));
  const contact = normalizeName(applicant.contact ?? '');
  const phone = normalizePhone(applicant.phone ?? '');
  const findings: Finding[] = [];
  const byContact = contact ? rivals.filter((o) => normalizeName(o.contact ?? '') === contact) : [];
  const byPhone = phone ? rivals.filter((o) => normalizePhone(o.phone ?? '') === phone) : [];
  const names = (list: OtherApplicantContact[]) => [...new Set(list.map((o) => `“${o.name}”`))].join('、');
  if (byContact.length > 0) {
    findings.push(
      warning(
        'contact-shared',
        'applicant.contact',
        `联系人“${applicant.contact?.trim()}”在${profile.year}年度也是${names(byContact)}的联系人。同一年度内不同单位使用同一联系人的，原则上不予受理：请各单位使用本单位自己的联系人。`,
      ),
    );
  }
  if (byPhone.length > 0) {
    findings.push(
      warning(
        'phone-shared',
        'applicant.phone',
        `联系电话“${applicant.phone?.trim()}”在${profile.year}年度也是${names(byPhone)}的联系电话。同一年度内不同单位使用同一联系电话的，原则上不予受理：请各单位使用本单位自己的联系电话。`,
      ),
    );
  }
  return findings;
}
