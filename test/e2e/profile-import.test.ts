import { describe, expect, it } from 'vitest';
import { profile2026 } from '../helpers/next-year-profile.ts';
import { HomePage } from './pages/home-page.ts';
import { appPerTest } from './support/per-test.ts';

describe('next year’s guide, imported as a profile file', () => {
  const each = appPerTest();

  it('becomes a programme the clerk can apply under, with its own dates; a broken file is named', async () => {
    const app = await each.start();
    const { page } = app;
    await new HomePage(page).createApplicant('深圳市明年智能有限公司');

    const importInput = page.getByLabel('导入申报方案文件');
    await importInput.setInputFiles({
      name: '坏方案.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"id": "x"'),
    });
    await page.getByRole('alert').filter({ hasText: '「坏方案.json」无法导入' }).waitFor();

    const next = profile2026();
    await importInput.setInputFiles({
      name: '2026模型券.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(next)),
    });
    await page
      .getByRole('status')
      .filter({ hasText: `已导入申报方案「${next.title}」` })
      .waitFor();
    expect(await page.getByLabel('申报方案', { exact: true }).inputValue()).toBe(next.id);
    await app.screenshot('profile-import-01-imported');

    await page.getByRole('button', { name: `新建「${next.title}」申报` }).click();
    await page.getByRole('heading', { name: '第 1 步 · 申报单位' }).waitFor();
    await page.getByText(next.title).first().waitFor();

    const [application] = await app.services.handlers['applications:list']({});
    expect(application).toMatchObject({ profileId: next.id, year: next.year });
    await app.screenshot('profile-import-02-application');
  });
});
