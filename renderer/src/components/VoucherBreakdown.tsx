import { formatYuan } from '#shared/money.ts';
import { mainTrack, type Profile } from '#shared/profiles/index.ts';
import { voucherAmount } from '#shared/rules/index.ts';
import { CAP_SCOPE_WORDS, type Claimant } from '#shared/rules/tracks.ts';
import type { CostLine } from '#shared/contract/index.ts';

interface Props {
  costs: CostLine[];
  profile: Profile;
  /** Who applies: picks the track and the rate (a user unit, a start-up). */
  claimant?: Claimant;
  /** The row number on screen of each line (rows not yet saved are not in `costs`); by default index + 1. */
  rowNumbers?: number[];
}

/** The voucher worked out live from the cost table, showing each step: eligible cost × rate, then the caps. */
export function VoucherBreakdown({ costs, profile, claimant, rowNumbers }: Props) {
  const v = voucherAmount(
    costs.map((c) => ({ kind: c.kind, amountFen: c.amountFen, paidOn: c.paidOn ?? '' })),
    profile,
    claimant,
  );
  const excludedFen = v.totalCostFen - v.eligibleCostFen;
  const capped = v.hardCapFen !== undefined && v.uncappedFen > v.hardCapFen;
  const { grant, cost } = profile.words;
  const track = mainTrack(profile);
  return (
    <section className="card voucher" aria-labelledby="voucher-heading" aria-live="polite">
      <h3 id="voucher-heading">{grant}额度（按已录入的费用计算）</h3>
      <dl className="voucher-steps">
        <div>
          <dt>费用合计</dt>
          <dd>{formatYuan(v.totalCostFen)}</dd>
        </div>
        <div>
          <dt>不计入的费用</dt>
          <dd>
            {formatYuan(excludedFen)}
            {v.excluded.length > 0 && (
              <small>
                （
                {v.excluded
                  .map(
                    (e) =>
                      `第 ${rowNumbers?.[e.index] ?? e.index + 1} 笔：${e.reason === 'kind' ? `类别不属于${cost}` : '支付日期未填或不在服务期间内'}`,
                  )
                  .join('；')}
                ）
              </small>
            )}
          </dd>
        </div>
        <div>
          <dt>可计入的{cost}</dt>
          <dd>{formatYuan(v.eligibleCostFen)}</dd>
        </div>
        <div>
          <dt>× {v.ratePercent}%</dt>
          <dd>{formatYuan(v.uncappedFen)}</dd>
        </div>
        <div>
          <dt>{CAP_SCOPE_WORDS[v.hardCapScope ?? v.softCapScope ?? 'company-year']}上限</dt>
          <dd>
            {v.softCapFen !== undefined && <>原则上 {formatYuan(v.softCapFen)}，</>}
            {v.hardCapFen === undefined ? '无最高额' : <>最高 {formatYuan(v.hardCapFen)}</>}
            {capped && <small>（超过最高额，按 {formatYuan(v.hardCapFen!)} 计）</small>}
          </dd>
        </div>
        <div className="voucher-total">
          <dt>{grant}额度</dt>
          <dd>{formatYuan(v.amountFen)}</dd>
        </div>
      </dl>
      {v.softCapFen !== undefined && v.amountFen > v.softCapFen && (
        <p className="note">超过每年原则上 {formatYuan(v.softCapFen)} 的额度，最终额度以审核结果为准。</p>
      )}
      <p className="hint">
        {track.quote} {track.budgetNote ? `${track.budgetNote}。` : ''}
      </p>
    </section>
  );
}
