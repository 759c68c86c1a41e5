// Bundles the Electron side with esbuild:
//   electron/main/index.ts            → out/main/index.cjs        (package.json "main")
//   electron/preload/index.ts         → out/preload/index.cjs     (one CommonJS file: a sandboxed preload may
//                                                                   require nothing but `electron`)
//   electron/core/dossier/worker-entry.ts → out/main/assembly-worker.cjs (run in a utilityProcess)
// Main and worker keep every npm package external (native modules, WASM and fonts are found from node_modules at
// run time); the preload bundles everything except `electron`.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const at = (...parts) => path.join(root, ...parts);
// `node build/build-electron.mjs [OUTDIR]`: OUTDIR (default out/) lets a test build what the installer ships into a
// folder of its own. Keep it inside the repository: the bundles find their npm packages in node_modules above them.
const outdir = path.resolve(process.argv[2] ?? at('out'));
const into = (...parts) => path.join(outdir, ...parts);

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
  build({ ...nodeSide, entryPoints: [at('electron/main/index.ts')], outfile: into('main/index.cjs') }),
  build({
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'chrome142',
    external: ['electron'],
    minify: true,
    logLevel: 'warning',
    entryPoints: [at('electron/preload/index.ts')],
    outfile: into('preload/index.cjs'),
  }),
  build({
    ...nodeSide,
    entryPoints: [at('electron/core/dossier/worker-entry.ts')],
    outfile: into('main/assembly-worker.cjs'),
  }),
  // The page inspection's worker thread, found beside whichever bundle starts it (electron/core/inspect/run-inspection.ts).
  build({
    ...nodeSide,
    entryPoints: [at('electron/core/inspect/inspect-worker.ts')],
    outfile: into('main/inspect-worker.cjs'),
  }),
  // Files from outside are checked on a worker thread with a budget (electron/core/safety/inspect-off-thread.ts).
  build({
    ...nodeSide,
    entryPoints: [at('electron/core/safety/intake-worker.ts')],
    outfile: into('main/intake-worker.cjs'),
  }),
];

await Promise.all(jobs);
console.log(`build-electron: main/index.cjs, main/assembly-worker.cjs, preload/index.cjs built in ${outdir}.`);
