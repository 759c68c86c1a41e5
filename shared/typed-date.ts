/**
 * Dates as a clerk types them, whatever the system's locale: `2025-12-31`, `2025/12/31`, `2025.12.31`,
 * `2025年12月31日` or `20251231` (full-width digits from an IME too). A date is taken only when it is complete
 * and real; anything else is answered with what to write instead, so nothing half-typed is ever stored.
 */
import { toHalfWidth } from './half-width.ts';

export type TypedDate =
  | { kind: 'empty' }
  | { kind: 'date'; iso: string }
  | { kind: 'incomplete'; message: string }
  | { kind: 'invalid'; message: string };

/** The forms a clerk may type, for hints and messages. */
export const DATE_FORMS = '2025-12-31、2025/12/31 或 20251231';

const SEPARATED = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
/** What a date looks like while it is still being typed: digits and separators, in order. */
const PARTIAL = /^(\d{1,8}|\d{4}\s*[-/.年]\s*(\d{1,2}(\s*[-/.月]\s*(\d{1,2})?)?)?)$/;

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Whether the typing looks finished: two-digit month and day (or 日 at the end). `2025-12-3` is a real date but
 * may be the first keystrokes of `2025-12-31`, so it is taken only when the clerk leaves the field.
 */
export function looksFinished(typed: string): boolean {
  const text = toHalfWidth(typed).trim();
  if (COMPACT.test(text)) return true;
  return SEPARATED.test(text) && /\d{2}\s*日?$/.test(text.replace(/^\d{4}/, ''));
}

/** Reads what the clerk typed into a date field. */
export function parseTypedDate(typed: string): TypedDate {
  const text = toHalfWidth(typed).trim();
  if (text === '') return { kind: 'empty' };
  const match = SEPARATED.exec(text) ?? COMPACT.exec(text);
  if (!match) {
    if (PARTIAL.test(text)) return { kind: 'incomplete', message: `日期还没写完：请写成 ${DATE_FORMS}。` };
    return { kind: 'invalid', message: `“${typed.trim()}”不是日期：请写成 ${DATE_FORMS}。` };
  }
  const [y, m, d] = match.slice(1, 4).map(Number) as [number, number, number];
  if (y < MIN_YEAR || y > MAX_YEAR)
    return { kind: 'invalid', message: `年份 ${y} 不对：请写四位年份，例如 ${DATE_FORMS}。` };
  const day = new Date(Date.UTC(y, m - 1, d));
  if (m < 1 || m > 12 || day.getUTCMonth() !== m - 1 || day.getUTCDate() !== d) {
    return { kind: 'invalid', message: `没有 ${y} 年 ${m} 月 ${d} 日这一天：请核对日期。` };
  }
  return { kind: 'date', iso: `${y}-${pad(m)}-${pad(d)}` };
}
