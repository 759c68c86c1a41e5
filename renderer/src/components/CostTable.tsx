import { useState } from 'react';
import type { CostLine } from '../../../shared/contract/index.ts';
import type { Profile } from '../../../shared/profiles/index.ts';

/** A cost row as typed: the amount stays text until it is a valid number of yuan. */
export interface CostRow {
  kind: string;
  amount: string;
  paidOn: string;
  note: string;
}

const AMOUNT = /^\d{1,11}(\.\d{1,2})?$/;

export function rowsOf(costs: CostLine[]): CostRow[] {
  return costs.map((c) => ({ kind: c.kind, amount: (c.amountFen / 100).toFixed(2), paidOn: c.paidOn ?? '', note: c.note }));
}

/** The amount in fen, or an error in the clerk's words. */
export function parseAmount(text: string): { fen: number } | { error: string } {
  const clean = text.replace(/[,，\s¥￥元]/g, '');
  if (clean === '') return { error: '请填写金额（元）。' };
  if (!AMOUNT.test(clean)) return { error: `“${text}”不是有效金额：请写成数字，最多两位小数，例如 120000.50。` };
  return { fen: Math.round(Number(clean) * 100) };
}

/** The rows that can be saved, or `null` while any row has an invalid amount. */
export function costLinesOf(rows: CostRow[]): CostLine[] | null {
  const lines: CostLine[] = [];
  for (const r of rows) {
    const parsed = parseAmount(r.amount);
    if ('error' in parsed) return null;
    lines.push({ kind: r.kind, amountFen: parsed.fen, paidOn: r.paidOn || null, note: r.note });
  }
  return lines;
}

interface Props {
  profile: Profile;
  rows: CostRow[];
  onRows: (rows: CostRow[]) => void;
  /** Called when a row is complete and the clerk leaves a field: the table is saved. */
  onCommit: (rows: CostRow[]) => void;
}

/** The table of model purchase costs: kind, amount, date paid, note. */
export function CostTable({ profile, rows, onRows, onCommit }: Props) {
  const [touched, setTouched] = useState<Set<number>>(new Set());
  const kinds = [...profile.funding.eligibleCostKinds, { id: 'other', label: '其他费用（不计入模型券）' }];
  const edit = (i: number, patch: Partial<CostRow>) => onRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const leave = (i: number) => {
    setTouched((t) => new Set(t).add(i));
    onCommit(rows);
  };
  return (
    <div className="cost-table-wrap">
      <table className="cost-table">
        <caption className="visually-hidden">模型购买费用</caption>
        <thead>
          <tr>
            <th scope="col">费用类别</th>
            <th scope="col">金额（元）</th>
            <th scope="col">支付日期</th>
            <th scope="col">备注（发票号等）</th>
            <th scope="col"><span className="visually-hidden">操作</span></th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => {
            const parsed = parseAmount(r.amount);
            const showError = 'error' in parsed && touched.has(i);
            return (
              <tr key={i}>
                <td>
                  <select aria-label={`第 ${i + 1} 笔费用的类别`} value={r.kind} onChange={(e) => onCommit(rows.map((x, j) => (j === i ? { ...x, kind: e.target.value } : x)))}>
                    {kinds.map((k) => (
                      <option key={k.id} value={k.id}>
                        {k.label}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input
                    aria-label={`第 ${i + 1} 笔费用的金额（元）`}
                    inputMode="decimal"
                    value={r.amount}
                    aria-invalid={showError || undefined}
                    onChange={(e) => edit(i, { amount: e.target.value })}
                    onBlur={() => leave(i)}
                  />
                  {showError && <small className="live-note error">{parsed.error}</small>}
                </td>
                <td>
                  <input type="date" aria-label={`第 ${i + 1} 笔费用的支付日期`} value={r.paidOn} onChange={(e) => edit(i, { paidOn: e.target.value })} onBlur={() => leave(i)} />
                </td>
                <td>
                  <input aria-label={`第 ${i + 1} 笔费用的备注`} value={r.note} onChange={(e) => edit(i, { note: e.target.value })} onBlur={() => leave(i)} />
                </td>
                <td>
                  <button type="button" className="secondary small" aria-label={`删除第 ${i + 1} 笔费用`} onClick={() => onCommit(rows.filter((_, j) => j !== i))}>
                    删除
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button
        type="button"
        className="secondary"
        onClick={() => onRows([...rows, { kind: profile.funding.eligibleCostKinds[0]!.id, amount: '', paidOn: '', note: '' }])}
      >
        添加一笔费用
      </button>
    </div>
  );
}
