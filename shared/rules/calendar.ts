/**
 * Wall-clock dates and times in Asia/Shanghai, without time-zone APIs: China keeps a fixed +08:00 offset
 * (no daylight saving), so a local time maps to one instant by subtracting eight hours.
 */
import type { Period } from '../profiles/schema.ts';

const MINUTES_A_DAY = 24 * 60;
const SHANGHAI_OFFSET_MINUTES = 8 * 60;
const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/;

/** Whether `text` is a real `YYYY-MM-DD` or `YYYY-MM-DDTHH:mm`. */
export function isLocalDateTime(text: string): boolean {
  const match = LOCAL_PATTERN.exec(text);
  if (!match) return false;
  const [y, m, d, hh, mm] = match.slice(1).map((part) => Number(part ?? '0')) as number[];
  const date = new Date(Date.UTC(y!, m! - 1, d!));
  const realDay = date.getUTCFullYear() === y && date.getUTCMonth() === m! - 1 && date.getUTCDate() === d;
  return realDay && hh! < 24 && mm! < 60;
}

/** Minutes since 1970-01-01T00:00 on the local wall clock; a bare date is the start of that day. */
export function localMinutes(text: string): number {
  const match = LOCAL_PATTERN.exec(text);
  if (!match) throw new Error(`不是有效的日期时间：${text}`);
  const [y, m, d, hh, mm] = match.slice(1).map((part) => Number(part ?? '0')) as number[];
  return Date.UTC(y!, m! - 1, d!, hh, mm) / 60_000;
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` (a time, if any, is ignored). */
export function dayNumber(date: string): number {
  return Math.floor(localMinutes(date.slice(0, 10)) / MINUTES_A_DAY);
}

/** The `YYYY-MM-DD` that is `days` after `date`. @example addDays('2024-12-01', -1) === '2024-11-30' */
export function addDays(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * MINUTES_A_DAY * 60_000).toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both included. @example daysInclusive('2024-11-01', '2024-11-30') === 30 */
export function daysInclusive(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from) + 1;
}

/**
 * The local time in Shanghai at an instant, as `YYYY-MM-DDTHH:mm`.
 * @example shanghaiNow(Date.parse('2025-10-27T10:00:00Z')) === '2025-10-27T18:00'
 */
export function shanghaiNow(instantMs: number): string {
  return new Date(instantMs + SHANGHAI_OFFSET_MINUTES * 60_000).toISOString().slice(0, 16);
}

/**
 * A period as half-open local minutes `[start, end)`: a bare `from` starts at 00:00, a bare `to` covers its
 * whole day, and a `to` with a time (a deadline such as 18:00) ends at that minute.
 */
export function periodBounds(period: Period): { start: number; end: number } {
  const start = localMinutes(period.from);
  const end = period.to.length > 10 ? localMinutes(period.to) : localMinutes(period.to) + MINUTES_A_DAY;
  return { start, end };
}

/** Where a moment stands against a period. */
export function periodStatus(period: Period, now: string): 'before' | 'open' | 'after' {
  const { start, end } = periodBounds(period);
  const minutes = localMinutes(now);
  if (minutes < start) return 'before';
  return minutes < end ? 'open' : 'after';
}

/** Writes a local date or time as Chinese text. @example chineseDate('2025-10-27T18:00') === '2025年10月27日18:00' */
export function chineseDate(text: string): string {
  const [y, m, d] = text.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日${text.length > 10 ? text.slice(11) : ''}`;
}

/**
 * The date `months` calendar months after `date` (the month's last day when it is shorter), then `days` more.
 * @example addMonths('2025-03-10', 12, -1) === '2026-03-09' // "一年内" from 10 March
 */
export function addMonths(date: string, months: number, days = 0): string {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number) as [number, number, number];
  const monthIndex = y * 12 + (m - 1) + months;
  const lastDay = new Date(Date.UTC(Math.floor(monthIndex / 12), (monthIndex % 12) + 1, 0)).getUTCDate();
  const shifted = new Date(Date.UTC(Math.floor(monthIndex / 12), monthIndex % 12, Math.min(d, lastDay)));
  return addDays(shifted.toISOString().slice(0, 10), days);
}
