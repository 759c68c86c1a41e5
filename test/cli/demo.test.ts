/**
 * `npm run demo`: the sample application made from scratch in a temp folder, its dossier and checklist read back
 * with poppler and qpdf only, the first pages rendered with no system fonts for a person to look at.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_MARK } from '#shared/sample.ts';
import { runProcess, explain } from '../acceptance/assemble-cli.ts';
import { REPO_ROOT } from '../fixtures/fixture-cache.ts';
import { noFontsEnv, pdfText, runTool } from '../fixtures/run-tool.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const screenshots = path.join(REPO_ROOT, 'test-results/screenshots');

/** The text of one page, as pdftotext reads it. */
function pageText(pdf: string, page: number): string {
  return runTool('pdftotext', ['-q', '-layout', '-f', `${page}`, '-l', `${page}`, pdf, '-']);
}

function renderForEyes(pdf: string, first: number, last: number, name: string): void {
  mkdirSync(screenshots, { recursive: true });
  const prefix = path.join(path.dirname(pdf), name);
  execFileSync('pdftoppm', ['-r', '60', '-png', '-f', `${first}`, '-l', `${last}`, pdf, prefix], {
    env: noFontsEnv(),
  });
  for (const file of readdirSync(path.dirname(pdf)).filter((f) => f.startsWith(name)))
    copyFileSync(path.join(path.dirname(pdf), file), path.join(screenshots, file));
}

describe('npm run demo', () => {
  const tempDir = useTempDir('juanzong-demo-');

  it('assembles the 示例 application and says where its dossier and checklist are', { timeout: 300_000 }, async () => {
    const out = path.join(await tempDir(), '示例输出');
    const run = await runProcess(npm, ['run', '--silent', 'demo', '--', '--out', out], 280_000);
    expect(run.code, explain(run)).toBe(0);
    const dossier = path.join(out, '示例-申报材料.pdf');
    const checklist = path.join(out, '示例-材料清单.pdf');
    expect(run.stdout).toContain(dossier);
    expect(run.stdout).toContain(checklist);
    expect(run.stdout).toContain('模型券额度：¥72,000.00；检查结果：0 个问题。');

    const info = runTool('pdfinfo', [dossier]);
    expect(info).toMatch(/Page size:\s+595\.2\d? x 841\.8\d? pts \(A4\)/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(pages).toBeGreaterThanOrEqual(15);
    // Every page with text carries its number; the material pages carry the sample mark.
    const numbered = Array.from({ length: pages }, (_, i) => pageText(dossier, i + 1)).filter((t) => t.trim());
    numbered.forEach((text, i) => expect(text, `page with text ${i + 1}`).toMatch(new RegExp(`—\\s*${i + 1}\\s*—`)));
    const marked = numbered.filter((text) => text.includes(SAMPLE_MARK));
    expect(marked.length, 'PDF material pages with the sample mark').toBeGreaterThanOrEqual(10);
    expect(pdfText(dossier)).toContain('示例科技（深圳）有限公司');

    const list = pdfText(checklist);
    expect(list).toContain('¥72,000.00');
    expect(list).toContain('示例科技（深圳）有限公司');
    for (const pdf of [dossier, checklist]) execFileSync('qpdf', ['--check', pdf], { stdio: 'pipe' });

    renderForEyes(dossier, 1, 1, 'demo-cover');
    renderForEyes(dossier, 7, 7, 'demo-licence');

    // The sample lives in its own data folder beside the PDFs, never in the clerk's.
    const listed = await runProcess(
      process.execPath,
      [path.join(REPO_ROOT, 'electron/core/cli/juanzong.mjs'), '--data', path.join(out, 'data'), 'applicants', 'list'],
      60_000,
    );
    expect(listed.stdout).toContain('示例科技（深圳）有限公司');
  });
});
