// Bundles the command line (electron/core/cli/run.ts → out/cli/juanzong.cjs) and the assembly worker it forks
// (electron/core/dossier/worker-entry.ts → out/cli/assembly-worker.cjs, the entry the app's worker is built from) with esbuild: one file that starts in
// about half the time of compiling ~100 TypeScript modules through tsx on every run. `juanzong.mjs` uses it only
// while it is newer than every source file; otherwise it runs the sources through tsx.
// CommonJS, so that sharp, better-sqlite3 and qpdf-wasm are plain require()s: importing a CommonJS package from an
// ES module makes Node lex it for its export names first, ~35 ms at every start.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// `node build/build-cli.mjs [OUTDIR]`: OUTDIR (default out/cli) lets a test lay out a copy of the launcher and bundle.
const outdir = path.resolve(process.argv[2] ?? path.join(root, 'out/cli'));
const outfile = path.join(outdir, 'juanzong.cjs');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // Pure-JS packages go into the bundle; native and WebAssembly ones stay outside, found in node_modules (pdfjs
  // is an ES module, loaded with import() by the inspection only).
  external: [
    'sharp',
    'better-sqlite3',
    '@neslinesli93/qpdf-wasm',
    'tsx',
    'tesseract.js',
    'tesseract.js-core',
    '@techstark/opencv-js',
    'pdfjs-dist',
  ],
  // The core finds its files from import.meta.url; in the bundle that is the bundle's own URL.
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
};
await Promise.all([
  build({ ...common, entryPoints: [path.join(root, 'electron/core/cli/run.ts')], outfile }),
  build({
    ...common,
    entryPoints: [path.join(root, 'electron/core/dossier/worker-entry.ts')],
    outfile: path.join(outdir, 'assembly-worker.cjs'),
  }),
  // The page inspection's worker thread, found beside the bundle (electron/core/inspect/run-inspection.ts).
  build({
    ...common,
    entryPoints: [path.join(root, 'electron/core/inspect/inspect-worker.ts')],
    outfile: path.join(outdir, 'inspect-worker.cjs'),
  }),
  // Files from outside are checked on a worker thread with a budget (electron/core/safety/inspect-off-thread.ts).
  build({
    ...common,
    entryPoints: [path.join(root, 'electron/core/safety/intake-worker.ts')],
    outfile: path.join(outdir, 'intake-worker.cjs'),
  }),
]);

// What earlier layouts left: a V8 code cache, an ES module bundle and its chunks.
for (const stale of ['juanzong.cjs.cache', 'juanzong.mjs', 'chunks'])
  fs.rmSync(path.join(outdir, stale), { recursive: true, force: true });
