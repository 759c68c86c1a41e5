/**
 * Runs a child script (a bundled `.mjs`, or a `.ts` under tsx) and SIGKILLs it at a random moment, collecting the lines it printed first.
 * The child prints `READY` once its data folder is open; the kill lands a random time after that (or, now and
 * then, before it, so start-up itself is interrupted too).
 */
import { spawn } from 'node:child_process';

export interface KilledRun {
  lines: string[];
  /** Milliseconds after READY at which the kill was sent (negative: before READY). */
  killedAfter: number;
  exitedByItself: boolean;
  stderr: string;
}

export function runAndKill(
  script: string,
  args: string[],
  maxDelayMs: number,
  random = Math.random,
): Promise<KilledRun> {
  return new Promise((resolve, reject) => {
    const runner = script.endsWith('.mjs') ? [script] : ['--import', 'tsx', script];
    const child = spawn(process.execPath, [...runner, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    let pending = '';
    let stderr = '';
    let killedAfter = 0;
    let timer: NodeJS.Timeout | undefined;
    const killAt = (delay: number) => {
      killedAfter = delay;
      timer = setTimeout(() => child.kill('SIGKILL'), Math.max(0, delay));
    };
    // One run in ten dies during start-up (cleanup, migrations, the first backup).
    const earlyKill = random() < 0.1;
    const startedAt = Date.now();
    if (earlyKill) setTimeout(() => child.kill('SIGKILL'), random() * 400).unref();
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      pending += chunk;
      const parts = pending.split('\n');
      pending = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        if (line === 'READY' && !earlyKill && !timer) killAt(random() * maxDelayMs);
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      if (timer) clearTimeout(timer);
      if (earlyKill) killedAfter = -(Date.now() - startedAt);
      resolve({ lines, killedAfter, exitedByItself: signal !== 'SIGKILL', stderr });
    });
  });
}
