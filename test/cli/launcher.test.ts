/**
 * The launcher runs the prebuilt bundle with V8's code cache. Laid out in a scratch tree (launcher, bundle, links
 * to node_modules and assets), so that the repository's own bundle is never rebuilt under other tests' feet.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../', import.meta.url));
let tree: string;
const cache = () => join(tree, 'out/cli/juanzong.cjs.cache');
const help = () => spawnSync(process.execPath, [join(tree, 'electron/core/cli/juanzong.mjs'), '--help'], { encoding: 'utf8', timeout: 60_000 });

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

describe('the launcher and its code cache', () => {
  it('runs the bundle, keeps its compiled code for the next start, and makes it anew when the file is damaged', () => {
    const first = help();
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('juanzong assemble MANIFEST.json --out DOSSIER.pdf');
    expect(existsSync(cache())).toBe(true);

    writeFileSync(cache(), 'not a code cache');
    const again = help();
    expect(again.status).toBe(0);
    expect(again.stdout).toBe(first.stdout);
    expect(readFileSync(cache()).length).toBeGreaterThan(100_000);
  });
});
