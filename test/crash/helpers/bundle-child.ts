/**
 * Bundles a crash child into one ES module under `.tmp/` (packages stay external), so each of hundreds of
 * restarts skips transpiling the core: about half a second less per kill.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');

export async function bundleChild(script: string): Promise<string> {
  const outDir = path.join(repo, '.tmp', 'crash-children');
  mkdirSync(outDir, { recursive: true });
  const outfile = path.join(outDir, `${path.basename(script, '.ts')}-${process.pid}.mjs`);
  await build({
    entryPoints: [script],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    // The bundle lies in .tmp/, where the core's path to assets/fonts no longer leads: say where the font is.
    banner: {
      js: `process.env.JUANZONG_FONT ??= ${JSON.stringify(path.join(repo, 'assets', 'fonts', 'wqy-microhei.ttc'))};`,
    },
    logLevel: 'warning',
  });
  // The core checks attached files, and inspects pages, on worker threads found beside the bundle.
  const workers = {
    'intake-worker.cjs': 'electron/core/safety/intake-worker.ts',
    'inspect-worker.cjs': 'electron/core/inspect/inspect-worker.ts',
  };
  for (const [name, entry] of Object.entries(workers)) {
    await build({
      entryPoints: [path.join(repo, entry)],
      outfile: path.join(outDir, name),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      packages: 'external',
      define: { 'import.meta.url': '__bundleUrl' },
      banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
      logLevel: 'warning',
    });
  }
  return outfile;
}
