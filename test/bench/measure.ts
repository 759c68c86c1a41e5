/** Wall time and peak memory of one program run, measured from outside it with GNU time (Debian package `time`). */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { runProcess, type ProcessResult } from '../acceptance/assemble-cli.ts';

export interface Measured {
  seconds: number;
  /** Peak resident set size, in MiB (the child's rusage maxrss). */
  rssMiB: number;
  /** CPU time in user code and in the kernel (rusage). */
  userSeconds: number;
  systemSeconds: number;
  run: ProcessResult;
}

export async function measure(statsDir: string, cmd: string, args: string[], timeoutMs = 600_000): Promise<Measured> {
  const stats = path.join(statsDir, `time-${process.pid}-${Date.now()}.txt`);
  const run = await runProcess('/usr/bin/time', ['-f', '%M %U %S', '-o', stats, cmd, ...args], timeoutMs);
  if (run.code !== 0) {
    throw new Error(`${cmd} ${args.slice(0, 3).join(' ')}… failed (exit ${run.code}): ${run.stderr.slice(-800)}`);
  }
  const [kib, user, system] = readFileSync(stats, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  rmSync(stats);
  return { seconds: run.seconds, rssMiB: kib! / 1024, userSeconds: user!, systemSeconds: system!, run };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
