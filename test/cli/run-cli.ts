/** Runs the real `juanzong` process (the launcher `npm run juanzong` runs) from a chosen folder, with a time limit. */
import { CLI, runProcess, type ProcessResult } from '../acceptance/assemble-cli.ts';

export { explain, type ProcessResult } from '../acceptance/assemble-cli.ts';

export function juanzong(args: string[], options: { cwd?: string; timeoutMs?: number } = {}): Promise<ProcessResult> {
  return runProcess(process.execPath, [CLI, ...args], options.timeoutMs ?? 120_000, options.cwd);
}
