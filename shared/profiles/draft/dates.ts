/**
 * Dates and periods as Chinese guides write them ("2025年10月13日至10月27日18时"), checked to be real dates.
 */

/** A local date `YYYY-MM-DD` or date-time `YYYY-MM-DDTHH:mm` (Asia/Shanghai, as the profile stores them). */
export type LocalDateTime = string;

/** A date or period found in the text: its value, or the words of an impossible one ("2024年13月45日"). */
export type Found<T> = { ok: true; value: T; words: string } | { ok: false; words: string };

const pad = (n: number) => String(n).padStart(2, '0');

/** Whether the year, month and day name a real calendar day (2024-02-29 yes, 2024-13-45 no). */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

/** Whether a `YYYY-MM-DD` or `YYYY-MM-DDTHH:mm` string is a real date and time (2024-13-45 and 25:61 are not). */
export function isRealLocalDateTime(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(value);
  if (!m) return false;
  if (!isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) return false;
  return m[4] === undefined || (Number(m[4]) <= 23 && Number(m[5]) <= 59);
}

interface DateParts {
  year: number | undefined;
  month: number;
  day: number;
  hour: number | undefined;
  minute: number | undefined;
}

const dateWords =
  '(?:(\\d{4})\\s*年\\s*)?(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日(?:\\s*(\\d{1,2})\\s*[时点](?:\\s*(\\d{1,2})\\s*分)?)?';
const oneDate = new RegExp(dateWords);
const periodWords = new RegExp(`${dateWords}\\s*(?:至|到|—|－|-|~|～)\\s*${dateWords}`);

function parts(m: RegExpExecArray, at: number): DateParts {
  const n = (i: number) => (m[at + i] === undefined ? undefined : Number(m[at + i]));
  return { year: n(0), month: n(1)!, day: n(2)!, hour: n(3), minute: n(4) };
}

/**
 * Writes the parts as a local date(-time); `undefined` for an impossible one. "24时" is the end of that day, which a
 * bare date already means.
 */
function formatParts(p: DateParts, year: number): LocalDateTime | undefined {
  if (!isRealDate(year, p.month, p.day)) return undefined;
  const date = `${year}-${pad(p.month)}-${pad(p.day)}`;
  if (p.hour === undefined || (p.hour === 24 && !p.minute)) return date;
  const minute = p.minute ?? 0;
  if (p.hour > 23 || minute > 59) return undefined;
  return `${date}T${pad(p.hour)}:${pad(minute)}`;
}

/** The first full date in the text ("2026年8月31日" → 2026-08-31), or undefined when there is none. */
export function findDate(text: string): Found<LocalDateTime> | undefined {
  const m = oneDate.exec(text);
  if (!m || m[1] === undefined) return undefined;
  const value = formatParts(parts(m, 1), Number(m[1]));
  return value ? { ok: true, value, words: m[0] } : { ok: false, words: m[0] };
}

/**
 * The first period in the text. The second date may omit its year: it takes the first date's, or the next year's
 * when it would otherwise end before it starts ("2025年12月20日至1月10日").
 */
export function findPeriod(text: string): Found<{ from: LocalDateTime; to: LocalDateTime }> | undefined {
  const m = periodWords.exec(text);
  if (!m || m[1] === undefined) return undefined;
  const start = parts(m, 1);
  const end = parts(m, 6);
  const from = formatParts(start, start.year!);
  let to = formatParts(end, end.year ?? start.year!);
  if (from && to && end.year === undefined && to.slice(0, 10) < from.slice(0, 10))
    to = formatParts(end, start.year! + 1);
  if (!from || !to) return { ok: false, words: m[0] };
  return { ok: true, value: { from, to }, words: m[0] };
}
