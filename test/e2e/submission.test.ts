import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ghostscriptPdf, pdfText } from '../helpers/make-pdf.ts';
import { ApplicationPage } from './pages/application-page.ts';
import { HomePage } from './pages/home-page.ts';
import { appPerTest } from './support/per-test.ts';
import { seedApplication } from './support/seed.ts';
import { ShellStandIn } from './support/shell-stand-in.ts';

const run = promisify(execFile);
const contractTitle = '与已入库模型服务机构签订的服务合同（协议）复印件';

describe('after printing, the job goes on', { timeout: 400_000 }, () => {
  const each = appPerTest({ screenshotOnFailure: 'submission-failed' });

  it('marks the dossier submitted, lists the sheets to reprint after an edit, and saves just those', async () => {
    const dir = await each.scratch('juanzong-e2e-submission-');
    const contract = await ghostscriptPdf(dir, 'contract.pdf', 'CONT', 2);
    const licence = await ghostscriptPdf(dir, 'licence.pdf', 'LICENCE', 1);
    const shell = new ShellStandIn(() => each.app.services, await each.scratch('juanzong-e2e-downloads-'));
    const app = await each.start({ shell: shell.handlers });
    const { page } = app;
    await page.setViewportSize({ width: 1366, height: 768 });
    await seedApplication(app.services);
    await page.reload();
    await new HomePage(page).openFirstApplication();
    const steps = new ApplicationPage(page);
    const generate = async (button: '生成卷宗' | '重新生成') => {
      await steps.goTo('生成与预览');
      await page.getByRole('button', { name: button }).click();
      await page.getByText(/^已生成：共 \d+ 页/).waitFor({ timeout: 150_000 });
      await steps.goTo('导出与打印');
    };
    await steps.goTo('申报材料');
    await steps.attach(contractTitle, [contract]);
    await generate('生成卷宗');

    const card = page.getByRole('region', { name: '递交' });
    await card.getByRole('button', { name: '标记为已递交' }).click();
    await card.getByText(/^已于 \d{4}-\d{2}-\d{2} 递交（共 \d+ 页、\d+ 张）。$/).waitFor();
    await card.getByText('当前卷宗与递交的一致：不需要补打。').waitFor();

    // The licence, forgotten, attached after submission: it takes the contract's sheet, the contract moves on.
    await steps.goTo('申报材料');
    await steps.attach('申报单位营业执照（复印件）', [licence]);
    await steps.goTo('导出与打印');
    await card.getByText('递交后如有改动，请到「生成与预览」重新生成卷宗，这里会列出需要补打的张。').waitFor();
    await generate('重新生成');
    const list = card.getByRole('list');
    // Shown once the new dossier is done (the card compares only with a dossier of the latest edits).
    await list
      .getByText(/^第 3 张（第 3 页）：材料“申报单位营业执照（复印件）”.*内容有变/)
      .waitFor({ timeout: 150_000 });
    await expect.poll(async () => (await list.getByRole('listitem').allInnerTexts()).join('\n')).toMatch(/骑缝章/);
    await card.scrollIntoViewIfNeeded();
    await app.screenshot('submission-reprint-plan');

    await card.getByRole('button', { name: '生成补打 PDF' }).click();
    const note = card.getByRole('status').filter({ hasText: '补打 PDF' });
    await note.getByText(/^补打 PDF（\d+ 张）已保存到 .*补打.*\.pdf$/).waitFor();
    const saved = shell.saved.at(-1)!;
    const { stdout } = await run('pdfinfo', [saved]);
    expect(Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1])).toBeGreaterThan(0);
    expect(await pdfText(saved)).toMatch(/LICENCE 1/);
    await note.getByRole('button', { name: '打开文件' }).click();
    await expect.poll(() => shell.opened).toEqual([saved]);

    await card.getByRole('button', { name: '撤销递交标记' }).click();
    await card.getByRole('button', { name: '确定撤销' }).click();
    await card.getByRole('button', { name: '标记为已递交' }).waitFor();
  });
});
