/**
 * Outputs are written to a temporary file beside the target and renamed into place when complete. A process killed
 * mid-write leaves its temporary file behind, and only the next writer to the same target can know it: so each
 * write first removes the temporary files of writers that no longer run.
 */
import fs from 'node:fs';
import path from 'node:path';

const pattern = (base: string) => new RegExp(`^\\.${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(\\d+)\\.\\d+\\.tmp$`);

/** `.<name>.<pid>.<ms>.tmp` beside `outPath`. */
export function tempPathFor(outPath: string): string {
  const target = path.resolve(outPath);
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Temporary files beside `outPath` left by `pid`, or (without `pid`) by any process that is no longer running. */
export function removeTempOutputs(outPath: string, pid?: number): number {
  const target = path.resolve(outPath);
  const dir = path.dirname(target);
  const match = pattern(path.basename(target));
  let removed = 0;
  for (const name of fs.readdirSync(dir)) {
    const owner = Number(match.exec(name)?.[1] ?? NaN);
    if (Number.isNaN(owner) || (pid === undefined ? isRunning(owner) : owner !== pid)) continue;
    fs.rmSync(path.join(dir, name), { force: true });
    removed += 1;
  }
  return removed;
}

/**
 * Renames the finished `tmp` to `outPath`. An existing file there is first moved aside and removed in the
 * background: renaming over it makes ext4 write the new file's data and free the old one's blocks on the spot
 * (~120 ms for a 270 MiB dossier). A removal that never happens leaves a temp file the next writer removes.
 */
export function replaceWith(tmp: string, outPath: string): void {
  // One more digit than `tmp`'s time: another name, still one `removeTempOutputs` knows.
  const aside = tempPathFor(outPath).replace(/\.tmp$/, '0.tmp');
  let moved = true;
  try {
    fs.renameSync(outPath, aside);
  } catch {
    moved = false;
  }
  try {
    fs.renameSync(tmp, outPath);
  } catch (error) {
    if (moved) fs.renameSync(aside, outPath);
    throw error;
  }
  if (moved) fs.promises.rm(aside, { force: true }).catch(() => undefined);
}
