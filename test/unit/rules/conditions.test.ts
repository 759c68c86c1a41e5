import { describe, expect, it } from 'vitest';
import { checkConditions } from '#shared/rules/conditions.ts';
import { QUESTION_CONDITIONS, voucherProfile } from './sample.ts';

const profile = voucherProfile();
const allYes = () => Object.fromEntries(QUESTION_CONDITIONS.map((id) => [id, 'yes' as const]));

describe('conditions', () => {
  it('says nothing when every question is answered yes', () => {
    expect(checkConditions(allYes(), profile)).toEqual([]);
  });

  it('asks every question the clerk must answer, and none the contract answers', () => {
    const findings = checkConditions({}, profile);
    expect(findings.map((f) => f.subject).sort()).toEqual(QUESTION_CONDITIONS.map((id) => `conditions.${id}`).sort());
    expect(findings.every((f) => f.severity === 'warning' && f.code === 'condition-unanswered')).toBe(true);
  });

  it('errors on a no to a mandatory condition, with the guide’s consequence', () => {
    const findings = checkConditions({ ...allYes(), 'not-seriously-dishonest': 'no' }, profile);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      severity: 'error',
      code: 'condition-not-met',
      subject: 'conditions.not-seriously-dishonest',
    });
    expect(findings[0]?.message).toContain('严重失信');
  });

  it('warns on not sure', () => {
    const findings = checkConditions({ ...allYes(), 'statistics-consistent': 'unsure' }, profile);
    expect(findings.map((f) => `${f.severity}:${f.code}`)).toEqual(['warning:condition-unsure']);
  });

  it('warns rather than errs on a no to a condition a profile marks optional', () => {
    const optional = { ...profile, conditions: profile.conditions.map((c) => ({ ...c, mandatory: false })) };
    const findings = checkConditions({ ...allYes(), 'model-filed': 'no' }, optional);
    expect(findings.map((f) => `${f.severity}:${f.code}`)).toEqual(['warning:condition-not-met']);
  });
});
