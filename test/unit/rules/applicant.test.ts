import { describe, expect, it } from 'vitest';
import { checkApplicant } from '#shared/rules/applicant.ts';
import type { ApplicantFacts } from '#shared/rules/types.ts';
import { GUANGZHOU_CODE, SHENZHEN_CODE, SHENZHEN_CODE_ONE_WRONG, voucherProfile } from './sample.ts';

const profile = voucherProfile();
const base: ApplicantFacts = {
  name: '深圳市示例智能科技有限公司',
  creditCode: SHENZHEN_CODE,
  kind: 'enterprise',
  registeredIn: '深圳市南山区',
  contact: '王小明',
  phone: '0755-26000001',
};
const check = (change: Partial<ApplicantFacts>) => checkApplicant({ ...base, ...change }, profile);
const codes = (change: Partial<ApplicantFacts>) => check(change).map((f) => `${f.severity}:${f.code}`);

describe('applicant: credit code', () => {
  it('says nothing about a correct Shenzhen enterprise', () => {
    expect(check({})).toEqual([]);
  });

  it('errors on one wrong character and names the check character to compare', () => {
    const [finding] = check({ creditCode: SHENZHEN_CODE_ONE_WRONG });
    expect(finding).toMatchObject({
      severity: 'error',
      code: 'credit-code-check-digit',
      subject: 'applicant.creditCode',
    });
    expect(finding?.message).toContain('校验位');
    expect(finding?.message).toContain('营业执照');
  });

  it('errors on a missing code and on a code of the wrong shape', () => {
    expect(codes({ creditCode: '' })).toContain('error:credit-code-missing');
    expect(codes({ creditCode: '9144030' })).toContain('error:credit-code-format');
    expect(codes({ creditCode: '91440300MA5G1234AO' })).toContain('error:credit-code-format');
  });

  it('accepts the code typed in lower case or with spaces', () => {
    expect(codes({ creditCode: ` ${SHENZHEN_CODE.toLowerCase().slice(0, 9)} ${SHENZHEN_CODE.slice(9)}` })).toEqual([]);
  });

  it('refuses an individual business (code 92…), which is no legal person', () => {
    expect(codes({ creditCode: '92440300MA5G1234DA' })).toContain('error:applicant-not-legal-person');
  });
});

describe('applicant: registered in Shenzhen, 深汕 included', () => {
  it.each(['深圳市南山区', '南山区', '广东省深圳市福田区', '深汕特别合作区鹅埠镇', '深圳市前海深港合作区'])(
    'accepts %s',
    (place) => {
      expect(codes({ registeredIn: place })).toEqual([]);
    },
  );

  it.each(['广州市天河区', '北京市海淀区', '汕尾市海丰县'])('errors on %s', (place) => {
    const found = check({ registeredIn: place });
    expect(found.map((f) => f.code)).toContain('applicant-outside-region');
    expect(found.find((f) => f.code === 'applicant-outside-region')?.message).toContain(place);
  });

  it('does not mistake a same-named district of another city for Shenzhen', () => {
    expect(codes({ registeredIn: '鹤岗市南山区' })).toContain('error:applicant-outside-region');
  });

  it('reads the code’s region digits when no address is given', () => {
    expect(codes({ registeredIn: undefined, creditCode: GUANGZHOU_CODE })).toEqual(['error:applicant-outside-region']);
    expect(codes({ registeredIn: undefined })).toEqual(['info:applicant-region-missing']);
  });

  it('leaves 汕尾-era 深汕 codes undecided: asks for the address instead of refusing', () => {
    expect(codes({ registeredIn: undefined, creditCode: '91441500MA4W1234E0' })).toEqual([
      'warning:applicant-region-missing',
    ]);
    expect(codes({ registeredIn: '深汕特别合作区', creditCode: '91441500MA4W1234E0' })).toEqual([]);
  });

  it('warns when a Shenzhen address meets a code from elsewhere (a company that moved in)', () => {
    expect(codes({ creditCode: GUANGZHOU_CODE })).toEqual(['warning:credit-code-region-mismatch']);
  });
});

describe('applicant: kind and contact', () => {
  it('accepts only enterprises for the model voucher', () => {
    expect(codes({ kind: 'institution' })).toEqual(['error:applicant-kind-not-accepted']);
    expect(codes({ kind: 'association' })).toEqual(['error:applicant-kind-not-accepted']);
    expect(codes({ kind: undefined })).toEqual(['warning:applicant-kind-missing']);
  });

  it('warns while the contact person or phone is missing', () => {
    expect(codes({ contact: ' ', phone: undefined })).toEqual([
      'warning:applicant-contact-missing',
      'warning:applicant-phone-missing',
    ]);
  });
});
