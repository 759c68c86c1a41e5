import { describe, expect, it } from 'vitest';
import {
  creditCodeCheckCharacter,
  creditCodeRegion,
  hasCreditCodeShape,
  hasValidCheckCharacter,
  normalizeCreditCode,
} from '#shared/rules/credit-code.ts';
import { SHENZHEN_CODE, SHENZHEN_CODE_ONE_WRONG } from './sample.ts';

// Codes printed on public business licences, and the example of GB 32100-2015 itself.
const PUBLISHED = ['91350100M000100Y43', '91440300708461136T', '914403001922038216'];

describe('GB 32100-2015 check character', () => {
  it.each(PUBLISHED)('accepts the published code %s', (code) => {
    expect(hasValidCheckCharacter(code)).toBe(true);
    expect(creditCodeCheckCharacter(code)).toBe(code[17]);
  });

  it('rejects a code with one wrong character, wherever it is', () => {
    for (let i = 0; i < 17; i += 1) {
      const c = SHENZHEN_CODE[i] === '1' ? '2' : '1';
      const wrong = SHENZHEN_CODE.slice(0, i) + c + SHENZHEN_CODE.slice(i + 1);
      expect(hasValidCheckCharacter(wrong), wrong).toBe(false);
    }
    expect(hasValidCheckCharacter(SHENZHEN_CODE_ONE_WRONG)).toBe(false);
  });

  it('rejects a wrong check character itself', () => {
    expect(hasValidCheckCharacter('91350100M000100Y44')).toBe(false);
  });

  it('knows the shape: 18 characters, no I O Z S V', () => {
    expect(hasCreditCodeShape('91350100M000100Y4')).toBe(false);
    expect(hasCreditCodeShape('91350100M000100I43')).toBe(false);
    expect(hasCreditCodeShape('91350100M000100S43')).toBe(false);
    expect(hasCreditCodeShape(SHENZHEN_CODE)).toBe(true);
  });

  it('normalizes spaces and lower case, and reads the region digits', () => {
    expect(normalizeCreditCode(' 91350100m000100y43 ')).toBe('91350100M000100Y43');
    expect(creditCodeRegion(SHENZHEN_CODE)).toBe('440300');
  });
});
