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
 * Lints files placed at their relative paths of a scratch tree with the project's own config (its globs are relative
 * to the working folder), in one eslint run, so the probes never appear in the real tree while other tools run.
 * Answers each file's messages, joined ('' when clean).
 */
async function lintProbes(probes: Record<string, string>): Promise<Record<string, string>> {
  const cwd = await sandbox;
  for (const [relativePath, source] of Object.entries(probes)) {
    const file = path.join(cwd, relativePath);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, source);
  }
  const args = ['-c', path.join(root, 'eslint.config.js'), '--format', 'json', ...Object.keys(probes)];
  let stdout: string;
  try {
    ({ stdout } = await run(path.join(root, 'node_modules/.bin/eslint'), args, { cwd, maxBuffer: 16 * 1024 * 1024 }));
  } catch (error) {
    stdout = (error as { stdout: string }).stdout;
  }
  const results = JSON.parse(stdout) as { filePath: string; messages: { message: string }[] }[];
  return Object.fromEntries(
    Object.keys(probes).map((relativePath) => {
      const result = results.find((r) => r.filePath === path.join(cwd, relativePath));
      return [relativePath, (result?.messages ?? []).map((m) => m.message).join('\n')];
    }),
  );
}

async function lintProbe(relativePath: string, source: string): Promise<string> {
  return (await lintProbes({ [relativePath]: source }))[relativePath]!;
}

afterAll(async () => {
  await rm(await sandbox, { recursive: true, force: true });
});

