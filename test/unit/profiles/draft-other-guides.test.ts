/**
 * Drafts from guide texts of our own in the same template (test/fixtures/guides): other titles, dates, amounts,
 * materials and heading slips, so that the draft does not hang on the 2025 guide's wording.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { draftProfile } from '#shared/profiles/draft/index.ts';
import { parseProfile } from '#shared/profiles/index.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/guides/${name}`, import.meta.url), 'utf8');
const gapAt = (gaps: { path: string; placeholder: boolean }[], path: string) => gaps.find((g) => g.path === path);

describe('a draft of a 语料券 guide (2026, "5、" heading, one cap only)', () => {
  const { profile, gaps } = draftProfile(fixture('corpus-voucher-2026.zh.txt'));

  it('is a valid profile named after the guide', () => {
    expect(parseProfile(profile)).toMatchObject({ ok: true });
    expect(profile).toMatchObject({ year: 2026, title: '2026年打造人工智能先锋城市项目扶持计划语料券（申领）' });
  });

  it('reads "不超过合同金额的30%，最高不超过200万元" as 30 % and a hard cap, and says there is no soft cap', () => {
    expect(profile.funding).toMatchObject({ ratePercent: 30, hardCapYuan: 2_000_000, softCapYuan: 2_000_000 });
    expect(gapAt(gaps, 'funding.softCapYuan')).toMatchObject({ placeholder: true });
    expect(profile.funding.eligibleCostKinds.map((k) => k.label)).toEqual([
      '数据集采购费用',
      '数据标注服务费用',
      '语料清洗服务费用',
    ]);
  });

  it('lists the six materials under “5、 项目的申报材料”, with the exemption of the payment vouchers', () => {
    expect(profile.materials.map((m) => [m.group, m.title])).toEqual([
      ['common', '通过申报系统打印的资助项目申请书'],
      ['common', '申报单位上年度财务审计报告'],
      ['common', '所提供材料真实性承诺书'],
      ['special', '申报单位与已入库语料服务机构签订的服务合同（协议）复印件'],
      ['special', '语料采购付款凭证'],
      ['special', '语料使用情况说明'],
    ]);
    expect(profile.materials[4]!.quote).toBe('语料采购付款凭证（复印件；已在市数据交易所登记交易的，无需提交）');
    expect(profile.materials[4]!.requirement).toMatchObject({
      kind: 'exemptible',
      exemptions: [{ label: '已在市数据交易所登记交易' }],
    });
  });

  it('numbers the conditions 基础条件（一）… 专项条件（二）', () => {
    expect(profile.conditions.map((c) => c.number)).toEqual([
      '基础条件（一）',
      '基础条件（二）',
      '基础条件（三）',
      '专项条件（一）',
      '专项条件（二）',
    ]);
    expect(profile.conditions[4]!.quote).toBe('所购语料用于人工智能模型训练或应用开发');
  });

  it('reads times in minutes, a second date without its year and "24时" as the end of that day', () => {
    expect(profile.dates).toMatchObject({
      serviceWindow: { from: '2025-09-01', to: '2026-12-31' },
      onlineFiling: { from: '2026-03-02T09:00', to: '2026-03-20T17:30' },
      paperFiling: { from: '2026-03-02', to: '2026-04-03' },
      resultValidUntil: '2027-06-30',
      reviewWorkingDays: 60,
    });
  });

  it('reads the place, two policy numbers with one area code, the appointment and the route', () => {
    expect(profile.submission.window).toBe('深圳市南山区南海大道2688号南山区政务服务中心1楼综合窗口');
    expect(profile.submission.phones).toEqual([
      { purpose: '政策咨询', number: '0755-88100001' },
      { purpose: '政策咨询', number: '0755-88100002' },
      { purpose: '技术支持', number: '0755-26000000' },
    ]);
    expect(profile.submission.appointment).toEqual({
      app: 'i深圳',
      steps: ['办事预约', '深圳市', '南山区政务服务中心', '在线预约'],
      note: '请提前一个工作日预约。',
    });
    expect(profile.submission.onlineRoute.at(-1)).toBe('选择“语料券（申领）项目”事项办理申请');
  });

  it('reads the paper sentence: two copies, no cross-page seal, the cover not numbered, stapled', () => {
    expect(profile.submission.paper).toMatchObject({
      copies: 2,
      duplex: true,
      crossPageSealWhenMultiPage: false,
      pageNumbers: { continuous: true, skipBlank: false, includeCover: false },
      binding: 'staple',
      quote: '以上材料均需加盖申报单位公章；一式两份，A4纸双面打印，连续编写页码，左侧装订。',
    });
  });

  it('asks a person about the shared-contact rule the guide does not state', () => {
    expect(profile.sharedContacts.forbidWithinYear).toBe(false);
    expect(gapAt(gaps, 'sharedContacts')?.placeholder).toBe(false);
  });
});

describe('a draft of an application-demonstration guide (two-line title, "7、" heading, a period across the new year)', () => {
  const { profile, gaps } = draftProfile(fixture('application-demo-2026.zh.txt'));

  it('is a valid profile', () => {
    expect(parseProfile(profile)).toMatchObject({ ok: true });
    expect(profile.guideTitle).toBe(
      '深圳市工业和信息化局2026年打造人工智能先锋城市项目扶持计划人工智能应用示范项目申请指南',
    );
  });

  it('reads 30 % of the actual investment, a soft cap of 150万元 and a hard cap of 200万元 for a project', () => {
    expect(profile.funding).toMatchObject({ ratePercent: 30, softCapYuan: 1_500_000, hardCapYuan: 2_000_000 });
    expect(profile.trace.find((t) => t.encodedAt.includes('funding.ratePercent'))?.quote).toBe(
      '按不超过项目实际投资额的30%给予资助',
    );
  });

  it('asks a person about the benchmark project’s cap and the per-project scope that format v1 cannot hold', () => {
    expect(gapAt(gaps, 'funding.hardCapYuan')).toMatchObject({ placeholder: false });
    expect(gaps.find((g) => g.path === 'funding.hardCapYuan')!.message).toContain(
      '经认定为标杆项目的，最高不超过1000万元',
    );
    expect(gaps.find((g) => g.path === 'funding')!.message).toContain('按每个项目计算');
  });

  it('lists the materials with the 原件 note kept apart from the title', () => {
    expect(profile.materials.map((m) => [m.group, m.title])).toEqual([
      ['common', '资助项目申请书'],
      ['common', '申报单位营业执照'],
      ['special', '项目投资明细表及发票复印件'],
      ['special', '项目验收报告'],
      ['special', '项目用户使用证明'],
    ]);
    expect(profile.materials[4]!.quote).toBe('项目用户使用证明（原件）');
  });

  it('moves a second date without its year into the next year', () => {
    expect(profile.dates).toMatchObject({
      onlineFiling: { from: '2026-12-14', to: '2027-01-08T18:00' },
      paperFiling: { from: '2026-12-21', to: '2027-01-22T17:00' },
      resultValidUntil: '2027-12-31',
      reviewWorkingDays: 45,
    });
  });

  it('reads a mobile number and two numbers sharing an area code', () => {
    expect(profile.submission.phones).toEqual([
      { purpose: '联系', number: '0755-83070001' },
      { purpose: '联系', number: '0755-83070002' },
      { purpose: '技术支持', number: '13800138000' },
    ]);
  });

  it('puts what the guide does not say into the gaps as stand-ins: service window, appointment, budget note', () => {
    for (const path of ['dates.serviceWindow', 'submission.appointment', 'funding.budgetNote']) {
      expect(gapAt(gaps, path), path).toMatchObject({ placeholder: true });
    }
    expect(profile.submission.appointment.app).toMatch(/^【待填写】/);
    expect(profile.submission.process).toEqual([]);
  });

  it('keeps the shared-contact rule with its words', () => {
    expect(profile.sharedContacts).toEqual({
      forbidWithinYear: true,
      quote: '如发现同一年度内不同单位使用同一联系人、同一联系电话的，不予受理',
    });
  });
});
