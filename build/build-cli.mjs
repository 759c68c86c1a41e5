// Bundles the command line (electron/core/cli/run.ts → out/cli/juanzong.mjs) with esbuild: one file that starts in
// about half the time of compiling ~100 TypeScript modules through tsx on every run. `juanzong.mjs` uses it only
// while it is newer than every source file; otherwise it runs the sources through tsx.
// Modules imported on demand (fontkit, 1.7 MB, only for the checklist) go to out/cli/chunks/, so that every
// start does not parse them.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'out/cli');

const result = await build({
  entryPoints: { juanzong: path.join(root, 'electron/core/cli/run.ts') },
  outdir,
  outExtension: { '.js': '.mjs' },
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Pure-JS packages go into the bundle (no CommonJS lexing at start-up); native and WebAssembly ones stay outside.
  external: ['sharp', 'better-sqlite3', '@neslinesli93/qpdf-wasm', 'tsx'],
  metafile: true,
  logLevel: 'warning',
});

// Chunks of earlier builds: removed one by one, never the folder, so that a run under way keeps its own.
const current = new Set(Object.keys(result.metafile.outputs).map((f) => path.resolve(root, f)));
const chunks = path.join(outdir, 'chunks');
for (const name of fs.existsSync(chunks) ? fs.readdirSync(chunks) : []) {
  const file = path.join(chunks, name);
  if (!current.has(file)) fs.rmSync(file, { force: true });
}
