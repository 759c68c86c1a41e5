/**
 * The 示例 company's identity and the help pages' quotes: the sample's credit code passes the same check a real
 * one does, and every sentence a help page attributes to the guide is in the published guide word for word.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findProfile } from '#shared/profiles/index.ts';
import { creditCodeRegion, hasValidCheckCharacter } from '#shared/rules/index.ts';
import { isSampleApplicant, SAMPLE_CREDIT_CODE } from '#shared/sample.ts';
import { stepHelp } from '../../renderer/src/help/step-help.ts';
import { steps } from '../../renderer/src/steps/steps.ts';
import { REPO_ROOT } from '../fixtures/fixture-cache.ts';

const guide = readFileSync(path.join(REPO_ROOT, 'shared/profiles/guides/sz-model-voucher-2025.zh.txt'), 'utf8');
const profile = findProfile('sz-model-voucher-2025')!;

describe('the sample company', () => {
  it('has a well-formed Shenzhen credit code that marks it as the sample', () => {
    expect(SAMPLE_CREDIT_CODE).toHaveLength(18);
    expect(hasValidCheckCharacter(SAMPLE_CREDIT_CODE)).toBe(true);
    expect(creditCodeRegion(SAMPLE_CREDIT_CODE)).toBe('440300');
    expect(isSampleApplicant({ creditCode: SAMPLE_CREDIT_CODE })).toBe(true);
    expect(isSampleApplicant({ creditCode: SAMPLE_CREDIT_CODE.slice(0, 17) + '0' })).toBe(false);
  });
});

describe('the help page of each step', () => {
  for (const step of steps) {
    it(`「${step.label}」 quotes the guide word for word for each rule`, () => {
      const page = stepHelp(step.id, profile);
      expect(page.intro.length).toBeGreaterThan(10);
      expect(page.rules.length).toBeGreaterThan(0);
      for (const rule of page.rules) expect(guide, rule.rule).toContain(rule.quote);
    });
  }

  it('explains 骑缝章, 公章, 关联方, 入库 and 备案 where they come up', () => {
    const termsOf = (id: (typeof steps)[number]['id']) =>
      stepHelp(id, profile)
        .terms.map((t) => t.term)
        .join(' ');
    expect(termsOf('export')).toContain('骑缝章');
    expect(termsOf('export')).toContain('公章');
    expect(termsOf('generate')).toContain('骑缝章');
    expect(termsOf('contract')).toContain('关联方');
    expect(termsOf('contract')).toContain('入库');
    expect(termsOf('contract')).toContain('备案');
  });
});
