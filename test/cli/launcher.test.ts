/**
 * The launcher runs the prebuilt bundle while it is fresh. Laid out in a scratch tree (launcher, bundles, links to
 * node_modules and assets), so that the repository's own bundle is never rebuilt under other tests' feet.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../', import.meta.url));
let tree: string;
const help = () =>
  spawnSync(process.execPath, [join(tree, 'electron/core/cli/juanzong.mjs'), '--help'], {
    encoding: 'utf8',
    timeout: 60_000,
  });

beforeAll(() => {
  tree = mkdtempSync(join(tmpdir(), 'juanzong-launcher-'));
  mkdirSync(join(tree, 'electron/core/cli'), { recursive: true });
  mkdirSync(join(tree, 'shared'));
  copyFileSync(join(repo, 'electron/core/cli/juanzong.mjs'), join(tree, 'electron/core/cli/juanzong.mjs'));
  symlinkSync(join(repo, 'node_modules'), join(tree, 'node_modules'));
  symlinkSync(join(repo, 'assets'), join(tree, 'assets'));
  // Built after the launcher was copied: the bundle is the newer, so the launcher takes it.
  execFileSync(process.execPath, [join(repo, 'build/build-cli.mjs'), join(tree, 'out/cli')]);
}, 120_000);

afterAll(() => rmSync(tree, { recursive: true, force: true }));

describe('the launcher', () => {
  it('runs the bundle beside the assembly worker bundle it forks', () => {
    expect(existsSync(join(tree, 'out/cli/assembly-worker.cjs'))).toBe(true);
    const run = help();
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('juanzong assemble MANIFEST.json --out DOSSIER.pdf');
    // No TypeScript sources in the tree: the output came from the bundle, not through tsx.
    expect(existsSync(join(tree, 'electron/core/cli/run.ts'))).toBe(false);
  });

  it('does not take a bundle whose worker bundle is missing (it would fail at the first assemble)', () => {
    rmSync(join(tree, 'out/cli/assembly-worker.cjs'));
    const run = help();
    // Falls back to the sources, which this tree does not have.
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/run\.ts/);
  });
});
