/**
 * The voucher calculator: eligible cost × rate, capped; all in integer fen.
 */
import { formatYuan, percentOfFen, sumFen, yuanToFen } from '../money.ts';
import type { Profile } from '../profiles/schema.ts';
import { chineseDate } from './calendar.ts';
import { info, warning } from './findings.ts';
import type { CostFacts, ExcludedCost, Finding, Voucher } from './types.ts';

function exclusionOf(cost: CostFacts, profile: Profile): ExcludedCost['reason'] | undefined {
  if (!profile.funding.eligibleCostKinds.some((k) => k.id === cost.kind)) return 'kind';
  const from = profile.dates.serviceWindow.from.slice(0, 10);
  const to = profile.dates.serviceWindow.to.slice(0, 10);
  if (!cost.paidOn || cost.paidOn < from || cost.paidOn > to) return 'date';
  return undefined;
}

/**
 * Works out the voucher: the costs of eligible kinds paid inside the service window, times the rate (rounded
 * down to the fen), capped at the hard cap.
 * @example voucherAmount([{ kind: 'api', amountFen: 100_000_00, paidOn: '2025-03-01' }], profile).amountFen === 30_000_00
 */
export function voucherAmount(costs: CostFacts[], profile: Profile): Voucher {
  const { ratePercent, softCapYuan, hardCapYuan } = profile.funding;
  const excluded: ExcludedCost[] = [];
  const counted: number[] = [];
  costs.forEach((cost, index) => {
    const reason = exclusionOf(cost, profile);
    if (reason) excluded.push({ index, reason });
    else counted.push(cost.amountFen);
  });
  const eligibleCostFen = sumFen(counted);
  const uncappedFen = percentOfFen(eligibleCostFen, ratePercent);
  const hardCapFen = yuanToFen(hardCapYuan);
  return {
    totalCostFen: sumFen(costs.map((c) => c.amountFen)),
    eligibleCostFen,
    ratePercent,
    uncappedFen,
    amountFen: Math.min(uncappedFen, hardCapFen),
    softCapFen: yuanToFen(softCapYuan),
    hardCapFen,
    excluded,
  };
}

function exclusionFinding(cost: CostFacts, excluded: ExcludedCost, profile: Profile): Finding {
  const subject = `costs.${excluded.index}`;
  const amount = formatYuan(cost.amountFen);
  if (excluded.reason === 'kind') {
    const kinds = profile.funding.eligibleCostKinds.map((k) => `${k.label}（${k.id}）`).join('、');
    return warning(
      'cost-kind-ineligible',
      subject,
      `第${excluded.index + 1}笔费用（${amount}，类别“${cost.kind}”）不属于可抵扣的模型购买费用，不计入模型券。可计入的类别：${kinds}。如类别填错了，请改正。`,
    );
  }
  const { from, to } = profile.dates.serviceWindow;
  if (!cost.paidOn) {
    return warning(
      'cost-date-missing',
      subject,
      `第${excluded.index + 1}笔费用（${amount}）没有填写支付日期，暂不计入模型券。请按付款凭证填写支付日期。`,
    );
  }
  return warning(
    'cost-outside-window',
    subject,
    `第${excluded.index + 1}笔费用（${amount}）支付于${cost.paidOn}，不在${chineseDate(from)}至${chineseDate(to)}期间，不计入模型券。请核对支付日期。`,
  );
}

/** What the clerk should know about the voucher: left-out costs, the caps, the budget note. */
export function voucherFindings(costs: CostFacts[], voucher: Voucher, profile: Profile): Finding[] {
  if (costs.length === 0) {
    return [
      warning('costs-missing', 'costs', '还没有录入模型购买费用：请按发票和付款凭证逐笔录入，才能算出模型券额度。'),
    ];
  }
  const findings = voucher.excluded.map((e) => exclusionFinding(costs[e.index]!, e, profile));
  const rate = `${voucher.ratePercent}%`;
  if (voucher.uncappedFen > voucher.hardCapFen) {
    findings.push(
      warning(
        'voucher-capped',
        'costs',
        `可计入费用的${rate}为${formatYuan(voucher.uncappedFen)}，超过每家企业每年最高${formatYuan(voucher.hardCapFen)}的限额，按${formatYuan(voucher.hardCapFen)}计。`,
      ),
    );
  }
  if (voucher.amountFen > voucher.softCapFen) {
    findings.push(
      warning(
        'voucher-above-soft-cap',
        'costs',
        `模型券额度${formatYuan(voucher.amountFen)}超过每家企业每年原则上不超过${formatYuan(voucher.softCapFen)}的额度，最终额度以审核结果为准（最高不超过${formatYuan(voucher.hardCapFen)}）。`,
      ),
    );
  }
  findings.push(
    info(
      'voucher-budget',
      'costs',
      `按可计入费用${formatYuan(voucher.eligibleCostFen)}的${rate}，模型券额度为${formatYuan(voucher.amountFen)}。${profile.funding.budgetNote}。`,
    ),
  );
  return findings;
}
