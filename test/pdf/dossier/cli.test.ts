/** `juanzong assemble` as a separate process: the --json page map, --checklist, and a refusal. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertValidPdf } from '../../acceptance/assemble-cli.ts';
import { run } from './helpers.ts';
import { makeInputs, type TestInputs } from './inputs.ts';

const CLI = fileURLToPath(new URL('../../../electron/core/cli/juanzong.mjs', import.meta.url));
let inputs: TestInputs;
const at = (name: string) => path.join(inputs.dir, name);

function manifest(name: string, files: string[]): string {
  const body = {
    profile: 'sz-model-voucher-2025',
    applicant: { name: '深圳市卷宗测试科技有限公司', creditCode: '91440300MA5G8XK3QJ' },
    options: { duplex: true, sealMarkers: true, date: '2025-10-13' },
    materials: [
      { id: 'application-form', files },
      { id: 'ethics-materials', notApplicable: true },
    ],
  };
  fs.writeFileSync(at(name), JSON.stringify(body));
  return at(name);
}

const cli = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60_000 });

beforeAll(async () => {
  inputs = await makeInputs();
  run('qpdf', ['--encrypt', 'u', 'o', '256', '--', at(inputs.rotated), at('locked.pdf')]);
}, 120_000);

afterAll(() => fs.rmSync(inputs.dir, { recursive: true, force: true }));

describe('juanzong assemble', () => {
  it('prints the page map with --json and writes the dossier and the checklist', () => {
    const r = cli([
      'assemble',
      manifest('m.json', [inputs.form, inputs.photo]),
      '--out',
      at('d.pdf'),
      '--checklist',
      at('c.pdf'),
      '--json',
    ]);
    expect(r.status).toBe(0);
    const map = JSON.parse(r.stdout);
    expect(map).toMatchObject({
      pages: 7,
      sections: [
        { id: 'cover', title: '封面', firstPage: 1, lastPage: 1, firstNumber: 1, lastNumber: 1 },
        { id: 'toc', title: '目录', firstPage: 3, lastPage: 3, firstNumber: 2, lastNumber: 2 },
        { id: 'application-form', title: '资助项目申请书', firstPage: 5, lastPage: 7, firstNumber: 3, lastNumber: 5 },
      ],
      blankPages: [2, 4],
    });
    // Six required materials have no files: each is a warning (on stderr too), not a failure.
    expect(map.warnings).toHaveLength(6);
    expect(r.stderr).toContain('business-license');
    expect(Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [at('d.pdf')]))![1])).toBe(map.pages);
    expect(run('pdfinfo', [at('c.pdf')])).toMatch(/Pages:\s+\d+/);
    assertValidPdf(at('d.pdf'));
  });

  it('exits non-zero naming the file, with nothing at --out, when an input is refused', () => {
    const r = cli(['assemble', manifest('bad.json', [inputs.form, 'locked.pdf']), '--out', at('bad.pdf'), '--json']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('locked.pdf');
    expect(r.stdout).toBe('');
    expect(fs.existsSync(at('bad.pdf'))).toBe(false);
  });

  it('names the missing folder, and writes nothing, when --out or --checklist points into a folder that does not exist', () => {
    const m = manifest('m3.json', [inputs.form]);
    const missing = path.join(inputs.dir, '新建文件夹');
    const intoMissing = cli(['assemble', m, '--out', path.join(missing, 'd.pdf')]);
    expect(intoMissing.status).not.toBe(0);
    expect(intoMissing.stderr).toContain(`要保存到的文件夹“${missing}”不存在`);
    const checklistIntoMissing = cli([
      'assemble',
      m,
      '--out',
      at('d3.pdf'),
      '--checklist',
      path.join(missing, 'c.pdf'),
    ]);
    expect(checklistIntoMissing.status).not.toBe(0);
    expect(checklistIntoMissing.stderr).toContain('请先建好这个文件夹');
    expect(fs.existsSync(at('d3.pdf'))).toBe(false);
    expect(fs.existsSync(missing)).toBe(false);
  });

  it('explains its usage when --out is missing', () => {
    const r = cli(['assemble', manifest('m2.json', [inputs.form])]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--out');
  });
});
