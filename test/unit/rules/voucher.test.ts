import { describe, expect, it } from 'vitest';
import { yuanToFen } from '#shared/money.ts';
import type { CostFacts } from '#shared/rules/types.ts';
import { voucherAmount, voucherFindings } from '#shared/rules/voucher.ts';
import { voucherProfile } from './sample.ts';

const profile = voucherProfile();
const cost = (amount: number, kind = 'api', paidOn = '2025-05-01'): CostFacts => ({
  kind,
  amountFen: yuanToFen(amount),
  paidOn,
});
const codesOf = (costs: CostFacts[]) =>
  voucherFindings(costs, voucherAmount(costs, profile), profile).map((f) => `${f.severity}:${f.code}`);

describe('voucher amount', () => {
  it('is 30 % of the eligible cost', () => {
    const v = voucherAmount([cost(200000), cost(100000, 'subscription')], profile);
    expect(v.eligibleCostFen).toBe(yuanToFen(300000));
    expect(v.amountFen).toBe(yuanToFen(90000));
  });

  it.each(['subscription', 'api', 'platform', 'agent-tools'])('counts the kind %s', (kind) => {
    expect(voucherAmount([cost(1000, kind)], profile).amountFen).toBe(yuanToFen(300));
  });

  it.each(['other', 'hardware', 'consulting'])('leaves out the kind %s and warns', (kind) => {
    const costs = [cost(1000), cost(5000, kind)];
    const v = voucherAmount(costs, profile);
    expect(v.eligibleCostFen).toBe(yuanToFen(1000));
    expect(v.totalCostFen).toBe(yuanToFen(6000));
    expect(v.excluded).toEqual([{ index: 1, reason: 'kind' }]);
    expect(codesOf(costs)).toContain('warning:cost-kind-ineligible');
  });

  it('leaves out a cost line without a payment date, and asks for the date', () => {
    const costs: CostFacts[] = [cost(1000), { kind: 'api', amountFen: yuanToFen(5000) }];
    const v = voucherAmount(costs, profile);
    expect(v.eligibleCostFen).toBe(yuanToFen(1000));
    expect(v.totalCostFen).toBe(yuanToFen(6000));
    expect(v.excluded).toEqual([{ index: 1, reason: 'date' }]);
    expect(codesOf(costs)).toContain('warning:cost-date-missing');
  });

  it('counts payments on the first and last day of the window, not the day before or after', () => {
    const costs = [
      cost(100, 'api', '2024-11-30'),
      cost(1000, 'api', '2024-12-01'),
      cost(2000, 'api', '2026-08-31'),
      cost(100, 'api', '2026-09-01'),
    ];
    const v = voucherAmount(costs, profile);
    expect(v.eligibleCostFen).toBe(yuanToFen(3000));
    expect(v.excluded).toEqual([
      { index: 0, reason: 'date' },
      { index: 3, reason: 'date' },
    ]);
    expect(codesOf(costs).filter((c) => c === 'warning:cost-outside-window')).toHaveLength(2);
  });

  it('leaves out a cost without a payment date and asks for it', () => {
    const costs = [cost(1000), cost(500, 'api', '')];
    expect(voucherAmount(costs, profile).eligibleCostFen).toBe(yuanToFen(1000));
    const finding = voucherFindings(costs, voucherAmount(costs, profile), profile).find((f) => f.subject === 'costs.1');
    expect(finding).toMatchObject({ severity: 'warning', code: 'cost-date-missing' });
    expect(finding?.message).toContain('支付日期');
  });

  it('sums in fen: 0.10 + 0.20 is 0.30 and 30 % of it is 0.09', () => {
    const v = voucherAmount([cost(0.1), cost(0.2)], profile);
    expect(v.eligibleCostFen).toBe(30);
    expect(v.amountFen).toBe(9);
  });

  it('rounds down to the fen', () => {
    expect(voucherAmount([cost(333.33)], profile).amountFen).toBe(9999);
  });
});

describe('voucher caps', () => {
  it('gives exactly ¥1,000,000 without a warning', () => {
    const costs = [cost(3333333.34)];
    expect(voucherAmount(costs, profile).amountFen).toBe(yuanToFen(1000000));
    expect(codesOf(costs)).not.toContain('warning:voucher-above-soft-cap');
  });

  it('warns one fen above ¥1,000,000', () => {
    const costs = [cost(3333333.37)];
    expect(voucherAmount(costs, profile).amountFen).toBe(yuanToFen(1000000.01));
    expect(codesOf(costs)).toContain('warning:voucher-above-soft-cap');
  });

  it('gives exactly ¥2,000,000 uncapped', () => {
    const costs = [cost(6666666.67)];
    const v = voucherAmount(costs, profile);
    expect(v.amountFen).toBe(yuanToFen(2000000));
    expect(v.uncappedFen).toBe(v.amountFen);
    expect(codesOf(costs)).not.toContain('warning:voucher-capped');
  });

  it('caps at ¥2,000,000 above it and says so', () => {
    const costs = [cost(10000000)];
    const v = voucherAmount(costs, profile);
    expect(v.uncappedFen).toBe(yuanToFen(3000000));
    expect(v.amountFen).toBe(yuanToFen(2000000));
    expect(codesOf(costs)).toEqual(
      expect.arrayContaining(['warning:voucher-capped', 'warning:voucher-above-soft-cap']),
    );
  });

  it('warns when no cost is recorded', () => {
    expect(voucherAmount([], profile).amountFen).toBe(0);
    expect(codesOf([])).toEqual(['warning:costs-missing']);
  });
});
