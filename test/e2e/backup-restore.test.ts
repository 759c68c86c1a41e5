// 数据与备份 in the window: a backup made from the panel, later changes, then 恢复 (after its confirmation) brings
// the earlier state back, the home screen included; the current data was saved as a 恢复前 backup first.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ghostscriptPdf } from '../helpers/make-pdf.ts';
import { appPerTest } from './support/per-test.ts';
import { seedApplication } from './support/seed.ts';
import { HomePage } from './pages/home-page.ts';
import { DataPage } from './pages/data-page.ts';

describe('backups from the window', () => {
  const each = appPerTest();

  it('makes a backup, restores it after a confirmation, and shows the earlier state', async () => {
    const app = await each.start();
    const { page } = app;
    const home = new HomePage(page);
    const data = new DataPage(page);
    const applicants = page.getByRole('navigation', { name: '申报单位' }).getByRole('listitem');

    await page.getByRole('heading', { name: '欢迎使用卷宗' }).waitFor();
    await home.createApplicant('深圳市甲乙科技有限公司');

    await data.open();
    await data.backUpNow();
    expect((await data.kinds())[0]).toBe('手动');
    await app.screenshot('backup-01-panel-after-backup');

    await data.goHome();
    await home.createApplicant('深圳市备份之后新建有限公司');
    await expect
      .poll(async () => (await applicants.allInnerTexts()).sort())
      .toEqual(['深圳市甲乙科技有限公司', '深圳市备份之后新建有限公司'].sort());

    await data.open();
    const dialog = await data.askToRestore('手动');
    await expect.poll(() => dialog.innerText()).toContain('先把现在的数据另存为一个「恢复前」备份');
    // 取消 has the focus: Enter or Esc never restores by accident.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('取消');
    await app.screenshot('backup-02-confirm');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await app.services.handlers['applicants:list']({})).toHaveLength(2);

    // The same by keyboard: 恢复 on the manual backup, then Shift+Tab from 取消 to 恢复这个备份, Enter.
    await page.getByRole('button', { name: /^恢复 .* 的手动备份$/ }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor();
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('恢复这个备份');
    await page.keyboard.press('Enter');
    const report = page.getByRole('status').getByRole('region', { name: /^已恢复到 .* 的手动备份$/ });
    await report.waitFor();
    expect(await report.innerText()).toContain('这个备份用到的附件文件都还在');
    // The list was read again: the data as it was just before is now the newest backup, a 恢复前 one.
    await expect.poll(() => data.kinds()).toContain('恢复前');
    expect((await data.kinds())[0]).toBe('恢复前');
    await app.screenshot('backup-03-restored');

    await data.goHome();
    await expect.poll(() => applicants.allInnerTexts()).toEqual(['深圳市甲乙科技有限公司']);
    await page.getByRole('heading', { name: '深圳市甲乙科技有限公司' }).waitFor();
    await app.screenshot('backup-04-home-after-restore');
    const names = (await app.services.handlers['applicants:list']({})).map((a) => a.name);
    expect(names).toEqual(['深圳市甲乙科技有限公司']);
  });

  it('shows data-folder warnings, and after a restore names the files the store no longer holds and what to do', async () => {
    const dir = await each.scratch('juanzong-e2e-backup-');
    const app = await each.start();
    const applicationId = await seedApplication(app.services);
    const pdf = await ghostscriptPdf(dir, 'contract.pdf', 'CONT', 1);
    const added = await app.services.handlers['attachments:add']({
      applicationId,
      materialId: 'service-contract',
      fileName: '技术服务合同.pdf',
      bytes: new Uint8Array(await readFile(pdf)),
    });
    const backup = await app.services.handlers['backup:create']({});
    // Later the file is lost from the store (say, a disk error) and an imported profile file is damaged.
    await rm(app.services.store.pathOf(added.sha256));
    await mkdir(path.join(app.dataDir, 'profiles'), { recursive: true });
    await writeFile(path.join(app.dataDir, 'profiles', '坏的方案.json'), '{ 不是 JSON');

    const { page } = app;
    const data = new DataPage(page);
    await page.reload();
    await data.open();
    const warnings = page.getByRole('region', { name: '需要注意' });
    await expect.poll(() => warnings.innerText()).toContain('坏的方案.json');

    await data
      .table()
      .locator(`tr[data-backup="${backup.name}"]`)
      .getByRole('button', { name: /^恢复 / })
      .click();
    await page.getByRole('dialog').getByRole('button', { name: '恢复这个备份' }).click();
    const report = page.getByRole('region', { name: /^已恢复到 / });
    await report.waitFor();
    const text = await report.innerText();
    expect(text).toContain('1 个附件文件已不在卷宗里');
    expect(text).toContain('技术服务合同.pdf');
    expect(text).toContain('重新添加原件');
    await app.screenshot('backup-05-missing-files-and-warnings');
  });
});
