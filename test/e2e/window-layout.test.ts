import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { findProfile } from '#shared/profiles/index.ts';
import { ghostscriptPdf } from '../helpers/make-pdf.ts';
import { ApplicationPage } from './pages/application-page.ts';
import { HomePage } from './pages/home-page.ts';
import { appPerTest } from './support/per-test.ts';
import { seedApplication } from './support/seed.ts';

const profile = findProfile('sz-model-voucher-2025')!;

/** Whether an element lies wholly inside the viewport across (nothing cut off at the right). */
async function fitsAcross(page: Page, label: string): Promise<boolean> {
  const box = await page.getByLabel(label, { exact: true }).boundingBox();
  const width = page.viewportSize()!.width;
  return box !== null && box.x >= 0 && box.x + box.width <= width;
}

describe('the window a clerk moves through', { timeout: 180_000 }, () => {
  const each = appPerTest({ screenshotOnFailure: 'window-layout-failed' });

  it('has 上一步 / 下一步, a step list that stays in view, and keeps the focus on what was moved or added', async () => {
    const dir = await each.scratch('juanzong-e2e-layout-');
    const app = await each.start();
    const id = await seedApplication(app.services);
    const plan = 'construction-plan';
    for (const name of ['plan-a.pdf', 'plan-b.pdf', 'plan-c.pdf']) {
      const bytes = new Uint8Array(
        await (await import('node:fs/promises')).readFile(await ghostscriptPdf(dir, name, name.toUpperCase(), 1)),
      );
      await app.services.handlers['attachments:add']({ applicationId: id, materialId: plan, fileName: name, bytes });
    }
    const { page } = app;
    await page.reload();
    await new HomePage(page).openFirstApplication();
    const steps = new ApplicationPage(page);

    await page.getByRole('button', { name: '下一步：资格自查' }).click();
    await page.getByRole('heading', { name: '第 2 步 · 资格自查' }).waitFor();
    await page.getByRole('button', { name: '下一步：合同与费用' }).click();
    await page.getByRole('heading', { name: '第 3 步 · 合同与费用' }).waitFor();
    await page.getByRole('button', { name: '上一步：资格自查' }).click();
    await page.getByRole('heading', { name: '第 2 步 · 资格自查' }).waitFor();
    await page.getByRole('button', { name: '下一步：合同与费用' }).click();

    // 添加一笔费用: the new row's amount has the focus, twice over.
    await page.getByRole('button', { name: '添加一笔费用' }).click();
    await page.keyboard.type('1000');
    await page.getByRole('button', { name: '添加一笔费用' }).click();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      '第 2 笔费用的金额（元）',
    );
    await page.keyboard.type('2000');
    expect(await page.getByLabel('第 1 笔费用的金额（元）', { exact: true }).inputValue()).toBe('1000');

    // Scrolled to the foot of a long step, the step list is still on screen.
    await steps.goTo('申报材料');
    await page.getByRole('button', { name: '下一步：生成与预览' }).scrollIntoViewIfNeeded();
    const nav = await page
      .getByRole('navigation', { name: '申报步骤' })
      .getByRole('button', { name: /导出与打印/ })
      .boundingBox();
    expect(nav!.y).toBeGreaterThanOrEqual(0);
    expect(nav!.y + nav!.height).toBeLessThanOrEqual(page.viewportSize()!.height);
    await page.screenshot({ path: 'test-results/screenshots/window-steps-in-view.png' }); // the viewport, as the clerk sees it

    // 下移 then 下移 again from the keyboard: the focus follows the file.
    const title = profile.materials.find((m) => m.id === plan)!.title;
    const card = steps.materialCard(title);
    await card.getByRole('button', { name: '下移「plan-a.pdf」' }).click();
    await card.locator('.attachments > li').nth(1).getByText('plan-a.pdf').waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('下移「plan-a.pdf」');
    await page.keyboard.press('Enter');
    await card.locator('.attachments > li').nth(2).getByText('plan-a.pdf').waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('上移「plan-a.pdf」');
  });

  for (const size of [
    { name: '1024x640', width: 1024, height: 640 },
    { name: '1366x768-at-200', width: 683, height: 384 },
  ]) {
    it(`fits the cost table in a ${size.name} window`, async () => {
      const app = await each.start();
      await seedApplication(app.services);
      const { page } = app;
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.reload();
      await new HomePage(page).openFirstApplication();
      await new ApplicationPage(page).goTo('合同与费用');
      await page.getByRole('button', { name: '添加一笔费用' }).click();
      await page.keyboard.type('200000');
      await page.getByLabel('第 1 笔费用的支付日期', { exact: true }).fill('2025-03-15');
      await page.getByLabel('第 1 笔费用的备注', { exact: true }).fill('发票 No.12345678');
      await page.getByLabel('第 1 笔费用的备注', { exact: true }).blur();
      await page
        .getByRole('region', { name: /模型券额度/ })
        .locator('.voucher-total')
        .getByText('¥60,000.00')
        .waitFor();
      for (const label of [
        '第 1 笔费用的类别',
        '第 1 笔费用的金额（元）',
        '第 1 笔费用的支付日期',
        '第 1 笔费用的备注',
        '删除第 1 笔费用',
      ]) {
        await page.getByLabel(label, { exact: true }).scrollIntoViewIfNeeded();
        expect(await fitsAcross(page, label), label).toBe(true);
      }
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
      ).toBe(true);
      await page.getByLabel('第 1 笔费用的金额（元）', { exact: true }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: `test-results/screenshots/window-costs-${size.name}.png` });
    });
  }
});
