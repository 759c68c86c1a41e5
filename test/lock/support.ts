/** What the data-folder tests share: running the CLI in this process, and small real disks (tmpfs, as root). */
import { execFileSync } from 'node:child_process';
import { afterEach } from 'vitest';
import { runCli } from '../../electron/core/cli/main.ts';

export async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

/**
 * A tmpfs of a given size mounted on a new folder from `fresh`: a small USB drive that can fill up or be
 * remounted read-only. Unmounted after each test.
 */
export function useSmallDisks(fresh: () => Promise<string>): (size: string) => Promise<string> {
  const mounted: string[] = [];
  afterEach(() => {
    for (const dir of mounted.splice(0)) execFileSync('umount', ['-l', dir]);
  });
  return async (size) => {
    const dir = await fresh();
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]);
    mounted.push(dir);
    return dir;
  };
}
