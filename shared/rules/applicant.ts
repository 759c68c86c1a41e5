/**
 * Rules on the applicant: the credit code, where it is registered, and what kind of body it is.
 */
import type { Profile } from '../profiles/schema.ts';
import {
  creditCodeRegion,
  hasCreditCodeShape,
  hasValidCheckCharacter,
  creditCodeCheckCharacter,
  normalizeCreditCode,
} from './credit-code.ts';
import { error, info, warning } from './findings.ts';
import type { ApplicantFacts, ApplicantKind, Finding } from './types.ts';

const KIND_NAMES: Record<ApplicantKind, string> = {
  enterprise: '企业',
  institution: '事业单位',
  association: '行业协会',
  other: '其他组织',
};

/** Checks the credit code's shape and its GB 32100-2015 check character. */
export function checkCreditCode(applicant: ApplicantFacts): Finding[] {
  const code = normalizeCreditCode(applicant.creditCode);
  const subject = 'applicant.creditCode';
  if (code === '')
    return [error('credit-code-missing', subject, '请填写申报单位的统一社会信用代码（18位，见营业执照）。')];
  if (!hasCreditCodeShape(code)) {
    return [
      error(
        'credit-code-format',
        subject,
        `统一社会信用代码“${applicant.creditCode}”格式不对：应为18位数字或大写字母（不含 I、O、Z、S、V）。请对照营业执照重新填写。`,
      ),
    ];
  }
  if (!hasValidCheckCharacter(code)) {
    return [
      error(
        'credit-code-check-digit',
        subject,
        `统一社会信用代码“${code}”的校验位不对（按前17位应为“${creditCodeCheckCharacter(code)}”），说明有字符填错。请逐位对照营业执照重新填写。`,
      ),
    ];
  }
  // Authority 9 is market regulation; kind 2 there is an individual business, which is no legal person.
  if (code.startsWith('92')) {
    return [
      error(
        'applicant-not-legal-person',
        subject,
        '该代码属于个体工商户，不具有独立法人资格，不能申报。请确认申报单位和信用代码。',
      ),
    ];
  }
  return [];
}

/**
 * Whether an address names the profile's region: a city or zone name, or one of its districts when no other city
 * is named ("鹤岗市南山区" is not Shenzhen's 南山区).
 */
export function addressInRegion(text: string, profile: Profile): boolean {
  const region = profile.applicant.region;
  if (region.names.some((n) => text.includes(n))) return true;
  const namesOtherCity = /[省市州盟]/.test(text.replace(/市民中心/g, ''));
  return !namesOtherCity && region.districts.some((d) => text.includes(d));
}

/** What a credit code's region digits say about the region: `undecided` where they cannot tell (or the code is not valid). */
export type CodeRegion = 'inside' | 'outside' | 'undecided';

/**
 * Reads the region digits (characters 3–8) of a valid code against the profile: inside, outside, or undecided for
 * the prefixes the profile cannot judge (深汕's codes were issued under 汕尾, 4415…).
 * @example creditCodeRegionVerdict('91441500MA4W1234E0', profile) // 'undecided'
 */
export function creditCodeRegionVerdict(creditCode: string, profile: Profile): CodeRegion {
  const code = normalizeCreditCode(creditCode);
  if (!hasValidCheckCharacter(code)) return 'undecided';
  const digits = creditCodeRegion(code);
  const { creditCodeRegionPrefixes, creditCodeUndecidedPrefixes } = profile.applicant.region;
  if (creditCodeRegionPrefixes.some((p) => digits.startsWith(p))) return 'inside';
  if (creditCodeUndecidedPrefixes.some((p) => digits.startsWith(p))) return 'undecided';
  return 'outside';
}

/** Checks that the applicant is registered in the profile's region, from the address and the code's region digits. */
export function checkRegion(applicant: ApplicantFacts, profile: Profile): Finding[] {
  const label = profile.applicant.region.label;
  const fromCode = creditCodeRegionVerdict(applicant.creditCode, profile);
  const registeredIn = applicant.registeredIn?.trim();
  if (!registeredIn) {
    if (fromCode === 'outside') {
      return [
        error(
          'applicant-outside-region',
          'applicant.creditCode',
          `信用代码的登记机关地区码（第3–8位 ${creditCodeRegion(normalizeCreditCode(applicant.creditCode))}）不在${label}。只有在${label}注册的单位才能申报；如单位已迁入，请填写现在的注册地。`,
        ),
      ];
    }
    const message = `请填写申报单位的注册地（区），以便核对是否在${label}。`;
    const make = fromCode === 'inside' ? info : warning;
    return [make('applicant-region-missing', 'applicant.registeredIn', message)];
  }
  if (!addressInRegion(registeredIn, profile)) {
    return [
      error(
        'applicant-outside-region',
        'applicant.registeredIn',
        `注册地“${registeredIn}”不在${label}。本项目只受理在${label}注册并从事生产经营活动的单位；如填错了，请改为营业执照上的住所。`,
      ),
    ];
  }
  if (fromCode === 'outside') {
    return [
      warning(
        'credit-code-region-mismatch',
        'applicant.creditCode',
        `信用代码的地区码不在${label}，与注册地“${registeredIn}”不一致。若单位是从外地迁入的属正常情况；否则请核对信用代码和注册地。`,
      ),
    ];
  }
  return [];
}

/** Checks that the applicant is a kind of body the profile accepts. */
export function checkKind(applicant: ApplicantFacts, profile: Profile): Finding[] {
  const accepted = profile.applicant.acceptedKinds;
  const acceptedNames = accepted.map((k) => KIND_NAMES[k]).join('、');
  if (!applicant.kind) {
    return [
      warning('applicant-kind-missing', 'applicant.kind', `请选择申报单位类型。本项目受理的类型：${acceptedNames}。`),
    ];
  }
  if (!accepted.includes(applicant.kind)) {
    return [
      error(
        'applicant-kind-not-accepted',
        'applicant.kind',
        `本项目只受理${acceptedNames}，申报单位类型为“${KIND_NAMES[applicant.kind]}”，不能申报。如类型选错了，请改正。`,
      ),
    ];
  }
  return [];
}

/** Contact person and phone go on the application form and are checked across applicants (note 2). */
export function checkContact(applicant: ApplicantFacts): Finding[] {
  const findings: Finding[] = [];
  if (!applicant.contact?.trim()) {
    findings.push(
      warning(
        'applicant-contact-missing',
        'applicant.contact',
        '请填写本单位的申报联系人：同一年度内不同单位使用同一联系人的，原则上不予受理。',
      ),
    );
  }
  if (!applicant.phone?.trim()) {
    findings.push(
      warning(
        'applicant-phone-missing',
        'applicant.phone',
        '请填写申报联系人的电话：同一年度内不同单位使用同一联系电话的，原则上不予受理。',
      ),
    );
  }
  return findings;
}

/** All applicant rules. */
export function checkApplicant(applicant: ApplicantFacts, profile: Profile): Finding[] {
  return [
    ...checkCreditCode(applicant),
    ...checkRegion(applicant, profile),
    ...checkKind(applicant, profile),
    ...checkContact(applicant),
  ];
}
