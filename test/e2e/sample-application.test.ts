/**
 * A first run: no company yet, the home screen offers the 示例 application; the clerk opens it, generates its
 * dossier and sees the preview and the seal plan, then deletes the sample again.
 */
import { describe, expect, it } from 'vitest';
import { SAMPLE_COMPANY_NAME } from '#shared/sample.ts';
import { ApplicationPage } from './pages/application-page.ts';
import { appPerTest } from './support/per-test.ts';

/** The sample's name with its 示例 badge, as a screen reader reads it. */
const badged = new RegExp(`^${SAMPLE_COMPANY_NAME}\\s*示例$`);

describe('the 示例 application on a first run', () => {
  const each = appPerTest({ screenshotOnFailure: 'sample-failed' });

  it('opens a sample, shows its dossier and seal plan, and deletes it', { timeout: 360_000 }, async () => {
    const app = await each.start();
    const { page } = app;
    await page.setViewportSize({ width: 1366, height: 768 });
    const steps = new ApplicationPage(page);

    await page.getByRole('heading', { name: '欢迎使用卷宗' }).waitFor();
    await app.screenshot('sample-0-first-run');
    const started = performance.now();
    await page.getByRole('button', { name: '查看示例申请' }).click();
    await page.getByRole('heading', { name: '第 1 步 · 申报单位' }).waitFor({ timeout: 120_000 });
    const opened = performance.now();
    const sidebar = page.getByRole('navigation', { name: '申报步骤' });
    await sidebar.getByRole('heading', { name: badged }).waitFor();
    await expect(page.getByLabel('统一社会信用代码', { exact: true }).inputValue()).resolves.toMatch(/^91440300/);
    await page.getByText('校验位正确，登记地区码属于深圳。').waitFor();

    await steps.goTo('生成与预览');
    await page.getByRole('button', { name: '生成卷宗' }).click();
    await page.getByText(/^已生成：共 \d+ 页/).waitFor({ timeout: 120_000 });
    await page.getByRole('img', { name: /^第 1 页：页码 1/ }).waitFor();
    const previewed = performance.now();
    await app.screenshotWithThumbnails('sample-1-preview');

    await steps.goTo('导出与打印');
    const sealPlan = page.getByRole('table', { name: /用印单/ });
    await sealPlan.waitFor();
    await expect(sealPlan.getByText('骑缝章').count()).resolves.toBeGreaterThan(0);
    await app.screenshot('sample-2-seal-plan');
    console.info(
      `sample: opened in ${((opened - started) / 1000).toFixed(1)} s, ` +
        `dossier previewed ${((previewed - started) / 1000).toFixed(1)} s after 查看示例申请 (including the clicks)`,
    );

    await page.getByRole('button', { name: '返回首页' }).click();
    const applicants = page.getByRole('navigation', { name: '申报单位' });
    await applicants.getByRole('button', { name: badged }).waitFor();
    const notice = page.getByRole('note', { name: '示例说明' });
    await notice.getByText(/不能用于真实申报/).waitFor();
    await app.screenshot('sample-3-home');
    await notice.getByRole('button', { name: '删除示例' }).click();
    await notice.getByRole('button', { name: '保留' }).click();
    await notice.getByRole('button', { name: '删除示例' }).click();
    await notice.getByRole('button', { name: '确定删除示例' }).click();
    await page.getByRole('heading', { name: '欢迎使用卷宗' }).waitFor();
    await page.getByRole('button', { name: '查看示例申请' }).waitFor();
    expect(await app.services.handlers['applicants:list']({})).toEqual([]);
  });
});
