#!/usr/bin/env node
// The `juanzong` command. It runs the prebuilt bundle (out/cli/juanzong.cjs, `npm run build:cli`, made on install)
// while that is newer than every source file, and otherwise the TypeScript sources through tsx: never stale code.
import { readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';

// A command runs for about a second. V8's default tier-up (an interrupt budget of 66 KiB of bytecode) sends ~100
// functions, most of them pdf-lib's parser, to TurboFan, some several times: ~0.3 s of compiling on the second
// core, which sharp and the kernel's writes need. Eight times the budget optimises only the hottest. Measured on
// the 500-page bench: 0.97 → 0.85 s of CPU and 0.775 → 0.725 s wall; on 1,500 pages the same wall, 0.3 s less CPU.
// Set before the bundle is imported (below), so that it applies to all of its functions.
v8.setFlagsFromString('--interrupt-budget=524288');

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bundle = path.join(root, 'out', 'cli', 'juanzong.cjs');
const codeCache = `${bundle}.cache`;

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

/**
 * Runs the CommonJS bundle with V8's code cache: compiled code saved by an earlier run, so that a start does not
 * parse and compile the bundle again (~30 ms). V8 rejects a cache made from other source or other flags; the
 * cache is then made anew when this run ends. One that cannot be written (a read-only install) is only skipped.
 */
function runBundle() {
  let cachedData;
  try {
    cachedData = readFileSync(codeCache);
  } catch {
    // first run after a build
  }
  const script = new vm.Script(Module.wrap(readFileSync(bundle, 'utf8')), { filename: bundle, cachedData });
  if (!cachedData || script.cachedDataRejected) process.once('exit', () => saveCodeCache(script));
  const module = new Module(bundle);
  module.filename = bundle;
  module.paths = Module._nodeModulePaths(path.dirname(bundle));
  script.runInThisContext()(module.exports, Module.createRequire(bundle), module, bundle, path.dirname(bundle));
}

function saveCodeCache(script) {
  const temp = `${codeCache}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, script.createCachedData());
    renameSync(temp, codeCache);
  } catch {
    // read-only: every run compiles, as without a cache
  }
}

if (bundleIsFresh()) {
  // The bundle lives in out/cli/: the font is no longer where the engine's source would look for it.
  process.env.JUANZONG_FONT ??= path.join(root, 'assets', 'fonts', 'wqy-microhei.ttc');
  runBundle();
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./run.ts');
}
