// Bundles the command line (electron/core/cli/run.ts → out/cli/juanzong.mjs) with esbuild: one file that starts in
// about half the time of compiling ~100 TypeScript modules through tsx on every run. `juanzong.mjs` uses it only
// while it is newer than every source file; otherwise it runs the sources through tsx.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

await build({
  entryPoints: [path.join(root, 'electron/core/cli/run.ts')],
  outfile: path.join(root, 'out/cli/juanzong.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Pure-JS packages go into the bundle (no CommonJS lexing at start-up); native and WebAssembly ones stay outside.
  external: ['sharp', 'better-sqlite3', '@neslinesli93/qpdf-wasm', 'tsx'],
  logLevel: 'warning',
});
