import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/core/cli/main.ts';
import { openServices, databaseFileName } from '../../electron/core/services/index.ts';
import { call, ensureApplication, randomPdfBytes } from '../crash/children/seed.ts';

const root = mkdtempSync(path.join(tmpdir(), 'juanzong-cli-safety-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

describe('juanzong backup / archive', () => {
  it('backs up, mends a damaged database from the list, and moves an application to another folder', async () => {
    const a = path.join(root, 'a');
    const s = await openServices({ dataDir: a });
    const applicationId = await ensureApplication(s);
    await call(s, 'attachments:add', {
      applicationId,
      materialId: 'business-license',
      fileName: '执照.pdf',
      bytes: randomPdfBytes(3000),
    });
    s.close();
    expect((await cli('--data', a, 'backup', 'create')).code).toBe(0);
    const list = JSON.parse((await cli('--data', a, 'backup', 'list', '--json')).out) as {
      name: string;
      reason: string;
    }[];
    const manual = list.find((b) => b.reason === 'manual')!;

    writeFileSync(path.join(a, databaseFileName), 'not a database');
    rmSync(path.join(a, `${databaseFileName}-wal`), { force: true });
    const refused = await cli('--data', a, 'applications', 'list');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('backup restore');
    const restored = await cli('--data', a, 'backup', 'restore', manual.name);
    expect(restored.code).toBe(0);
    expect(restored.out).toContain('damaged');

    const out = path.join(root, '项目.juanzong');
    expect((await cli('--data', a, 'archive', 'export', String(applicationId), '--out', out)).code).toBe(0);
    const b = path.join(root, 'b');
    expect((await cli('--data', b, 'archive', 'import', out)).out).toContain('1 个文件');
    const again = await cli('--data', b, 'archive', 'import', out);
    expect(again.code).toBe(1);
    expect(again.err).toContain('已经存在');
    expect((await cli('--data', b, 'archive', 'import', out, '--as-copy')).code).toBe(0);
  });
});
