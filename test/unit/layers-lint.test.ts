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

  it('raw SQL only in electron/core/db', async () => {
    const prepare = "export const count = (db: { prepare(s: string): { get(): unknown } }) => db.prepare('SELECT count(*) FROM attachments').get();\n";
    expect(await lintProbe('electron/core/services/zz-probe-sql.ts', prepare)).toMatch(/Raw SQL belongs in electron\/core\/db\/queries/);
    expect(await lintProbe('electron/core/cli/commands/zz-probe-sql.ts', prepare)).toMatch(/Raw SQL belongs/);
    expect(await lintProbe('electron/main/zz-probe-sql.ts', `import type { App } from 'electron';\nexport type A = App;\n${prepare}`)).toMatch(
      /Raw SQL belongs/,
    );
    const pragma = "export const v = (db: { pragma(s: string): unknown }) => db.pragma('user_version');\n";
    expect(await lintProbe('electron/core/backup/zz-probe-sql.ts', pragma)).toMatch(/Raw SQL belongs/);
    const exec = 'export const wipe = (db: { exec(s: string): void }) => db.exec(`DELETE FROM costs`);\n';
    expect(await lintProbe('electron/core/archive/zz-probe-sql.ts', exec)).toMatch(/Raw SQL belongs/);
    expect(await lintProbe('electron/core/db/queries/zz-probe-sql.ts', prepare + pragma + exec)).toBe('');
    // A regular expression's exec is not SQL.
    expect(await lintProbe('electron/core/dossier/zz-probe-regex.ts', 'export const n = (s: string) => /\\d+/.exec(s)?.[0];\n')).toBe('');
  });

  it('dossier/ and archive/ do not import services/', async () => {
    expect(await lintProbe('electron/core/dossier/zz-probe-up.ts', "export { dispatch } from '../services/dispatch.ts';\n")).toMatch(
      /dossier\/ and archive\/ sit below services\//,
    );
    expect(
      await lintProbe('electron/core/archive/zz-probe-up.ts', "import type { ServiceContext } from '../services/index.ts';\nexport type C = ServiceContext;\n"),
    ).toMatch(/sit below services/);
    // The rest of the core's rules still hold there.
    expect(await lintProbe('electron/core/archive/zz-probe-electron.ts', "import { app } from 'electron';\nexport const a = app;\n")).toMatch(
      /Only electron\/main and electron\/preload/,
    );
    expect(await lintProbe('electron/core/services/zz-probe-down.ts', "export { assembleDossier } from '../dossier/assemble.ts';\n")).toBe('');
  });

  it('electron/main holds only Electron glue', async () => {
    const plain = "import path from 'node:path';\nexport const where = (dir: string) => path.join(dir, 'x');\n";
    expect(await lintProbe('electron/main/zz-probe-plain.ts', plain)).toMatch(/plain-Node logic belongs in electron\/core/);
    const glue = "import type { App } from 'electron';\nexport const where = (app: Pick<App, 'getAppPath'>) => app.getAppPath();\n";
    expect(await lintProbe('electron/main/zz-probe-glue.ts', glue)).toBe('');
    expect(await lintProbe('electron/core/zz-probe-plain.ts', plain)).toBe('');
  });

  it('accepts a layer that keeps to itself', async () => {
    expect(await lintProbe('shared/zz-probe-ok.ts', "import { z } from 'zod';\nexport const s = z.string();\n")).toBe('');
  });
});
