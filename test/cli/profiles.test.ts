/**
 * `juanzong profiles list|import`, and `check` / `assemble` naming an imported profile by id — each run as the
 * clerk's scripts would: a separate `node electron/core/cli/juanzong.mjs` process on a temp data folder.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManifestInput } from '#shared/manifest.ts';
import { profile2026 } from '../helpers/next-year-profile.ts';
import { SAMPLE_FILES, sampleManifest } from '../unit/rules/sample.ts';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(repo, 'electron/core/cli/juanzong.mjs');
let dir: string;
let dataDir: string;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function juanzong(args: string[], data = dataDir): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, [bin, '--data', data, ...args], { cwd: repo }, (error, stdout, stderr) => {
      done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

function writeJson(name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return path;
}

/** The sample manifest moved to 2026: the imported profile's id, a contract and costs inside its dates. */
function manifest2026(): ManifestInput {
  const m = sampleManifest();
  m.profile = 'sz-model-voucher-2026';
  Object.assign(m.contract!, { signedOn: '2025-12-20', serviceFrom: '2026-01-01', serviceTo: '2026-12-31' });
  m.costs = [{ kind: 'api', amount: 10000, paidOn: '2026-03-01' }];
  return m;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'juanzong-profiles-cli-'));
  dataDir = join(dir, 'data');
  mkdirSync(join(dir, 'files'));
  const pdf = await PDFDocument.create();
  pdf.addPage([595.28, 841.89]).drawText('2026', { x: 72, y: 720 });
  const bytes = await pdf.save();
  for (const file of SAMPLE_FILES) writeFileSync(join(dir, file), bytes);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('juanzong profiles', () => {
  it('lists the built-in profile in a new data folder', async () => {
    const run = await juanzong(['profiles', 'list', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([
      { id: 'sz-model-voucher-2025', title: '2025年模型券（申领）', year: 2025, builtIn: true },
    ]);
  });

  it('imports next year’s profile, lists it, and takes the same file again', async () => {
    const file = writeJson('sz-model-voucher-2026.json', profile2026());
    const run = await juanzong(['profiles', 'import', file]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('sz-model-voucher-2026');
    expect((await juanzong(['profiles', 'import', file])).code).toBe(0);
    const list = await juanzong(['profiles', 'list']);
    expect(list.stdout.split('\n').filter(Boolean)).toEqual([
      'sz-model-voucher-2026\t2026\t已导入\t2026年模型券（申领）',
      'sz-model-voucher-2025\t2025\t内置\t2025年模型券（申领）',
    ]);
  });

  it('replaces an imported profile with other content only with --replace', async () => {
    const file = writeJson('revised.json', { ...profile2026(), title: '2026年模型券（申领）修订版' });
    const refused = await juanzong(['profiles', 'import', file]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--replace');
    expect((await juanzong(['profiles', 'import', file, '--replace'])).code).toBe(0);
    expect((await juanzong(['profiles', 'list'])).stdout).toContain('修订版');
    expect((await juanzong(['profiles', 'import', writeJson('back.json', profile2026()), '--replace'])).code).toBe(0);
  });

  it('refuses an invalid field, a built-in id, and a file that is not there, naming each', async () => {
    const broken = profile2026();
    broken.dates.paperFiling.from = 'next autumn';
    const invalid = await juanzong(['profiles', 'import', writeJson('broken.json', broken)]);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('broken.json');
    expect(invalid.stderr).toContain('字段“日期的书面材料受理期间的开始”（dates.paperFiling.from）');

    const colliding = await juanzong([
      'profiles',
      'import',
      writeJson('colliding.json', { ...profile2026(), id: 'sz-model-voucher-2025' }),
    ]);
    expect(colliding.code).toBe(2);
    expect(colliding.stderr).toContain('字段 id');

    const absent = await juanzong(['profiles', 'import', join(dir, 'absent.json')]);
    expect(absent.code).toBe(2);
    expect(absent.stderr).toContain('absent.json');
    expect((await juanzong(['profiles', 'import'])).code).toBe(2);
    expect((await juanzong(['profiles', 'list', '--yaml'])).code).toBe(2);
  });

  it('names a damaged file in the folder and lists the rest', async () => {
    const data = join(dir, 'damaged-data');
    mkdirSync(join(data, 'profiles'), { recursive: true });
    writeFileSync(join(data, 'profiles', 'sz-model-voucher-2027.json'), '{ "schemaVersion": 1,');
    const run = await juanzong(['profiles', 'list'], data);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('sz-model-voucher-2025');
    expect(run.stderr).toContain('sz-model-voucher-2027.json');
  });
});

describe('check and assemble name an imported profile by its id', () => {
  it('juanzong check judges the application by the imported profile’s dates', async () => {
    const manifest = writeJson('manifest-2026.json', manifest2026());
    const run = await juanzong(['check', manifest, '--json', '--today', '2026-10-20']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const report = JSON.parse(run.stdout) as {
      voucher: { amount: number };
      findings: { severity: string; code: string }[];
    };
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(report.findings.map((f) => f.code)).toContain('online-filing-open');
    expect(report.voucher.amount).toBe(3000);

    const elsewhere = await juanzong(['check', manifest, '--json'], join(dir, 'other-data'));
    expect(elsewhere.code).toBe(2);
    expect(elsewhere.stderr).toContain('sz-model-voucher-2026');
    expect(elsewhere.stderr).toContain('profiles list');
  });

  it('juanzong assemble builds the dossier under the imported profile', async () => {
    const manifest = writeJson('manifest-2026-assemble.json', manifest2026());
    const out = join(dir, 'dossier-2026.pdf');
    const run = await juanzong(['assemble', manifest, '--out', out, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect((JSON.parse(run.stdout) as { pages: number }).pages).toBeGreaterThan(SAMPLE_FILES.length);
  }, 60_000);
});
