/**
 * Checks shown while the clerk types the applicant's details (the full check runs in the core afterwards).
 */
import type { Profile } from '#shared/profiles/index.ts';
import {
  addressInRegion,
  creditCodeCheckCharacter,
  creditCodeRegion,
  creditCodeRegionVerdict,
  foreignCreditCodeCharacters,
  hasValidCheckCharacter,
  normalizeCreditCode,
} from '#shared/rules/index.ts';

export interface LiveNote {
  tone: 'ok' | 'error' | 'hint';
  text: string;
}

/** What a valid code's region digits say, in the profile's words (the same verdict the full check uses). */
function regionNote(code: string, profile: Profile): LiveNote {
  const region = creditCodeRegion(code);
  const { label } = profile.applicant.region;
  switch (creditCodeRegionVerdict(code, profile)) {
    case 'inside':
      return { tone: 'ok', text: '校验位正确，登记地区码属于深圳。' };
    case 'undecided':
      return {
        tone: 'hint',
        text: `校验位正确。登记地区码 ${region} 单凭代码无法判断是否在${label}：请在“注册地”填写营业执照住所所在的区。`,
      };
    case 'outside':
      return {
        tone: 'hint',
        text: `校验位正确。登记地区码 ${region} 不属于深圳：如单位是从外地迁入的，请在“注册地”写现在的区。`,
      };
  }
}

/** The credit code as typed: how many characters, which are not allowed, and whether the check character fits. */
export function creditCodeNote(raw: string, profile: Profile): LiveNote | null {
  const code = normalizeCreditCode(raw);
  if (code === '') return { tone: 'hint', text: '18 位，见营业执照右上角或正本左上角。' };
  const foreign = foreignCreditCodeCharacters(code);
  if (foreign.length > 0) {
    return {
      tone: 'error',
      text: `含有信用代码不会用到的字符“${foreign.join('、')}”（代码里没有 I、O、Z、S、V）。请对照营业执照核对，常见的是把 0 写成 O、1 写成 I。`,
    };
  }
  if (code.length < 18) return { tone: 'hint', text: `已输入 ${code.length} 位，还差 ${18 - code.length} 位。` };
  if (code.length > 18)
    return { tone: 'error', text: `多了 ${code.length - 18} 位：统一社会信用代码是 18 位，请删去多出的字符。` };
  if (!hasValidCheckCharacter(code)) {
    return {
      tone: 'error',
      text: `校验位不对：按前 17 位，最后一位应为“${creditCodeCheckCharacter(code)}”，说明有字符填错了。请逐位对照营业执照。`,
    };
  }
  return regionNote(code, profile);
}

/** The registered district as typed: inside the profile's region or not. */
export function districtNote(raw: string, profile: Profile): LiveNote | null {
  const text = raw.trim();
  const { label } = profile.applicant.region;
  if (text === '') return { tone: 'hint', text: `例如：南山区。本项目只受理在${label}注册的单位。` };
  if (addressInRegion(text, profile)) return { tone: 'ok', text: `在${label}。` };
  return {
    tone: 'error',
    text: `“${text}”不在${label}的区名中。请填写营业执照住所所在的区，例如“南山区”；单位不在深圳的不能申报。`,
  };
}