describe('the layers are enforced by lint', () => {
  it('shared/ may not import Node, Electron or the core', async () => {
    expect(
      await lintProbe(
        'shared/zz-probe-node.ts',
        "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n",
      ),
    ).toMatch(/shared\/ is pure/);
    expect(
      await lintProbe(
        'shared/zz-probe-core.ts',
        "export { openServices } from '../electron/core/services/index.ts';\n",
      ),
    ).toMatch(/imports nothing from other layers/);
  });

  it('renderer/ may not import Node, the database or the core', async () => {
    expect(
      await lintProbe(
        'renderer/src/zz-probe.ts',
        "import Database from 'better-sqlite3';\nexport const d = Database;\n",
      ),
    ).toMatch(/only through the typed API/);
    expect(await lintProbe('renderer/src/zz-probe2.ts', "import path from 'path';\nexport const p = path;\n")).toMatch(
      /no Node modules/,
    );
    expect(
      await lintProbe(
        'renderer/src/zz-probe3.ts',
        "export { dispatch } from '../../electron/core/services/dispatch.ts';\n",
      ),
    ).toMatch(/imports only shared/);
  });

  it('only electron/main and electron/preload import electron', async () => {
    const source = "import { app } from 'electron';\nexport const a = app;\n";
    expect(await lintProbe('electron/core/zz-probe.ts', source)).toMatch(/Only electron\/main and electron\/preload/);
    expect(await lintProbe('renderer/src/zz-probe4.ts', source)).toMatch(/Only electron\/main and electron\/preload/);
    expect(await lintProbe('electron/main/zz-probe.ts', source)).toBe('');
  });

  it('raw SQL only in electron/core/db', async () => {
    const prepare =
      "export const count = (db: { prepare(s: string): { get(): unknown } }) => db.prepare('SELECT count(*) FROM attachments').get();\n";
    const pragma = "export const v = (db: { pragma(s: string): unknown }) => db.pragma('user_version');\n";
    const exec = 'export const wipe = (db: { exec(s: string): void }) => db.exec(`DELETE FROM costs`);\n';
    const found = await lintProbes({
      'electron/core/services/zz-probe-sql.ts': prepare,
      'electron/core/cli/commands/zz-probe-sql.ts': prepare,
      'electron/main/zz-probe-sql.ts': `import type { App } from 'electron';\nexport type A = App;\n${prepare}`,
      'electron/core/backup/zz-probe-sql.ts': pragma,
      'electron/core/archive/zz-probe-sql.ts': exec,
      'electron/core/db/queries/zz-probe-sql.ts': prepare + pragma + exec,
      // A regular expression's exec is not SQL.
      'electron/core/dossier/zz-probe-regex.ts': 'export const n = (s: string) => /\\d+/.exec(s)?.[0];\n',
    });
    for (const where of ['services', 'cli/commands', 'backup', 'archive']) {
      expect(found[`electron/core/${where}/zz-probe-sql.ts`], where).toMatch(
        /Raw SQL belongs in electron\/core\/db\/queries/,
      );
    }
    expect(found['electron/main/zz-probe-sql.ts']).toMatch(/Raw SQL belongs/);
    expect(found['electron/core/db/queries/zz-probe-sql.ts']).toBe('');
    expect(found['electron/core/dossier/zz-probe-regex.ts']).toBe('');
  });

  it('dossier/ and archive/ do not import services/', async () => {
    const found = await lintProbes({
      'electron/core/dossier/zz-probe-up.ts': "export { dispatch } from '../services/dispatch.ts';\n",
      'electron/core/archive/zz-probe-up.ts':
        "import type { ServiceContext } from '../services/index.ts';\nexport type C = ServiceContext;\n",
      // The rest of the core's rules still hold there.
      'electron/core/archive/zz-probe-electron.ts': "import { app } from 'electron';\nexport const a = app;\n",
      'electron/core/services/zz-probe-down.ts': "export { assembleDossier } from '../dossier/assemble.ts';\n",
    });
    expect(found['electron/core/dossier/zz-probe-up.ts']).toMatch(/dossier\/ and archive\/ sit below services\//);
    expect(found['electron/core/archive/zz-probe-up.ts']).toMatch(/sit below services/);
    expect(found['electron/core/archive/zz-probe-electron.ts']).toMatch(/Only electron\/main and electron\/preload/);
    expect(found['electron/core/services/zz-probe-down.ts']).toBe('');
  });

  it('electron/main holds only Electron glue', async () => {
    const plain = "import path from 'node:path';\nexport const where = (dir: string) => path.join(dir, 'x');\n";
    const found = await lintProbes({
      'electron/main/zz-probe-plain.ts': plain,
      'electron/main/zz-probe-glue.ts':
        "import type { App } from 'electron';\nexport const where = (app: Pick<App, 'getAppPath'>) => app.getAppPath();\n",
      'electron/core/zz-probe-plain.ts': plain,
    });
    expect(found['electron/main/zz-probe-plain.ts']).toMatch(/plain-Node logic belongs in electron\/core/);
    expect(found['electron/main/zz-probe-glue.ts']).toBe('');
    expect(found['electron/core/zz-probe-plain.ts']).toBe('');
  });

  it('#shared/… is imported from every layer, and only shared/ is reached that way', async () => {
    const viaShared = "import { UserFacingError } from '#shared/errors.ts';\nexport const E = UserFacingError;\n";
    const climbOut = "export { openServices } from '#shared/../electron/core/services/index.ts';\n";
    const found = await lintProbes({
      'shared/zz-probe-sub.ts': viaShared,
      'renderer/src/zz-probe-sub.ts': viaShared,
      'electron/core/services/zz-probe-sub.ts': viaShared,
      'electron/core/dossier/zz-probe-sub.ts': viaShared,
      'electron/main/zz-probe-sub.ts': `import type { App } from 'electron';\nexport type A = App;\n${viaShared}`,
      'shared/zz-probe-climb.ts': climbOut,
      'renderer/src/zz-probe-climb.ts': climbOut,
      'renderer/src/zz-probe-other.ts': "export { dispatch } from '#core/services/dispatch.ts';\n",
    });
    for (const clean of [
      'shared',
      'renderer/src',
      'electron/core/services',
      'electron/core/dossier',
      'electron/main',
    ]) {
      expect(found[`${clean}/zz-probe-sub.ts`], clean).toBe('');
    }
    for (const refused of [
      'shared/zz-probe-climb.ts',
      'renderer/src/zz-probe-climb.ts',
      'renderer/src/zz-probe-other.ts',
    ]) {
      expect(found[refused], refused).toMatch(/only subpath import is #shared/);
    }
  });

  it('accepts a layer that keeps to itself', async () => {
    expect(await lintProbe('shared/zz-probe-ok.ts', "import { z } from 'zod';\nexport const s = z.string();\n")).toBe(
      '',
    );
  });
});
