import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const sandbox = mkdtemp(path.join(os.tmpdir(), 'juanzong-lint-'));

/**
 * Lints one file placed at `relativePath` of a scratch tree with the project's own config (its globs are relative to
 * the working folder), so the probes never appear in the real tree while other tools run.
 */
async function lintProbe(relativePath: string, source: string): Promise<string> {
  const cwd = await sandbox;
  const file = path.join(cwd, relativePath);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, source);
  try {
    await run(path.join(root, 'node_modules/.bin/eslint'), ['-c', path.join(root, 'eslint.config.js'), relativePath], { cwd });
    return '';
  } catch (error) {
    return (error as { stdout: string }).stdout;
  }
}

afterAll(async () => {
  await rm(await sandbox, { recursive: true, force: true });
});

describe('the layers are enforced by lint', () => {
  it('shared/ may not import Node, Electron or the core', async () => {
    expect(await lintProbe('shared/zz-probe-node.ts', "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n")).toMatch(
      /shared\/ is pure/,
    );
    expect(await lintProbe('shared/zz-probe-core.ts', "export { openServices } from '../electron/core/services/index.ts';\n")).toMatch(
      /imports nothing from other layers/,
    );
  });

  it('renderer/ may not import Node, the database or the core', async () => {
    expect(await lintProbe('renderer/src/zz-probe.ts', "import Database from 'better-sqlite3';\nexport const d = Database;\n")).toMatch(
      /only through the typed API/,
    );
    expect(await lintProbe('renderer/src/zz-probe2.ts', "import path from 'path';\nexport const p = path;\n")).toMatch(/no Node modules/);
    expect(
      await lintProbe('renderer/src/zz-probe3.ts', "export { dispatch } from '../../electron/core/services/dispatch.ts';\n"),
    ).toMatch(/imports only shared/);
  });

  it('only electron/main and electron/preload import electron', async () => {
    const source = "import { app } from 'electron';\nexport const a = app;\n";
    expect(await lintProbe('electron/core/zz-probe.ts', source)).toMatch(/Only electron\/main and electron\/preload/);
    expect(await lintProbe('renderer/src/zz-probe4.ts', source)).toMatch(/Only electron\/main and electron\/preload/);
    expect(await lintProbe('electron/main/zz-probe.ts', source)).toBe('');
  });

  it('accepts a layer that keeps to itself', async () => {
    expect(await lintProbe('shared/zz-probe-ok.ts', "import { z } from 'zod';\nexport const s = z.string();\n")).toBe('');
  });
});
