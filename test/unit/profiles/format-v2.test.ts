/**
 * Profile format v2: a v1 file converts to the shipped v2 profile, and every refusal reads in Chinese with the
 * field named in words — the clerk who imports a profile never sees zod's English.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseProfileText } from '../../../electron/core/profiles/registry.ts';
import { findProfile, parseProfile, profileV1ToV2 } from '#shared/profiles/index.ts';
import type { Profile as ProfileV1 } from '#shared/profiles/schema-v1.ts';

const v1Text = readFileSync(new URL('../../fixtures/profiles/sz-model-voucher-2025.v1.json', import.meta.url), 'utf8');
const v1 = (): ProfileV1 => JSON.parse(v1Text) as ProfileV1;
const shipped = findProfile('sz-model-voucher-2025')!;
const v2 = () => structuredClone(shipped) as unknown as Record<string, unknown> & typeof shipped;

function refusal(json: unknown): string {
  const result = parseProfile(json);
  if (result.ok) throw new Error('accepted');
  return result.error;
}

/** The message without the field's path (in brackets, for the author), quoted names and the values one may write. */
const prose = (message: string) =>
  message
    .replace(/（[^（）]*）/g, '')
    .replace(/“[^”]*”/g, '')
    .replace(/"[^"]*"/g, '');

describe('v1 → v2', () => {
  it('converts the v1 copy of the 2025 profile to exactly the shipped v2 profile', () => {
    expect(parseProfile(v1())).toEqual({ ok: true, value: shipped });
    expect(profileV1ToV2(v1())).toEqual(shipped);
  });

  it('leaves the v1 profile it converts unchanged', () => {
    const before = v1();
    profileV1ToV2(before);
    expect(before).toEqual(v1());
  });

  it('keeps one track with the v1 rate and caps, the contract as a model-service agreement, the cover numbered', () => {
    const converted = profileV1ToV2(v1());
    expect(converted.tracks).toHaveLength(1);
    expect(converted.tracks[0]).toMatchObject({ ratePercent: 30, base: 'eligible-costs' });
    expect(converted.agreements.map((a) => a.kind)).toEqual(['model-service']);
    expect(converted.paper).toMatchObject({ size: 'A4', numbering: { cover: true }, officialSealOnCover: true });
  });

  it('refuses a v1 file that v1 would have refused, saying it is of format v1', () => {
    const broken = v1();
    broken.funding.ratePercent = 130;
    expect(refusal(broken)).toContain('第1版格式');
    expect(refusal(broken)).toContain('（funding.ratePercent）');
  });
});

describe('refusals in Chinese', () => {
  const cases: [string, (p: ReturnType<typeof v2>) => void, string, string][] = [
    ['a missing field', (p) => delete (p as Partial<typeof p>).words, '字段“项目用语”（words）', '缺少这一项'],
    ['a wrong type', (p) => ((p as { year: unknown }).year = '二〇二五'), '字段“年度”（year）', '须是数字'],
    ['an impossible date', (p) => (p.dates.onlineFiling.to = '2024-13-45'), '网上申报期间的结束', '真实的日期'],
    [
      'an impossible time',
      (p) => (p.dates.paperFiling.to = '2025-11-10T25:61'),
      '书面材料受理期间的结束',
      '真实的日期',
    ],
    ['an unknown field', (p) => ((p as Record<string, unknown>).fundng = {}), '“fundng”', '方案格式中没有的字段'],
    ['an unknown value', (p) => ((p.paper as { size: string }).size = 'A5'), '纸质材料要求的纸张规格', '只能是'],
    ['an empty list', (p) => (p.tracks = []), '资助类别', '至少要有 1 项'],
    ['a rate over 100', (p) => (p.tracks[0]!.ratePercent = 120), '资助类别第1项的资助比例', '不能大于 100'],
    [
      'an unknown kind of condition',
      (p) => ((p.conditions[0]!.test as { kind: string }).kind = 'maybe'),
      '申报条件第1项的判断方式',
      '',
    ],
    [
      'a question id that is not there',
      (p) => (p.tracks[0]!.claimants = { answeredYes: 'nope' }),
      '申领对象',
      '不是本方案中的条件',
    ],
  ];

  it.each(cases)('%s: names the field in words and says what is wrong, in Chinese', (_, change, field, what) => {
    const profile = v2();
    change(profile);
    const message = refusal(profile);
    expect(message).toContain(field);
    expect(message).toContain(what);
    expect(prose(message)).not.toMatch(/[A-Za-z]{3,}/);
  });

  it('refuses what is not a profile object, or of an unknown format version, in Chinese', () => {
    expect(refusal('not a profile')).toBe('方案文件无效：内容须是一个 JSON 对象（{…}）');
    expect(refusal({ ...v2(), schemaVersion: 3 })).toContain('须是 1 或 2');
  });

  it('writes the import refusal with one full stop, not “。。”', () => {
    const broken = v2();
    broken.dates.onlineFiling.to = '10月27日';
    let message = '';
    try {
      parseProfileText(JSON.stringify(broken));
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('请改正方案文件后再导入。');
    expect(message).not.toContain('。。');
  });
});
