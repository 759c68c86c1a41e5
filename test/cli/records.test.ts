import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/services/dispatch.ts';
import { openServices } from '../../electron/core/services/index.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const tempDir = useTempDir();

/** The command exactly as the README gives it: `npm run --silent juanzong -- …` from the repository root. */
async function juanzong(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('npm', ['run', '--silent', 'juanzong', '--', ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('juanzong applicants / applications', () => {
  it('--help lists every command in Chinese and exits 0', async () => {
    const { code, stdout } = await juanzong('--help');
    expect(code).toBe(0);
    for (const usage of [
      'applicants list',
      'applications list',
      'check MANIFEST.json',
      'assemble MANIFEST.json',
      '--data DIR',
    ]) {
      expect(stdout).toContain(usage);
    }
  });

  it('lists what the window stored in the same data folder', async () => {
    const dataDir = await tempDir();
    expect((await juanzong('--data', dataDir, 'applicants', 'list')).stdout).toContain('还没有申报单位');

    const services = await openServices({ dataDir });
    const made = await dispatch(services.handlers, 'applicants:create', {
      name: '深圳市甲科技有限公司',
      creditCode: '91440300MA5FXXXX0X',
    });
    if (!made.ok) throw new Error(made.error.message);
    const applicantId = (made.value as { id: number }).id;
    await services.handlers['applications:create']({ applicantId, profileId: 'sz-model-voucher-2025', year: 2025 });
    services.close();

    const applicants = await juanzong('--data', dataDir, 'applicants', 'list');
    expect(applicants.code).toBe(0);
    expect(applicants.stdout).toMatch(/深圳市甲科技有限公司\s+91440300MA5FXXXX0X/);
    const applications = await juanzong('applications', 'list', '--json', '--data', dataDir);
    expect(JSON.parse(applications.stdout)).toMatchObject([
      { applicantId, profileId: 'sz-model-voucher-2025', year: 2025, status: 'draft' },
    ]);
  });

  it('names an unknown command and exits 2', async () => {
    const { code, stderr } = await juanzong('applicants', 'delete-all');
    expect(code).toBe(2);
    expect(stderr).toContain('不认识的命令');
  });
});
