#!/usr/bin/env node
// The `juanzong` command. It runs the prebuilt bundle (out/cli/juanzong.mjs, `npm run build:cli`, made on install)
// while that is newer than every source file, and otherwise the TypeScript sources through tsx: never stale code.
import { readdirSync, statSync } from 'node:fs';
import v8 from 'node:v8';

import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// A command runs for about a second. V8's default tier-up (an interrupt budget of 66 KiB of bytecode) sends ~100
// functions, most of them pdf-lib's parser, to TurboFan, some several times: ~0.3 s of compiling on the second
// core, which sharp and the kernel's writes need. Eight times the budget optimises only the hottest. Measured on
// the 500-page bench: 0.97 → 0.85 s of CPU and 0.775 → 0.725 s wall; on 1,500 pages the same wall, 0.3 s less CPU.
// Set before the bundle is imported (below), so that it applies to all of its functions.
v8.setFlagsFromString('--interrupt-budget=524288');

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bundle = path.join(root, 'out', 'cli', 'juanzong.mjs');

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
    const built = statSync(bundle).mtimeMs;
    return ['electron/core', 'shared'].every((dir) => newestSource(path.join(root, dir)) < built);
  } catch {
    return false;
  }
}

if (bundleIsFresh()) {
  // The bundle lives in out/cli/: the font is no longer where the engine's source would look for it.
  process.env.JUANZONG_FONT ??= path.join(root, 'assets', 'fonts', 'wqy-microhei.ttc');
  await import(pathToFileURL(bundle).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./run.ts');
}
