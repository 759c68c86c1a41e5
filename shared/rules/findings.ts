/**
 * Finding constructors, so each rule reads as a list of what it says.
 */
import type { Finding } from './types.ts';

/** A finding that blocks the application until fixed. */
export function error(code: string, subject: string, message: string): Finding {
  return { severity: 'error', code, subject, message };
}

/** Something still to do or to check before filing. */
export function warning(code: string, subject: string, message: string): Finding {
  return { severity: 'warning', code, subject, message };
}

/** Something the clerk should know; nothing to fix. */
export function info(code: string, subject: string, message: string): Finding {
  return { severity: 'info', code, subject, message };
}
