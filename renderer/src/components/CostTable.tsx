import { useRef, useState } from 'react';
import { costKindsOf, type Profile } from '#shared/profiles/index.ts';
import { newRow, parseAmount, type CostRow } from './cost-rows.ts';
import { DateInput } from './DateInput.tsx';
import { UndoBar, type UndoOffer } from './UndoBar.tsx';

interface Props {
  profile: Profile;
  rows: CostRow[];
  /** Every edit; the valid rows are saved a moment later. */
  onRows: (rows: CostRow[]) => void;
  /** The clerk left a field, chose from a list or removed a row: save now. */
  onLeave: () => void;
  /** Problems found by the check or the core, by field key (`costs.0.paidOn`), shown at that field. */
  errors?: Record<string, string>;
  /** Told what a row's date field holds that cannot be stored, under a key of its own. */
  onUnsaved?: (key: string, messages: string[]) => void;
}

/** The table of model purchase costs: kind, amount, date paid, note. */
export function CostTable({ profile, rows, onRows, onLeave, errors = {}, onUnsaved }: Props) {
  const [touched, setTouched] = useState<Set<number>>(new Set());
  const [focusKey, setFocusKey] = useState<number | null>(null);
  const [undo, setUndo] = useState<UndoOffer | null>(null);
  const latestRows = useRef(rows);
  latestRows.current = rows;
  const kinds = [...costKindsOf(profile), { id: 'other', label: `其他费用（不计入${profile.words.grant}）` }];
  const edit = (key: number, patch: Partial<CostRow>) =>
    onRows(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const leave = (key: number) => {
    setTouched((t) => new Set(t).add(key));
    onLeave();
  };
  const add = () => {
    const row = newRow(costKindsOf(profile)[0]?.id ?? 'other');
    setFocusKey(row.key);
    onRows([...rows, row]);
  };
  // Puts a removed row back where it was (rows removed since keep their places).
  const rowUndo = (row: CostRow, index: number): UndoOffer => ({
    what: `第 ${index + 1} 笔费用${row.amount.trim() ? `（${row.amount.trim()} 元）` : ''}`,
    undo: async () => {
      const current = latestRows.current;
      onRows([...current.slice(0, index), row, ...current.slice(index)]);
      onLeave();
    },
  });
  return (
    <div className="cost-table-wrap">
      <table className="cost-table">
        <caption className="visually-hidden">{profile.words.cost}</caption>
        <thead>
          <tr>
            <th scope="col">费用类别</th>
            <th scope="col">金额（元）</th>
            <th scope="col">支付日期</th>
            <th scope="col">备注（发票号等）</th>
            <th scope="col">
              <span className="visually-hidden">操作</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => {
            const parsed = parseAmount(r.amount);
            // Findings name the saved line (rows without a valid amount are not saved).
            const savedIndex = rows.slice(0, i).filter((x) => !('error' in parseAmount(x.amount))).length;
            const amountError =
              'error' in parsed && (touched.has(r.key) || r.amount.trim() !== '') ? parsed.error : null;
            const noteId = `cost-${r.key}-amount-note`;
            return (
              <tr key={r.key}>
                <td data-label="费用类别">
                  <select
                    aria-label={`第 ${i + 1} 笔费用的类别`}
                    value={r.kind}
                    onChange={(e) => {
                      edit(r.key, { kind: e.target.value });
                      onLeave();
                    }}
                  >
                    {kinds.map((k) => (
                      <option key={k.id} value={k.id}>
                        {k.label}
                      </option>
                    ))}
                  </select>
                </td>
                <td data-label="金额（元）">
                  <input
                    aria-label={`第 ${i + 1} 笔费用的金额（元）`}
                    inputMode="decimal"
                    autoFocus={r.key === focusKey}
                    value={r.amount}
                    aria-invalid={amountError ? true : undefined}
                    aria-describedby={amountError ? noteId : undefined}
                    onChange={(e) => edit(r.key, { amount: e.target.value })}
                    onBlur={() => leave(r.key)}
                  />
                  {amountError && touched.has(r.key) && (
                    <small id={noteId} className="live-note error">
                      {amountError}
                    </small>
                  )}
                </td>
                <td data-label="支付日期">
                  <DateInput
                    label={`第 ${i + 1} 笔费用的支付日期`}
                    value={r.paidOn || null}
                    onUnsaved={(problem) =>
                      onUnsaved?.(
                        `cost-${r.key}-date`,
                        problem ? [`第 ${i + 1} 笔费用的支付日期填写有误，还没有保存`] : [],
                      )
                    }
                    error={'error' in parsed ? undefined : errors[`costs.${savedIndex}.paidOn`]}
                    onCommit={(iso) => {
                      edit(r.key, { paidOn: iso ?? '' });
                      onLeave();
                    }}
                  />
                </td>
                <td data-label="备注">
                  <input
                    aria-label={`第 ${i + 1} 笔费用的备注`}
                    value={r.note}
                    onChange={(e) => edit(r.key, { note: e.target.value })}
                    onBlur={() => leave(r.key)}
                  />
                </td>
                <td>
                  <button
                    type="button"
                    className="secondary small"
                    aria-label={`删除第 ${i + 1} 笔费用`}
                    onClick={() => {
                      onRows(rows.filter((x) => x.key !== r.key));
                      onLeave();
                      setUndo(rowUndo(r, i));
                    }}
                  >
                    删除
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <UndoBar offer={undo} onClose={() => setUndo(null)} />
      <button type="button" className="secondary" onClick={add}>
        添加一笔费用
      </button>
    </div>
  );
}
