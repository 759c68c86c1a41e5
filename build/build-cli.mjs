// Bundles the command line (electron/core/cli/run.ts → out/cli/juanzong.mjs) with esbuild: one file that starts in
// about half the time of compiling ~100 TypeScript modules through tsx on every run. `juanzong.mjs` uses it only
// while it is newer than every source file; otherwise it runs the sources through tsx.
// Modules imported on demand (fontkit, 1.7 MB, only for the checklist) go to out/cli/chunks/, so that every
// start does not parse them.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

// Native and WebAssembly packages stay outside the bundle and are loaded with require(): importing a CommonJS file
// from ESM makes Node lex it for its export names first, ~35 ms at every start (sharp, qpdf-wasm, semver).
const requiredPackages = ['sharp', 'better-sqlite3', '@neslinesli93/qpdf-wasm'];

/** `import x from 'sharp'` becomes a module whose exports are `require('sharp')` (the banner defines `require`). */
const requireExternals = {
  name: 'require-externals',
  setup(b) {
    const filter = new RegExp(`^(${requiredPackages.map((p) => p.replace(/[/.]/g, '\\$&')).join('|')})$`);
    b.onResolve({ filter }, (args) =>
      args.namespace === 'required' ? { path: args.path, external: true } : { path: args.path, namespace: 'required' },
    );
    b.onLoad({ filter: /.*/, namespace: 'required' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});` }));
  },
};

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
  external: ['tsx'],
  plugins: [requireExternals],
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
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
