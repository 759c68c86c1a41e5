import { describe, expect, it } from 'vitest';
import { checkMaterials } from '#shared/rules/materials.ts';
import type { MaterialState } from '#shared/rules/types.ts';
import { voucherProfile } from './sample.ts';

const profile = voucherProfile();
const attached = (id: string): MaterialState => ({ id, attachedFiles: 1, missingFiles: [] });
const complete = (): MaterialState[] =>
  profile.materials.map((m) =>
    m.id === 'ethics-materials'
      ? { ...attached(m.id), attachedFiles: 0, setAside: { state: 'not-applicable', reason: '不涉及' } }
      : attached(m.id),
  );
const withState = (state: MaterialState) => complete().map((s) => (s.id === state.id ? state : s));
const issues = (states: MaterialState[]) => checkMaterials(states, profile).filter((f) => f.severity !== 'info');

describe('materials', () => {
  it('accepts a complete set', () => {
    expect(issues(complete())).toEqual([]);
  });

  it.each([
    'application-form',
    'business-license',
    'financial-statements',
    'credit-report',
    'authenticity-commitment',
    'service-contract',
    'construction-plan',
  ])('errors when %s is missing', (id) => {
    const findings = issues(complete().filter((s) => s.id !== id));
    expect(findings).toEqual([expect.objectContaining({ severity: 'error', code: 'material-missing', subject: id })]);
  });

  it('counts a material with an empty file list as missing', () => {
    expect(issues(withState({ ...attached('credit-report'), attachedFiles: 0 })).map((f) => f.code)).toEqual([
      'material-missing',
    ]);
  });

  it('lets the business licence be exempt for a linked e-licence, noted as info', () => {
    const findings = checkMaterials(
      withState({
        ...attached('business-license'),
        attachedFiles: 0,
        setAside: { state: 'exempt', reason: 'e-licence' },
      }),
      profile,
    );
    const note = findings.find((f) => f.subject === 'business-license');
    expect(note).toMatchObject({ severity: 'info', code: 'material-exempt' });
    expect(note?.message).toContain('电子证照');
  });

  it('refuses exemption or not-applicable for a required material', () => {
    const exempt = issues(
      withState({ ...attached('credit-report'), attachedFiles: 0, setAside: { state: 'exempt', reason: '没有' } }),
    );
    expect(exempt.map((f) => `${f.severity}:${f.code}`)).toEqual(['error:material-exempt-not-allowed']);
    const na = issues(
      withState({
        ...attached('construction-plan'),
        attachedFiles: 0,
        setAside: { state: 'not-applicable', reason: '无' },
      }),
    );
    expect(na.map((f) => `${f.severity}:${f.code}`)).toEqual(['error:material-not-applicable-not-allowed']);
  });

  it('needs a reason to mark the ethics materials not applicable', () => {
    const noReason = issues(
      withState({
        id: 'ethics-materials',
        attachedFiles: 0,
        missingFiles: [],
        setAside: { state: 'not-applicable', reason: '' },
      }),
    );
    expect(noReason.map((f) => `${f.severity}:${f.code}`)).toEqual(['error:material-reason-missing']);
    const unmarked = issues(withState({ id: 'ethics-materials', attachedFiles: 0, missingFiles: [] }));
    expect(unmarked[0]?.code).toBe('material-missing');
    expect(unmarked[0]?.message).toContain('不适用');
  });

  it('errors on each attached file that cannot be found, naming it', () => {
    const findings = issues(
      withState({ ...attached('credit-report'), attachedFiles: 2, missingFiles: ['files/信用报告.pdf'] }),
    );
    expect(findings).toEqual([
      expect.objectContaining({ severity: 'error', code: 'material-file-missing', subject: 'credit-report' }),
    ]);
    expect(findings[0]?.message).toContain('files/信用报告.pdf');
  });

  it('warns about a material the profile does not know', () => {
    expect(issues([...complete(), attached('photos')]).map((f) => `${f.severity}:${f.code}:${f.subject}`)).toEqual([
      'warning:material-unknown:photos',
    ]);
  });
});
