/**
 * The pure readers under the draft: headings, dates, amounts, phones and routes as guides write them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findCaps, findRates, yuanOf } from '#shared/profiles/draft/amounts.ts';
import { findPhones, routeSteps } from '#shared/profiles/draft/contacts.ts';
import { findDate, findPeriod, isRealLocalDateTime } from '#shared/profiles/draft/dates.ts';
import { draftProfile } from '#shared/profiles/draft/index.ts';
import { titleAndNote } from '#shared/profiles/draft/items.ts';
import { splitGuide } from '#shared/profiles/draft/sections.ts';

describe('dates', () => {
  it('accepts real dates and times and refuses impossible ones', () => {
    expect(['2024-02-29', '2025-10-27T18:00', '2025-12-31T23:59'].every(isRealLocalDateTime)).toBe(true);
    expect(
      ['2024-13-45', '2025-02-29', '2025-04-31', '2025-10-27T25:61', '2025-10-27T24:00', '2025-1-1'].some(
        isRealLocalDateTime,
      ),
    ).toBe(false);
  });

  it('reads "2025年10月13日至10月27日18时" with the year carried to the second date', () => {
    expect(findPeriod('申报单位需于2025年10月13日至10月27日18时，在线提交')).toEqual({
      ok: true,
      value: { from: '2025-10-13', to: '2025-10-27T18:00' },
      words: '2025年10月13日至10月27日18时',
    });
  });

  it('refuses an impossible date in a guide with its words', () => {
    expect(findPeriod('于2024年13月45日至2025年1月1日')).toEqual({ ok: false, words: '2024年13月45日至2025年1月1日' });
    expect(findDate('有效期限：2026年2月30日')).toEqual({ ok: false, words: '2026年2月30日' });
    expect(findPeriod('2025年10月13日至10月27日25时')?.ok).toBe(false);
  });
});

describe('amounts and rates', () => {
  it('reads 万元, 亿元 and 元', () => {
    expect([yuanOf('100万元'), yuanOf('1.5亿元'), yuanOf('5000元'), yuanOf('0.5万元'), yuanOf('无')]).toEqual([
      1_000_000,
      150_000_000,
      5000,
      5000,
      undefined,
    ]);
  });

  it('reads soft and hard caps, or a hard cap alone', () => {
    expect(findCaps('单家企业每年原则上不超过100万元，最高不超过200万元；')).toMatchObject({
      softYuan: 1_000_000,
      hardYuan: 2_000_000,
    });
    expect(findCaps('不超过合同金额的30%，最高不超过1亿元')).toMatchObject({
      softYuan: undefined,
      hardYuan: 100_000_000,
    });
    expect(findCaps('每个项目资助不超过50万元。')).toMatchObject({ softYuan: undefined, hardYuan: 500_000 });
  });

  it('reads the rate and what it applies to', () => {
    expect(findRates('以“模型券”抵扣不超过模型购买费用的30%').map((r) => [r.percent, r.base])).toEqual([
      [30, '模型购买费用'],
    ]);
    expect(findRates('按不超过合同金额的50％给予支持').map((r) => [r.percent, r.base])).toEqual([[50, '合同金额']]);
  });
});

describe('phones and routes', () => {
  it('gives a second number the first one’s area code', () => {
    expect(findPhones('技术支持电话：0755-88101744、88127031。')).toEqual([
      { purpose: '技术支持', number: '0755-88101744' },
      { purpose: '技术支持', number: '0755-88127031' },
    ]);
    expect(findPhones('3.政策咨询电话：020-12345678')).toEqual([{ purpose: '政策咨询', number: '020-12345678' }]);
  });

  it('splits a route on ——, -- and —, without 登录', () => {
    expect(routeSteps('登录广东政务服务网——深圳市--市工信局—在线申报。')).toEqual([
      '广东政务服务网',
      '深圳市',
      '市工信局',
      '在线申报',
    ]);
  });
});

describe('headings and items', () => {
  it('finds headings by their known title whatever their numbering, and not an item that looks like one', () => {
    const guide = splitGuide(
      [
        '某某指南',
        '一、资助的项目类别',
        '甲',
        '4、 项目申报条件',
        '乙',
        '五、项目的申报材料',
        '1.网络填报受理时间：丙',
        '15、 注意事项',
        '1、丁',
      ].join('\n'),
    );
    expect(guide.titleLines).toEqual(['某某指南']);
    expect(guide.sections.map((s) => [s.key, s.lines])).toEqual([
      ['category', ['甲']],
      ['conditions', ['乙']],
      ['materials', ['1.网络填报受理时间：丙']],
      ['notes', ['1、丁']],
    ]);
  });

  it('keeps a closing bracket that names in the title and takes one that qualifies as the note', () => {
    expect(titleAndNote('服务合同（协议）')).toEqual({ title: '服务合同（协议）', note: undefined });
    expect(titleAndNote('营业执照（复印件）')).toEqual({ title: '营业执照', note: '复印件' });
  });

  it('joins an item that a copy from a PDF wrapped mid-sentence, but not the closing sentence after it', () => {
    const guide = readFileSync(
      new URL('../../../shared/profiles/guides/sz-model-voucher-2025.zh.txt', import.meta.url),
      'utf8',
    );
    const wrapped = guide
      .replace('已关联电子证照的，', '已关联电子证照的，\n')
      .replace(
        '申报单位与非关联方已入库模型服务机构签订的服务合同',
        '申报单位与非关联方已入库模型\n服务机构签订的服务合同',
      )
      .replace('（二）申报项目建设方案。', '（二）申报项目建设方案');
    const quotes = (text: string) => draftProfile(text).profile.materials.map((m) => m.quote);
    expect(quotes(wrapped)).toEqual(quotes(guide));
  });

  it('puts an impossible filing date into the gaps instead of the profile', () => {
    const text = [
      'X指南',
      '七、项目申请受理机关与时间',
      '1.网络填报受理时间：申报单位需于2024年13月45日至2025年1月1日，在线提交。',
    ].join('\n');
    const { profile, gaps } = draftProfile(text);
    expect(profile.dates.onlineFiling).toEqual({ from: '2000-01-01', to: '2000-01-01' });
    expect(gaps.find((g) => g.path === 'dates.onlineFiling')).toMatchObject({
      placeholder: true,
      message: expect.stringContaining('“2024年13月45日至2025年1月1日”不是真实的日期'),
    });
  });

  it('reads a paper sentence written under 七: another size, one-sided, three copies', () => {
    const line = '（四）纸质材料：一式三份，A3纸单面打印，装订成册（胶装）。';
    const { profile, gaps } = draftProfile(['X指南', '七、项目申请受理机关与时间', line].join('\n'));
    expect(profile.paper).toMatchObject({ size: 'A3', duplex: false, copies: 3, binding: 'perfect', quote: line });
    expect(profile.trace).toContainEqual({ quote: line, encodedAt: ['paper'] });
    expect(gaps.find((g) => g.path === 'paper.sizeExceptions')).toBeUndefined();
  });
});
