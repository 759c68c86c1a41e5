#!/usr/bin/env node
// The `juanzong` command. It runs the prebuilt bundle (out/cli/juanzong.cjs, `npm run build:cli`, made on install)
// while that is newer than every source file, and otherwise the TypeScript sources through tsx: never stale code.
// `assemble` hands the dossier to the assembly worker (out/cli/assembly-worker.cjs, a child process, as the app's
// utilityProcess): the work that is worth speeding up does not run in this process.
import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bundle = path.join(root, 'out', 'cli', 'juanzong.cjs');
const workerBundle = path.join(root, 'out', 'cli', 'assembly-worker.cjs');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (/\.(ts|mjs|json)$/.test(entry.name)) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

function bundleIsFresh() {
  try {
    const built = Math.min(statSync(bundle).mtimeMs, statSync(workerBundle).mtimeMs);
    return ['electron/core', 'shared'].every((dir) => newestSource(path.join(root, dir)) < built);
  } catch {
    return false;
  }
}

if (bundleIsFresh()) {
  // The bundle lives in out/cli/: the font is no longer where the engine's source would look for it.
  process.env.JUANZONG_FONT ??= path.join(root, 'assets', 'fonts', 'wqy-microhei.ttc');
  createRequire(import.meta.url)(bundle);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./run.ts');
}
