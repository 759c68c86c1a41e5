import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import path from 'node:path';
import { appPerTest } from './support/per-test.ts';
import { databaseFileName } from '../../electron/core/services/index.ts';
import { HomePage } from './pages/home-page.ts';
import { ApplicationPage } from './pages/application-page.ts';

describe('a clerk creates an applicant and an application', () => {
  const each = appPerTest();

  it('keeps both across a reload and a restart of the services', async () => {
    const app = await each.start();
    const { page } = app;
    await page.getByRole('heading', { name: '欢迎使用卷宗' }).waitFor();

    await new HomePage(page).createApplicant('深圳市先锋智能科技有限公司');
    await new HomePage(page).createApplication();
    const steps = new ApplicationPage(page);
    await steps.fillAndLeave('统一社会信用代码', '91440300MA5FXXXX0X');
    await steps.waitSaved();
    await steps.fillAndLeave('联系人', '李会计');
    await page.getByText('已自动保存').waitFor();
    await app.screenshot('foundation-01-created');

    await page.reload();
    await new HomePage(page).openFirstApplication();
    expect(await page.getByLabel('联系人', { exact: true }).inputValue()).toBe('李会计');

    await app.restart();
    await new HomePage(app.page).openFirstApplication();
    expect(await app.page.getByLabel('统一社会信用代码', { exact: true }).inputValue()).toBe('91440300MA5FXXXX0X');
    expect(await app.page.getByLabel('联系人', { exact: true }).inputValue()).toBe('李会计');
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
