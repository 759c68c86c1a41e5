/**
 * One region rule for the credit code: the live note under the field and the full check read the same verdict,
 * so a 深汕 company (codes issued under 汕尾, 4415…) is never told it is outside Shenzhen.
 */
import { describe, expect, it } from 'vitest';
import { checkApplicant, creditCodeRegionVerdict } from '#shared/rules/applicant.ts';
import { creditCodeNote, districtNote } from '../../../renderer/src/steps/applicant-checks.ts';
import { GUANGZHOU_CODE, SHENZHEN_CODE, voucherProfile } from './sample.ts';

const profile = voucherProfile();
/** A 深汕 enterprise registered while the zone was under 汕尾 (region 441500), with a correct check character. */
const SHENSHAN_CODE = '91441500MA4W1234E0';

describe('the credit code’s region digits', () => {
  it('reads Shenzhen codes as inside, other cities as outside, the profile’s undecided prefixes as undecided', () => {
    expect(creditCodeRegionVerdict(SHENZHEN_CODE, profile)).toBe('inside');
    expect(creditCodeRegionVerdict(GUANGZHOU_CODE, profile)).toBe('outside');
    expect(creditCodeRegionVerdict(SHENSHAN_CODE, profile)).toBe('undecided');
    expect(creditCodeRegionVerdict(SHENSHAN_CODE.toLowerCase(), profile)).toBe('undecided');
  });

  it('leaves a code with a wrong check character undecided (its digits cannot be trusted)', () => {
    expect(creditCodeRegionVerdict(`${SHENZHEN_CODE.slice(0, 17)}0`, profile)).toBe('undecided');
  });

  it('follows the profile: a prefix the profile counts as inside is inside', () => {
    const wider = structuredClone(profile);
    wider.applicant.region.creditCodeRegionPrefixes.push('4415');
    wider.applicant.region.creditCodeUndecidedPrefixes = wider.applicant.region.creditCodeUndecidedPrefixes.filter(
      (p) => p !== '4415',
    );
    expect(creditCodeRegionVerdict(SHENSHAN_CODE, wider)).toBe('inside');
  });
});

describe('the live note under the credit code field', () => {
  it('does not tell a 深汕 company it is outside Shenzhen: it asks for the registered district, as the full check does', () => {
    const note = creditCodeNote(SHENSHAN_CODE, profile)!;
    expect(note.tone).toBe('hint');
    expect(note.text).not.toContain('不属于深圳');
    expect(note.text).toContain('441500');
    expect(note.text).toContain('注册地');
    const full = checkApplicant({ name: '深汕某科技有限公司', creditCode: SHENSHAN_CODE, kind: 'enterprise' }, profile);
    expect(full.map((f) => f.code)).toContain('applicant-region-missing');
    expect(full.map((f) => f.code)).not.toContain('applicant-outside-region');
  });

  it('confirms a Shenzhen code and flags a code from another city', () => {
    expect(creditCodeNote(SHENZHEN_CODE, profile)).toEqual({ tone: 'ok', text: '校验位正确，登记地区码属于深圳。' });
    expect(creditCodeNote(GUANGZHOU_CODE, profile)!.text).toContain('登记地区码 440101 不属于深圳');
  });

  it('names characters the standard never uses, and a wrong check character', () => {
    expect(creditCodeNote('91440300MA5G1234AO', profile)!.text).toContain('“O”');
    expect(creditCodeNote(`${SHENZHEN_CODE.slice(0, 17)}0`, profile)).toMatchObject({ tone: 'error' });
  });
});

describe('the live note under the registered district', () => {
  it('reads the address with the full check’s rule: 深汕 is inside, a same-named district of another city is not', () => {
    expect(districtNote('深汕特别合作区鹅埠镇', profile)!.tone).toBe('ok');
    expect(districtNote('南山区', profile)!.tone).toBe('ok');
    expect(districtNote('鹤岗市南山区', profile)!.tone).toBe('error');
  });
});
