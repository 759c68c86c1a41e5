import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { findProfile } from '#shared/profiles/index.ts';
import { isClerkQuestion } from '#shared/profiles/reading.ts';
import { pointerFileName } from '../../electron/core/paths.ts';
import { databaseFileName } from '../../electron/core/services/index.ts';
import { ghostscriptPdf } from '../helpers/make-pdf.ts';
import type { AppHarness } from './support/app-harness.ts';
import { appPerTest, type PerTest } from './support/per-test.ts';
import { seedApplication } from './support/seed.ts';
import { ShellStandIn } from './support/shell-stand-in.ts';

const profile = findProfile('sz-model-voucher-2025')!;
const question = profile.conditions.find(isClerkQuestion)!;
const company = '深圳市甲乙科技有限公司';

/** An application with an answer and a file, made through the core; the window shows it at home. */
async function startWithApplication(each: PerTest) {
  const dir = await each.scratch('juanzong-e2e-data-actions-');
  const contract = await ghostscriptPdf(dir, 'contract.pdf', 'CONT', 2);
  const shell = new ShellStandIn(() => each.app.services, await each.scratch('juanzong-e2e-downloads-'));
  const app = await each.start({ shell: shell.handlers });
  await app.page.setViewportSize({ width: 1366, height: 768 });
  const id = await seedApplication(app.services, company);
  await app.services.handlers['applications:answer']({ applicationId: id, questionId: question.id, answer: 'yes' });
  await app.services.handlers['attachments:add']({
    applicationId: id,
    materialId: 'service-contract',
    fileName: '合同.pdf',
    bytes: new Uint8Array(await readFile(contract)),
  });
  await app.page.reload();
  await app.page.getByRole('heading', { name: company }).waitFor();
  return { app, shell, id };
}

const applications = async (app: AppHarness) => app.services.handlers['applications:list']({});
const openButtons = (app: AppHarness) => app.page.getByRole('button', { name: /^打开 / });

