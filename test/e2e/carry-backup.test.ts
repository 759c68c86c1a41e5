// 备份到… and 从备份恢复… in the window: the whole data (database and every file) goes into a folder on a "USB drive",
// the data folder is lost, and restoring from that folder brings the company, its application and its files back.
import { execFileSync } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ghostscriptPdf } from '../helpers/make-pdf.ts';
import { appPerTest } from './support/per-test.ts';
import { seedApplication } from './support/seed.ts';
import { ShellStandIn } from './support/shell-stand-in.ts';
import { DataPage } from './pages/data-page.ts';

const company = '深圳市随身备份科技有限公司';

/** What the backup's database holds, read by Python's sqlite3 (not by Juanzong). */
function applicantsIn(database: string): string[] {
  const script =
    'import sqlite3,sys; print("\\n".join(r[0] for r in sqlite3.connect(sys.argv[1]).execute("select name from applicants")))';
  return execFileSync('python3', ['-c', script, database], { encoding: 'utf8' }).trim().split('\n');
}

describe('a backup to carry away, from the window', { timeout: 180_000 }, () => {
  const each = appPerTest({ screenshotOnFailure: 'carry-failed' });

  it('writes every file to the chosen folder, and after the data is lost restores all of it', async () => {
    const dir = await each.scratch('juanzong-e2e-carry-');
    const usb = await each.scratch('juanzong-e2e-usb-');
    const shell = new ShellStandIn(() => each.app.services, path.join(dir, 'downloads'));
    const app = await each.start({ shell: shell.handlers });
    await app.page.setViewportSize({ width: 1366, height: 768 });
    const applicationId = await seedApplication(app.services, company);
    const originals = new Map<string, Buffer>();
    for (const [materialId, fileName, label] of [
      ['service-contract', '技术服务合同.pdf', 'CONT'],
      ['business-license', '营业执照.pdf', 'LIC'],
    ] as const) {
      const bytes = await readFile(await ghostscriptPdf(dir, `${label}.pdf`, label, 1));
      originals.set(fileName, bytes);
      await app.services.handlers['attachments:add']({ applicationId, materialId, fileName, bytes });
    }
    await app.page.reload();

    const data = new DataPage(app.page);
    await data.open();
    shell.queuedFolders.push(usb);
    const written = await data.exportTo();
    const [carried] = await readdir(usb);
    expect(carried).toMatch(/^卷宗备份-\d{8}-\d{6}$/);
    expect(written).toContain(`备份已写入 ${path.join(usb, carried!)}，包括数据库和 2 个附件文件`);
    expect(written).toContain('已逐个核对');
    expect(applicantsIn(path.join(usb, carried!, 'juanzong.sqlite3'))).toEqual([company]);
    await app.screenshot('carry-01-written');

    // The data folder is lost (a new machine, a dead disk): the app starts empty.
    await app.restart({ wipeData: true });
    await app.page.setViewportSize({ width: 1366, height: 768 });
    await app.page.getByRole('heading', { name: '欢迎使用卷宗' }).waitFor();
    expect(await app.services.handlers['applicants:list']({})).toEqual([]);

    const again = new DataPage(app.page);
    await again.open();
    shell.queuedFolders.push(path.join(usb, carried!));
    const dialog = await again.askToImport();
    expect(await dialog.getByRole('heading').innerText()).toBe(`用「${carried}」恢复？`);
    await expect.poll(() => dialog.innerText()).toContain('先把现在的数据另存为一个「恢复前」备份');
    await app.screenshot('carry-02-confirm');
    await dialog.getByRole('button', { name: '恢复这个备份' }).click();
    const report = again.carryCard().getByRole('region', { name: new RegExp(`^已从「${carried}」恢复到 `) });
    await report.waitFor({ timeout: 60_000 });
    const text = await report.innerText();
    expect(text).toContain('（2 个附件文件）');
    expect(text).toContain('这个备份用到的附件文件都还在');
    await expect.poll(() => again.kinds()).toContain('恢复前');
    await app.screenshot('carry-03-restored');

    await again.goHome();
    await app.page
      .getByRole('navigation', { name: '申报单位' })
      .getByRole('listitem')
      .filter({ hasText: company })
      .waitFor();
    await app.page.getByRole('heading', { name: company }).waitFor();
    await app.screenshot('carry-04-home-after-restore');
    const [application] = await app.services.handlers['applications:list']({});
    const attachments = await app.services.handlers['attachments:list']({ applicationId: application!.id });
    expect(attachments.map((a) => a.originalName).sort()).toEqual([...originals.keys()].sort());
    for (const a of attachments) {
      const { bytes } = await app.services.handlers['attachments:content']({ id: a.id });
      expect(Buffer.from(bytes).equals(originals.get(a.originalName)!)).toBe(true);
    }
  });

  it('says by name when the chosen folder is not a backup, and changes nothing', async () => {
    const notBackup = await each.scratch('juanzong-e2e-not-backup-');
    const shell = new ShellStandIn(() => each.app.services, notBackup);
    const app = await each.start({ shell: shell.handlers });
    await seedApplication(app.services, company);
    const data = new DataPage(app.page);
    await data.open();
    shell.queuedFolders.push(notBackup);
    await (await data.askToImport()).getByRole('button', { name: '恢复这个备份' }).click();
    const alert = data.carryCard().getByRole('alert');
    await expect.poll(() => alert.innerText()).toContain(`「${notBackup}」不是卷宗的备份文件夹`);
    expect((await app.services.handlers['applicants:list']({})).map((a) => a.name)).toEqual([company]);

    // Cancelling the folder dialog does nothing at all.
    await data.carryCard().getByRole('button', { name: '从备份恢复…' }).click();
    await data.carryCard().getByRole('button', { name: '备份到…' }).click();
    expect(await app.page.getByRole('dialog').count()).toBe(0);
  });
});
