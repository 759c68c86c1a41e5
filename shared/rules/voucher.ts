/**
 * The grant calculator: the counted costs of the applicant's track × its rate, capped; all in integer fen.
 * Every word about the programme (the grant's name, what the costs are called) comes from the profile.
 */
import { formatYuan, percentOfFen, sumFen, yuanToFen } from '../money.ts';
import { costKindLabel } from '../profiles/reading.ts';
import type { Profile, ProfileTrack } from '../profiles/schema.ts';
import { chineseDate } from './calendar.ts';
import { eventDateRequest } from './event-dates.ts';
import { info, warning } from './findings.ts';
import { CAP_SCOPE_WORDS, lowestCap, rateFor, trackFor, windowDates, type Claimant } from './tracks.ts';
import type { CostFacts, ExcludedCost, Finding, Voucher } from './types.ts';

function exclusionOf(cost: CostFacts, track: ProfileTrack, claimant: Claimant): ExcludedCost['reason'] | undefined {
  if (track.eligibleCostKinds && !track.eligibleCostKinds.some((k) => k.id === cost.kind)) return 'kind';
  if (!track.costPeriod) return undefined;
  const window = windowDates(track.costPeriod, claimant.events);
  if (!cost.paidOn || !window || cost.paidOn < window.from || cost.paidOn > window.to) return 'date';
  return undefined;
}

/**
 * Works out the grant: the costs of eligible kinds paid inside the track's period, times the applicant's rate
 * (rounded down to the fen), cut to the lowest hard cap.
 * @example voucherAmount([{ kind: 'api', amountFen: 100_000_00, paidOn: '2025-03-01' }], profile).amountFen === 30_000_00
 */
export function voucherAmount(costs: CostFacts[], profile: Profile, claimant: Claimant = {}): Voucher {
  const track = trackFor(profile, claimant);
  const ratePercent = rateFor(track, claimant);
  const excluded: ExcludedCost[] = [];
  const counted: number[] = [];
  costs.forEach((cost, index) => {
    const reason = exclusionOf(cost, track, claimant);
    if (reason) excluded.push({ index, reason });
    else counted.push(cost.amountFen);
  });
  const eligibleCostFen = sumFen(counted);
  const uncappedFen = percentOfFen(eligibleCostFen, ratePercent);
  const hard = lowestCap(track, 'hard');
  const soft = lowestCap(track, 'soft');
  const hardCapFen = hard ? yuanToFen(hard.yuan) : undefined;
  return {
    trackId: track.id,
    totalCostFen: sumFen(costs.map((c) => c.amountFen)),
    eligibleCostFen,
    ratePercent,
    uncappedFen,
    amountFen: hardCapFen === undefined ? uncappedFen : Math.min(uncappedFen, hardCapFen),
    ...(soft ? { softCapFen: yuanToFen(soft.yuan), softCapScope: soft.scope } : {}),
    ...(hard ? { hardCapFen: yuanToFen(hard.yuan), hardCapScope: hard.scope } : {}),
    excluded,
  };
}

function exclusionFinding(cost: CostFacts, excluded: ExcludedCost, profile: Profile, claimant: Claimant): Finding {
  const { grant, cost: costWord } = profile.words;
  const track = trackFor(profile, claimant);
  const subject = `costs.${excluded.index}`;
  const line = `第${excluded.index + 1}笔费用（${formatYuan(cost.amountFen)}`;
  if (excluded.reason === 'kind') {
    const kinds = (track.eligibleCostKinds ?? []).map((k) => k.label).join('、');
    return warning(
      'cost-kind-ineligible',
      subject,
      `${line}，类别“${costKindLabel(profile, cost.kind)}”）不属于可抵扣的${costWord}，不计入${grant}。可计入的类别：${kinds}。如类别填错了，请改正。`,
    );
  }
  if (!cost.paidOn) {
    return warning(
      'cost-date-missing',
      subject,
      `${line}）没有填写支付日期，暂不计入${grant}。请按付款凭证填写支付日期。`,
    );
  }
  const window = track.costPeriod && windowDates(track.costPeriod, claimant.events);
  if (!window && track.costPeriod && !('from' in track.costPeriod)) {
    const { event, eventLabel } = track.costPeriod;
    return warning(
      'cost-event-date-missing',
      subject,
      `${line}）要按${eventLabel}的日期判断是否计入，但还没有填写${eventLabel}的日期，暂不计入${grant}。${eventDateRequest(profile, event, eventLabel)}`,
    );
  }
  return warning(
    'cost-outside-window',
    subject,
    `${line}）支付于${cost.paidOn}，不在${chineseDate(window!.from)}至${chineseDate(window!.to)}期间，不计入${grant}。请核对支付日期。`,
  );
}

function capFindings(voucher: Voucher, profile: Profile): Finding[] {
  const { grant } = profile.words;
  const findings: Finding[] = [];
  const { hardCapFen, softCapFen } = voucher;
  if (hardCapFen !== undefined && voucher.uncappedFen > hardCapFen) {
    const scope = CAP_SCOPE_WORDS[voucher.hardCapScope!];
    findings.push(
      warning(
        'voucher-capped',
        'costs',
        `可计入费用的${voucher.ratePercent}%为${formatYuan(voucher.uncappedFen)}，超过${scope}最高${formatYuan(hardCapFen)}的限额，按${formatYuan(hardCapFen)}计。`,
      ),
    );
  }
  if (softCapFen !== undefined && voucher.amountFen > softCapFen) {
    const scope = CAP_SCOPE_WORDS[voucher.softCapScope!];
    const highest = hardCapFen === undefined ? '' : `（最高不超过${formatYuan(hardCapFen)}）`;
    findings.push(
      warning(
        'voucher-above-soft-cap',
        'costs',
        `${grant}额度${formatYuan(voucher.amountFen)}超过${scope}原则上不超过${formatYuan(softCapFen)}的额度，最终额度以审核结果为准${highest}。`,
      ),
    );
  }
  return findings;
}

/** What the clerk should know about the grant: left-out costs, the caps, the budget note. */
export function voucherFindings(
  costs: CostFacts[],
  voucher: Voucher,
  profile: Profile,
  claimant: Claimant = {},
): Finding[] {
  const { grant, cost: costWord } = profile.words;
  if (costs.length === 0) {
    return [
      warning('costs-missing', 'costs', `还没有录入${costWord}：请按发票和付款凭证逐笔录入，才能算出${grant}额度。`),
    ];
  }
  const findings = voucher.excluded.map((e) => exclusionFinding(costs[e.index]!, e, profile, claimant));
  findings.push(...capFindings(voucher, profile));
  const note = trackFor(profile, claimant).budgetNote;
  findings.push(
    info(
      'voucher-budget',
      'costs',
      `按可计入费用${formatYuan(voucher.eligibleCostFen)}的${voucher.ratePercent}%，${grant}额度为${formatYuan(voucher.amountFen)}。${note ? `${note}。` : ''}`,
    ),
  );
  return findings;
}
