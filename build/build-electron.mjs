// Bundles the Electron side with esbuild:
//   electron/main/index.ts            → out/main/index.cjs        (package.json "main")
//   electron/preload/index.ts         → out/preload/index.cjs     (one CommonJS file: a sandboxed preload may
//                                                                   require nothing but `electron`)
//   electron/core/dossier/worker-entry.ts → out/main/assembly-worker.cjs (when the core provides it)
// Main and worker keep every npm package external (native modules, WASM and fonts are found from node_modules at
// run time); the preload bundles everything except `electron`.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const at = (...parts) => path.join(root, ...parts);

// Electron 39 runs Node 22 and Chromium 142.
const nodeSide = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  packages: 'external',
  external: ['electron'],
  sourcemap: true,
  logLevel: 'warning',
  // The core is ESM and uses import.meta.url (createRequire, asset paths); in a CJS bundle it is the bundle's URL.
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
};

const jobs = [
  build({ ...nodeSide, entryPoints: [at('electron/main/index.ts')], outfile: at('out/main/index.cjs') }),
  build({
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'chrome142',
    external: ['electron'],
    minify: true,
    logLevel: 'warning',
    entryPoints: [at('electron/preload/index.ts')],
    outfile: at('out/preload/index.cjs'),
  }),
];

const workerEntry = at('electron/core/dossier/worker-entry.ts');
if (existsSync(workerEntry)) {
  jobs.push(build({ ...nodeSide, entryPoints: [workerEntry], outfile: at('out/main/assembly-worker.cjs') }));
} else {
  console.warn('build-electron: electron/core/dossier/worker-entry.ts does not exist yet: no assembly worker built.');
}

// Files from outside are inspected on a worker thread (electron/core/safety/inspect-off-thread.ts finds it here).
jobs.push(build({ ...nodeSide, entryPoints: [at('electron/core/safety/inspect-worker.ts')], outfile: at('out/main/inspect-worker.cjs') }));

await Promise.all(jobs);
console.log('build-electron: out/main/index.cjs, out/preload/index.cjs built.');
