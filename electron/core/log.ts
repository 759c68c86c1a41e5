/**
 * The app's log file, `<userData>/logs/main.log`, written by the main process: one line a record, kept under 5 MiB
 * (the previous file is kept as `main.old.log`). It is what the clerk sends to support, so it names files but holds
 * no content.
 */
import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';

export type LogLevel = 'info' | 'warn' | 'error';

export interface Log {
  readonly file: string;
  info(message: string, detail?: unknown): void;
  warn(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
}

const maxBytes = 5 * 1024 * 1024;

function describe(detail: unknown): string {
  if (detail === undefined) return '';
  if (detail instanceof Error) return ` ${detail.stack ?? detail.message}`;
  try {
    return ` ${JSON.stringify(detail)}`;
  } catch {
    return ` ${String(detail)}`;
  }
}

/** Opens (creates) the log in `dir`. Writing is synchronous so the last line before a crash is on disk. */
export function openLog(dir: string, echo: (line: string) => void = () => {}): Log {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'main.log');
  const write = (level: LogLevel, message: string, detail?: unknown) => {
    const line = `${new Date().toISOString()} ${level.toUpperCase()} ${message}${describe(detail)}\n`;
    echo(line);
    try {
      if ((statSync(file, { throwIfNoEntry: false })?.size ?? 0) > maxBytes) {
        renameSync(file, path.join(dir, 'main.old.log'));
      }
      appendFileSync(file, line);
    } catch {
      // A full disk must not take the app down with it.
    }
  };
  return {
    file,
    info: (message, detail) => write('info', message, detail),
    warn: (message, detail) => write('warn', message, detail),
    error: (message, detail) => write('error', message, detail),
  };
}
