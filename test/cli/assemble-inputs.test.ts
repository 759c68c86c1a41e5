/**
 * What `juanzong assemble` refuses before it reads or writes a page: a material listed twice, a material file that is
 * not a plain file (a named pipe used to hang it forever), and an output that would overwrite an input or the other
 * output. Each refusal names the file and the fix; the inputs stay as they were.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ghostscriptPdf } from '../helpers/make-pdf.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { explain, juanzong } from './run-cli.ts';

const run = promisify(execFile);
const tempDir = useTempDir('juanzong-assemble-inputs-');

/** A folder with a data folder, two Ghostscript PDFs and a manifest listing `materials`. */
async function setUp(materials: { id: string; files: string[] }[]) {
  const dir = await tempDir();
  await ghostscriptPdf(dir, 'form.pdf', 'Form', 1);
  await ghostscriptPdf(dir, 'licence.pdf', 'Licence', 1);
  const manifest = path.join(dir, 'manifest.json');
  const body = {
    profile: 'sz-model-voucher-2025',
    applicant: { name: '深圳市测试科技有限公司', creditCode: '' },
    materials,
  };
  await writeFile(manifest, JSON.stringify(body));
  return { dir, manifest, data: path.join(dir, 'data') };
}

describe('juanzong assemble refuses inputs and outputs that would lose work', () => {
  it('a material listed twice: names it and says to merge its files, writes nothing', async () => {
    const { dir, manifest, data } = await setUp([
      { id: 'application-form', files: ['form.pdf'] },
      { id: 'business-license', files: ['licence.pdf'] },
      { id: 'application-form', files: ['licence.pdf'] },
    ]);
    const out = path.join(dir, 'dossier.pdf');
    const result = await juanzong(['--data', data, 'assemble', manifest, '--out', out]);
    expect(result.code, explain(result)).toBe(2);
    expect(result.stderr).toContain('材料“application-form”写了两次（materials 第 1 项和第 3 项）');
    expect(result.stderr).toContain('请把两处的 files 合并到同一项里');
    expect(existsSync(out)).toBe(false);
  });

  it('a named pipe as a material file: refused by name at once instead of waiting forever', async () => {
    const { dir, manifest, data } = await setUp([
      { id: 'application-form', files: ['form.pdf'] },
      { id: 'business-license', files: ['licence-pipe.pdf'] },
    ]);
    await run('mkfifo', [path.join(dir, 'licence-pipe.pdf')]);
    const out = path.join(dir, 'dossier.pdf');
    const result = await juanzong(['--data', data, 'assemble', manifest, '--out', out], { timeoutMs: 60_000 });
    expect(result.timedOut, explain(result)).toBe(false);
    expect(result.code, explain(result)).toBe(2);
    expect(result.stderr).toContain(
      `材料“business-license”的文件“${path.join(dir, 'licence-pipe.pdf')}”是命名管道（FIFO），不是普通文件`,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('--out on an input (a material file, the manifest, a link to one): refused, the input unchanged', async () => {
    const { dir, manifest, data } = await setUp([
      { id: 'application-form', files: ['form.pdf'] },
      { id: 'business-license', files: ['licence.pdf'] },
    ]);
    await run('ln', ['-s', 'form.pdf', path.join(dir, 'form-link.pdf')]);
    const before = await readFile(path.join(dir, 'licence.pdf'));
    const cases: [string, string][] = [
      ['licence.pdf', '就是材料“business-license”的文件，生成时会把它覆盖'],
      ['manifest.json', '就是清单文件，生成时会把它覆盖'],
      ['form-link.pdf', '就是材料“application-form”的文件'],
    ];
    for (const [name, message] of cases) {
      const result = await juanzong(['--data', data, 'assemble', manifest, '--out', path.join(dir, name)]);
      expect(result.code, `${name}: ${explain(result)}`).toBe(2);
      expect(result.stderr).toContain(`--out 指向的“${path.join(dir, name)}”${message}`);
      expect(result.stderr).toContain('请把输出保存到另一个文件名');
    }
    expect((await readFile(path.join(dir, 'licence.pdf'))).equals(before)).toBe(true);
    expect(JSON.parse(await readFile(manifest, 'utf8'))).toMatchObject({ profile: 'sz-model-voucher-2025' });
  });

  it('--out equal to --checklist: refused before the dossier is made, so nothing is lost', async () => {
    const { dir, manifest, data } = await setUp([
      { id: 'application-form', files: ['form.pdf'] },
      { id: 'business-license', files: ['licence.pdf'] },
    ]);
    const out = path.join(dir, 'dossier.pdf');
    const result = await juanzong([
      '--data',
      data,
      'assemble',
      manifest,
      '--out',
      out,
      '--checklist',
      path.join(dir, '.', 'dossier.pdf'),
    ]);
    expect(result.code, explain(result)).toBe(2);
    expect(result.stderr).toContain(`--out 和 --checklist 指向同一个文件“${out}”：核对清单会覆盖卷宗`);
    expect(result.stderr).toContain('请给核对清单另起一个文件名');
    expect((await readdir(dir)).sort()).toEqual(['form.pdf', 'licence.pdf', 'manifest.json']);
  });
});
