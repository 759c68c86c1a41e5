import type { CostLine } from '#shared/contract/index.ts';

/** A cost row as typed: the amount stays text until it is a valid number of yuan; `key` follows the row on screen. */
export interface CostRow {
  key: number;
  kind: string;
  amount: string;
  paidOn: string;
  note: string;
}

const AMOUNT = /^\d{1,11}(\.\d{1,2})?$/;
let nextKey = 1;

export function newRow(kind: string): CostRow {
  return { key: nextKey++, kind, amount: '', paidOn: '', note: '' };
}

export function rowsOf(costs: CostLine[]): CostRow[] {
  return costs.map((c) => ({
    key: nextKey++,
    kind: c.kind,
    amount: (c.amountFen / 100).toFixed(2),
    paidOn: c.paidOn ?? '',
    note: c.note,
  }));
}

/** The amount in fen, or an error in the clerk's words. */
export function parseAmount(text: string): { fen: number } | { error: string } {
  const clean = text.replace(/[,，\s¥￥元]/g, '');
  if (clean === '') return { error: '请填写金额（元）。' };
  if (!AMOUNT.test(clean)) return { error: `“${text}”不是有效金额：请写成数字，最多两位小数，例如 120000.50。` };
  return { fen: Math.round(Number(clean) * 100) };
}

/** The rows that can be saved (those with a valid amount), in their order on screen. */
export function savableLines(rows: CostRow[]): CostLine[] {
  return rows.flatMap((r) => {
    const parsed = parseAmount(r.amount);
    return 'error' in parsed ? [] : [{ kind: r.kind, amountFen: parsed.fen, paidOn: r.paidOn || null, note: r.note }];
  });
}

/** The row number on screen (from 1) of each savable line. */
export function savableRowNumbers(rows: CostRow[]): number[] {
  return rows.flatMap((r, i) => ('error' in parseAmount(r.amount) ? [] : [i + 1]));
}

/** Why rows on screen are not saved, one message a row, naming the row. */
export function unsavedRows(rows: CostRow[]): string[] {
  return rows.flatMap((r, i) => {
    if (r.amount.trim() === '') return [`第 ${i + 1} 笔费用还没有填金额，这一笔还没有保存`];
    return 'error' in parseAmount(r.amount) ? [`第 ${i + 1} 笔费用的金额有误，这一笔还没有保存`] : [];
  });
}

/** Rows typed in this session, by application: kept when the clerk leaves the step with a row not yet saved. */
const typedRows = new Map<number, CostRow[]>();

/** The rows to show: those typed earlier in this session if they still agree with what is saved, else the saved ones. */
export function initialRows(applicationId: number, saved: CostLine[]): CostRow[] {
  const typed = typedRows.get(applicationId);
  if (typed && JSON.stringify(savableLines(typed)) === JSON.stringify(saved.map((c) => ({ ...c, note: c.note ?? '' }))))
    return typed;
  return rowsOf(saved);
}

export function rememberRows(applicationId: number, rows: CostRow[]): void {
  typedRows.set(applicationId, rows);
}
