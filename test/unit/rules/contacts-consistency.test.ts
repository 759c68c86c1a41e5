import { describe, expect, it } from 'vitest';
import { checkConsistency } from '#shared/rules/consistency.ts';
import { checkSharedContacts, normalizePhone } from '#shared/rules/contacts.ts';
import type { ApplicantFacts, OtherApplicantContact } from '#shared/rules/types.ts';
import { SHENZHEN_CODE, voucherProfile } from './sample.ts';

const profile = voucherProfile();
const applicant: ApplicantFacts = {
  name: '深圳市示例智能科技有限公司',
  creditCode: SHENZHEN_CODE,
  contact: '王小明',
  phone: '0755-26000001',
};
const other = (change: Partial<OtherApplicantContact>): OtherApplicantContact => ({
  name: '深圳市另一家科技有限公司',
  creditCode: '91440300MA5H5678CK',
  contact: '李四',
  phone: '13800000000',
  year: 2025,
  ...change,
});
const codes = (others: OtherApplicantContact[]) =>
  checkSharedContacts(applicant, others, profile).map((f) => `${f.severity}:${f.code}`);

describe('shared contact person or phone (guide note 2)', () => {
  it('says nothing when nobody else uses them', () => {
    expect(codes([other({})])).toEqual([]);
  });

  it('warns when another applicant of the same year has the same contact person, naming it', () => {
    const findings = checkSharedContacts(applicant, [other({ contact: ' 王小明 ' })], profile);
    expect(findings.map((f) => `${f.severity}:${f.code}:${f.subject}`)).toEqual([
      'warning:contact-shared:applicant.contact',
    ]);
    expect(findings[0]?.message).toContain('深圳市另一家科技有限公司');
  });

  it('matches phones however they are written', () => {
    expect(codes([other({ phone: '(0755) 2600 0001' })])).toEqual(['warning:phone-shared']);
    expect(normalizePhone('+86 138-0000-0000')).toBe('13800000000');
  });

  it('ignores other years and the applicant itself', () => {
    expect(codes([other({ contact: '王小明', year: 2024 })])).toEqual([]);
    expect(codes([other({ name: applicant.name, creditCode: SHENZHEN_CODE, contact: '王小明' })])).toEqual([]);
    expect(codes([other({ name: applicant.name, creditCode: undefined, phone: '0755-26000001' })])).toEqual([]);
  });
});

describe('the applicant’s name and code the same everywhere', () => {
  it('accepts equal names, ignoring spaces and bracket width', () => {
    const findings = checkConsistency({ ...applicant, name: '深圳市示例（南山）科技有限公司' }, [
      {
        subject: 'contract.customerName',
        name: '深圳市示例(南山)科技有限公司',
        creditCode: SHENZHEN_CODE.toLowerCase(),
      },
    ]);
    expect(findings).toEqual([]);
  });

  it('errors on a different name or code, naming where it was recorded', () => {
    const findings = checkConsistency(applicant, [
      { subject: 'contract.customerName', name: '深圳市示例科技有限公司' },
      { subject: 'credit-report', creditCode: '91440300MA5H5678CK' },
    ]);
    expect(findings.map((f) => `${f.severity}:${f.code}:${f.subject}`)).toEqual([
      'error:applicant-name-inconsistent:contract.customerName',
      'error:credit-code-inconsistent:credit-report',
    ]);
    expect(findings[0]?.message).toContain('深圳市示例科技有限公司');
  });
});