describe('the clerk manages companies and applications from the window', { timeout: 240_000 }, () => {
  const each = appPerTest({ screenshotOnFailure: 'data-actions-failed' });

  it('renames a company; a blank name is refused at the field', async () => {
    const { app } = await startWithApplication(each);
    const { page } = app;
    await page.getByRole('button', { name: '重命名单位' }).click();
    const field = page.getByLabel('新的单位名称');
    await field.fill('  ');
    await page.getByRole('button', { name: '保存名称' }).click();
    await page.getByRole('alert').getByText('单位名称不能为空。请填写与营业执照一致的全称。').waitFor();
    await field.fill('深圳市甲乙智能科技有限公司');
    await page.getByRole('button', { name: '保存名称' }).click();
    await page.getByRole('heading', { name: '深圳市甲乙智能科技有限公司' }).waitFor();
    await page
      .getByRole('navigation', { name: '申报单位' })
      .getByRole('button', { name: '深圳市甲乙智能科技有限公司' })
      .waitFor();
    expect((await app.services.handlers['applicants:list']({})).map((a) => a.name)).toEqual([
      '深圳市甲乙智能科技有限公司',
    ]);
  });

  it('copies an application with its answers and files as a new 准备中 one, then removes it and takes that back', async () => {
    const { app, id } = await startWithApplication(each);
    const { page } = app;
    await app.services.handlers['applications:update']({ id, changes: { status: 'submitted' } });
    await page.reload();
    await page.getByRole('button', { name: '复制为新申请' }).click();
    await expect.poll(async () => openButtons(app).count()).toBe(2);
    const copy = (await applications(app)).find((a) => a.id !== id)!;
    expect(copy.status).toBe('draft');
    const original = await app.services.handlers['applications:get']({ id });
    const copied = await app.services.handlers['applications:get']({ id: copy.id });
    expect(copied.answers).toEqual(original.answers);
    expect(copied.attachments.map((a) => [a.originalName, a.sha256, a.pageCount])).toEqual(
      original.attachments.map((a) => [a.originalName, a.sha256, a.pageCount]),
    );
    expect(copied.attachments[0]!.id).not.toBe(original.attachments[0]!.id);
    await app.screenshot('data-actions-copied');

    await page.getByRole('button', { name: `删除 2025年模型券（申领）（编号 ${copy.id}）` }).click();
    const bar = page.locator('.undo-bar');
    await bar.getByText(`已移除「2025年模型券（申领）（编号 ${copy.id}）」。`).waitFor();
    await expect.poll(async () => openButtons(app).count()).toBe(1);
    expect((await applications(app)).map((a) => a.id)).toEqual([id]);
    await app.screenshot('data-actions-application-removed');
    await bar.getByRole('button', { name: '撤销' }).click();
    await expect.poll(async () => openButtons(app).count()).toBe(2);
    const back = await app.services.handlers['applications:get']({ id: copy.id });
    expect(back.attachments.map((a) => a.id)).toEqual(copied.attachments.map((a) => a.id));
    expect(back.answers).toEqual(copied.answers);
  });

  it('removes a company with its applications, and 撤销 brings all back under the same numbers', async () => {
    const { app, id } = await startWithApplication(each);
    const { page } = app;
    await page.getByRole('button', { name: '删除单位' }).click();
    const bar = page.locator('.undo-bar');
    await bar.getByText(`已移除「${company}」及其 1 个申报项目。`).waitFor();
    await page.getByRole('heading', { name: '欢迎使用卷宗' }).waitFor();
    expect(await app.services.handlers['applicants:list']({})).toEqual([]);
    await app.screenshot('data-actions-company-removed');
    await bar.getByRole('button', { name: '撤销' }).click();
    await page.getByRole('heading', { name: company }).waitFor();
    expect((await applications(app)).map((a) => a.id)).toEqual([id]);
    expect((await app.services.handlers['applications:get']({ id })).attachments).toHaveLength(1);
  });

  it('exports an application as a .juanzong file, shows its folder, and imports it back as a copy', async () => {
    const { app, shell } = await startWithApplication(each);
    const { page } = app;
    await page.getByRole('button', { name: '导出为文件…' }).click();
    const note = page.getByRole('status').filter({ hasText: '已导出到' });
    await note.waitFor();
    const saved = shell.saved[0]!;
    expect(saved).toMatch(/\.juanzong$/);
    expect(existsSync(saved)).toBe(true);
    expect(await note.textContent()).toContain(saved);
    await note.getByRole('button', { name: '打开所在文件夹' }).click();
    await expect.poll(() => shell.revealed).toEqual([saved]);

    await page.getByRole('button', { name: '数据与备份' }).click();
    await page.getByRole('heading', { name: '数据存放位置' }).waitFor();
    await page.getByText(app.dataDir).waitFor();
    await page.getByRole('button', { name: '打开数据文件夹' }).click();
    await expect.poll(() => shell.dataRevealed).toEqual([app.services.dataDir]);

    await page.getByLabel('要导入的 .juanzong 文件').setInputFiles(saved);
    const refused = page.getByRole('alert').filter({ hasText: '在本机已经存在' });
    await refused.waitFor();
    await page.getByRole('heading', { name: '导入申报项目' }).scrollIntoViewIfNeeded();
    await app.screenshot('data-actions-import-exists');
    await refused.getByRole('button', { name: '作为副本导入' }).click();
    await page
      .getByRole('status')
      .getByText(/已导入「.*\.juanzong」（1 个文件）/)
      .waitFor();
    expect(await applications(app)).toHaveLength(2);
  });

  it('移动数据… copies the data into <chosen>/juanzong, checks it, and says the app restarts there', async () => {
    const { app, shell, id } = await startWithApplication(each);
    const { page } = app;
    const drive = await each.scratch('juanzong-e2e-move-to-');
    await page.getByRole('button', { name: '数据与备份' }).click();
    await page.getByRole('heading', { name: '数据存放位置' }).waitFor();
    await page.getByRole('button', { name: '移动数据…' }).click();
    expect(shell.dataMoves).toEqual([]);

    shell.queuedFolders.push(path.join(app.services.dataDir, 'sub'));
    await page.getByRole('button', { name: '移动数据…' }).click();
    await page.getByRole('alert').getByText('不能把数据移到当前数据文件夹里面。请选择其他文件夹。').waitFor();

    shell.queuedFolders.push(drive);
    await page.getByRole('button', { name: '移动数据…' }).click();
    const target = path.join(drive, 'juanzong');
    const note = page.getByRole('status').filter({ hasText: '数据已复制到' });
    await note.waitFor();
    expect(await note.textContent()).toContain(target);
    expect(shell.dataMoves).toEqual([target]);
    expect(await page.getByRole('button', { name: '移动数据…' }).isDisabled()).toBe(true);
    await app.screenshot('data-actions-moved');

    const moved = new Database(path.join(target, databaseFileName), { readonly: true });
    try {
      const names = moved.prepare('SELECT original_name FROM attachments WHERE application_id = ?').pluck().all(id);
      expect(names).toEqual(['合同.pdf']);
    } finally {
      moved.close();
    }
    const pointer = JSON.parse(await readFile(path.join(shell.downloadsDir, 'user-data', pointerFileName), 'utf8'));
    expect(pointer.dataDir).toBe(target);
  });
});
