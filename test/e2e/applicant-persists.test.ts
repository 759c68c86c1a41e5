import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import path from 'node:path';
import { AppHarness } from './support/app-harness.ts';
import { databaseFileName } from '../../electron/core/services/index.ts';

describe('a clerk creates an applicant and an application', () => {
  let app: AppHarness | undefined;
  afterEach(async () => {
    await app?.dispose();
    app = undefined;
  });

  it('keeps both across a reload and a restart of the services', async () => {
    app = await AppHarness.start();
    const { page } = app;
    await expect(page.getByRole('heading', { name: '欢迎使用卷宗' })).toBeTruthy();

    await page.getByLabel('新建申报单位').fill('深圳市先锋智能科技有限公司');
    await page.getByRole('button', { name: '新建', exact: true }).click();
    await page.getByRole('button', { name: '深圳市先锋智能科技有限公司' }).waitFor();

    const code = page.getByLabel('统一社会信用代码');
    await code.fill('91440300MA5FXXXX0X');
    await page.getByLabel('联系人').click();
    await page.getByRole('status').filter({ hasText: '已自动保存' }).waitFor();
    await page.getByLabel('联系人').fill('李会计');
    await page.getByLabel('联系电话').focus();
    await page.getByRole('button', { name: '新建 2025 年模型券申报' }).click();
    await page.getByText('2025 年模型券（申领）').waitFor();
    await app.screenshot('foundation-01-created');

    await page.reload();
    await page.getByRole('button', { name: '深圳市先锋智能科技有限公司' }).waitFor();
    expect(await page.getByLabel('联系人').inputValue()).toBe('李会计');

    await app.restart();
    await app.page.getByRole('button', { name: '深圳市先锋智能科技有限公司' }).waitFor();
    expect(await app.page.getByLabel('统一社会信用代码').inputValue()).toBe('91440300MA5FXXXX0X');
    expect(await app.page.getByLabel('联系人').inputValue()).toBe('李会计');
    await app.page.getByText('2025 年模型券（申领）').waitFor();
    await app.screenshot('foundation-02-after-restart');

    // What the window showed is what the SQLite file holds.
    const db = new Database(path.join(app.dataDir, databaseFileName), { readonly: true });
    const row = db.prepare('SELECT name, contact_person FROM applicants').get();
    const apps = db.prepare('SELECT profile_id, year FROM applications').all();
    db.close();
    expect(row).toEqual({ name: '深圳市先锋智能科技有限公司', contact_person: '李会计' });
    expect(apps).toEqual([{ profile_id: 'sz-model-voucher-2025', year: 2025 }]);
  });
});
