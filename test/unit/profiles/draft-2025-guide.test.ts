/**
 * The draft from the 2025 guide, compared field by field with the profile written by hand for it. The draft is of
 * format v1, so it is compared with the v1 copy kept as a fixture (the shipped v2 profile is that copy converted).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { draftProfile } from '#shared/profiles/draft/index.ts';
import { parseProfile } from '#shared/profiles/index.ts';
import type { Profile as ProfileV1 } from '#shared/profiles/schema-v1.ts';

const guide = readFileSync(
  new URL('../../../shared/profiles/guides/sz-model-voucher-2025.zh.txt', import.meta.url),
  'utf8',
);
const shipped = JSON.parse(
  readFileSync(new URL('../../fixtures/profiles/sz-model-voucher-2025.v1.json', import.meta.url), 'utf8'),
) as ProfileV1;
const { profile, gaps } = draftProfile(guide);

/** The paths of every stand-in text (【待填写】…) in the drafted profile. */
function placeholderPaths(value: unknown, path: string[] = []): string[] {
  if (typeof value === 'string') return value.startsWith('【待填写】') ? [path.join('.')] : [];
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => placeholderPaths(v, [...path, k]));
  return [];
}

describe('a draft of the 2025 模型券 guide', () => {
  it('is a valid profile of format v1', () => {
    expect(parseProfile(profile)).toMatchObject({ ok: true });
  });

  it('lists every material of 五 in the guide’s order, group and words', () => {
    const pick = (m: { group: string; quote: string }) => ({ group: m.group, quote: m.quote });
    expect(profile.materials.map(pick)).toEqual(shipped.materials.map(pick));
    expect(profile.materials.map((m) => m.title)).toEqual([
      '通过申报系统打印的资助项目申请书',
      '申报单位营业执照',
      '申报单位近两年的财务审计报告或财务报表',
      '深圳信用网（https://www.szcredit.org.cn）查询下载的完整版信用报告',
      '所提供材料真实性承诺书',
      '项目涉及科技伦理敏感领域，或存在科技安全等风险的，需按国家有关法律法规和伦理监管政策提供相关材料',
      '申报单位与非关联方已入库模型服务机构签订的服务合同（协议）复印件',
      '申报项目建设方案',
    ]);
  });

  it('keeps the licence’s exemption and the ethics material’s condition as the shipped profile does', () => {
    const licence = profile.materials[1]!.requirement;
    const shippedLicence = shipped.materials[1]!.requirement;
    expect(licence.kind).toBe('exemptible');
    if (licence.kind !== 'exemptible' || shippedLicence.kind !== 'exemptible') throw new Error('not exemptible');
    expect(licence.exemptions.map((e) => [e.label, e.quote])).toEqual(
      shippedLicence.exemptions.map((e) => [e.label, e.quote]),
    );
    expect(profile.materials[5]!.requirement).toEqual(shipped.materials[5]!.requirement);
  });

  it('drafts the 基础条件 with the shipped numbers and quotes', () => {
    const basic = (list: typeof profile.conditions) =>
      list.filter((c) => c.group === 'basic').map((c) => [c.number, c.quote]);
    expect(basic(profile.conditions)).toEqual(basic(shipped.conditions));
  });

  // The shipped profile splits 专项条件（一） into four rows and leaves （三） (ways of deployment) to the trace; the draft
  // keeps each numbered condition whole. What compares: every shipped row lies inside the drafted condition of its number.
  it('keeps each 专项条件 whole, containing the shipped profile’s rows of that number', () => {
    const special = profile.conditions.filter((c) => c.group === 'special');
    expect(special.map((c) => c.number)).toEqual(['专项条件（一）', '专项条件（二）', '专项条件（三）']);
    for (const row of shipped.conditions.filter((c) => c.group === 'special')) {
      expect(special.find((c) => c.number === row.number)!.quote).toContain(row.quote);
    }
  });

  it('reads the rate, the caps, the cost scope and the budget note of 三', () => {
    const { ratePercent, softCapYuan, hardCapYuan, quote, mode, budgetNote } = shipped.funding;
    expect(profile.funding).toMatchObject({ ratePercent, softCapYuan, hardCapYuan, quote, mode, budgetNote });
    expect(profile.funding.eligibleCostKinds.map((k) => k.label)).toEqual([
      '模型订阅或API调用费用',
      '模型服务平台和智能体应用开发工具使用费用',
    ]);
  });

  it('reads the filing periods with their times, the service window, the validity and the review days', () => {
    expect(profile.dates).toEqual(shipped.dates);
  });

  it('reads the place, the authority, the phones, the appointment, the online route, the process and the paper sentence', () => {
    const { window, authority, phones, onlineRoute, process, paper } = shipped.submission;
    expect(profile.submission).toMatchObject({ window, authority, phones, onlineRoute, process, paper });
    expect(profile.submission.appointment).toMatchObject({
      app: 'i深圳',
      steps: shipped.submission.appointment.steps,
      note: '请按照预约时段提交材料。',
    });
    expect(profile.issuer).toBe(shipped.issuer);
  });

  it('reads the guide title, the basis, the year and the shared-contact rule', () => {
    expect(profile).toMatchObject({
      guideTitle: shipped.guideTitle,
      basis: shipped.basis,
      year: 2025,
      sharedContacts: shipped.sharedContacts,
    });
  });

  it('traces every drafted field to words that stand in the guide', () => {
    const flat = guide.replace(/\s+/g, '');
    for (const entry of profile.trace)
      expect(flat, entry.encodedAt.join(', ')).toContain(entry.quote.replace(/\s+/g, ''));
    const traced = profile.trace.flatMap((t) => t.encodedAt);
    for (const path of [
      'dates.onlineFiling',
      'dates.paperFiling',
      'submission.window',
      'submission.phones',
      'funding.ratePercent',
      'funding.hardCapYuan',
      'materials.7',
      'conditions.9',
    ]) {
      expect(traced).toContain(path);
    }
  });

  it('lists every stand-in value among the gaps, and says what to do in Chinese', () => {
    const placeholderGaps = gaps.filter((g) => g.placeholder).map((g) => g.path);
    for (const path of placeholderPaths(profile)) {
      expect(
        placeholderGaps.some((g) => path === g || path.startsWith(`${g}.`)),
        path,
      ).toBe(true);
    }
    expect(placeholderGaps).toContain('id');
    expect(placeholderGaps).toContain('materials.0');
    for (const gap of gaps) expect(gap.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(gaps.find((g) => g.path === 'conditions.7.answeredBy')?.message).toContain('contract.serviceWindow');
  });
});
