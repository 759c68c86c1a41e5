import { describe, expect, it } from 'vitest';
import { ghostscriptPdf } from '../helpers/make-pdf.ts';
import { ApplicationPage } from './pages/application-page.ts';
import { HomePage } from './pages/home-page.ts';
import { appPerTest } from './support/per-test.ts';
import { seedApplication } from './support/seed.ts';
import { ShellStandIn } from './support/shell-stand-in.ts';

describe('after the dossier is saved', { timeout: 240_000 }, () => {
  const each = appPerTest({ screenshotOnFailure: 'after-export-failed' });

  it('offers 打开文件 and 打开所在文件夹 for the saved file, and prints the dossier itself', async () => {
    const dir = await each.scratch('juanzong-e2e-after-export-');
    const contract = await ghostscriptPdf(dir, 'contract.pdf', 'CONT', 2);
    const shell = new ShellStandIn(() => each.app.services, await each.scratch('juanzong-e2e-downloads-'));
    const app = await each.start({ shell: shell.handlers });
    const { page } = app;
    await page.setViewportSize({ width: 1366, height: 768 });
    await seedApplication(app.services);
    await page.reload();
    await new HomePage(page).openFirstApplication();
    const steps = new ApplicationPage(page);
    await steps.goTo('申报材料');
    await steps.attach('与已入库模型服务机构签订的服务合同（协议）复印件', [contract]);
    await steps.goTo('生成与预览');
    await page.getByRole('button', { name: '生成卷宗' }).click();
    await page.getByText(/^已生成：共 \d+ 页/).waitFor({ timeout: 120_000 });
    await steps.goTo('导出与打印');

    await page.getByRole('button', { name: '打印卷宗' }).click();
    await page.getByRole('status').getByText('卷宗已送去打印。').waitFor();
    expect(shell.printedDossiers).toHaveLength(1);

    await page.getByRole('button', { name: '导出卷宗 PDF' }).click();
    const note = page.getByRole('status').filter({ hasText: '已保存到' });
    await note.getByText(/^已保存到 .*申报材料\.pdf$/).waitFor();
    await app.screenshot('after-export-saved');
    const saved = shell.saved[0]!;
    await note.getByRole('button', { name: '打开文件' }).click();
    await expect.poll(() => shell.opened).toEqual([saved]);
    await note.getByRole('button', { name: '打开所在文件夹' }).click();
    await expect.poll(() => shell.revealed).toEqual([saved]);
  });

  it('opens no file the window names unless it was saved in this run', async () => {
    const shell = new ShellStandIn(() => each.app.services, await each.scratch('juanzong-e2e-downloads-'));
    const app = await each.start({ shell: shell.handlers });
    const answer = await app.page.evaluate(() =>
      (
        window as unknown as { juanzong: { savedFile: { open: (i: unknown) => Promise<unknown> } } }
      ).juanzong.savedFile.open({ path: '/etc/passwd' }),
    );
    expect(answer).toMatchObject({ ok: false, error: { code: 'not-saved-here' } });
    expect(shell.opened).toEqual([]);
  });
});
