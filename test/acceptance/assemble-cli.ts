/**
 * Drives `juanzong assemble` as the clerk's scripts and the acceptance do: as a separate process,
 * through `node electron/core/cli/juanzong.mjs`, with a time limit that kills it (and anything it started).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../fixtures/fixture-cache.ts';

export const CLI = path.join(REPO_ROOT, 'electron/core/cli/juanzong.mjs');
export const CHECK_DOSSIER = path.resolve(REPO_ROOT, '../shared/acceptance/check_dossier.py');

export interface ProcessResult {
  /** The exit code, or null when a signal ended the process. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  seconds: number;
}

/** Runs a program (from `cwd`, the repository by default) to its end or until `timeoutMs`, then kills its process group. */
export function runProcess(cmd: string, args: string[], timeoutMs: number, cwd = REPO_ROOT): Promise<ProcessResult> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({
        code,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        timedOut,
        seconds: (performance.now() - started) / 1000,
      });
    });
  });
}

/** `qpdf --check`'s exit code and what it said (exit 3: warnings, such as duplicated dictionary keys). */
export function qpdfCheck(pdf: string): { code: number | null; output: string } {
  const r = spawnSync('qpdf', ['--check', pdf], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return { code: r.status, output: `${r.stdout}${r.stderr}` };
}

/** Throws unless `qpdf --check` passes the dossier with exit 0: every dossier a test makes must. */
export function assertValidPdf(pdf: string): void {
  const check = qpdfCheck(pdf);
  if (check.code !== 0) throw new Error(`qpdf --check ${pdf}: exit ${check.code}\n${check.output.slice(0, 1500)}`);
}

/**
 * `juanzong assemble MANIFEST --out OUT --json [...extra]`; a dossier it writes (exit 0) must pass `qpdf --check`
 * (it throws otherwise) unless `check` is false (the corpus judges the check per file itself).
 */
export async function assemble(
  manifest: string,
  out: string,
  extra: string[] = [],
  timeoutMs = 120_000,
  check = true,
): Promise<ProcessResult> {
  const run = await runProcess(
    process.execPath,
    [CLI, 'assemble', manifest, '--out', out, '--json', ...extra],
    timeoutMs,
  );
  if (check && run.code === 0 && existsSync(out)) assertValidPdf(out);
  return run;
}

/** `python3 check_dossier.py DOSSIER MAP --manifest M --expect E`. */
export function checkDossier(
  dossier: string,
  pageMap: string,
  manifest: string,
  expectFile: string,
): Promise<ProcessResult> {
  return runProcess(
    'python3',
    [CHECK_DOSSIER, dossier, pageMap, '--manifest', manifest, '--expect', expectFile],
    300_000,
  );
}

/** A one-line account of a process's end, for assertion messages. */
export function explain(result: ProcessResult): string {
  const end = result.timedOut ? 'timed out' : result.signal ? `killed by ${result.signal}` : `exit ${result.code}`;
  return `${end} after ${result.seconds.toFixed(1)} s; stderr: ${result.stderr.trim().slice(0, 600)}`;
}
