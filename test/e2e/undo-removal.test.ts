import { describe, expect, it } from 'vitest';
import { findProfile } from '#shared/profiles/index.ts';
import { ghostscriptPdf } from '../helpers/make-pdf.ts';
import { ApplicationPage } from './pages/application-page.ts';
import { HomePage } from './pages/home-page.ts';
import type { AppHarness } from './support/app-harness.ts';
import { appPerTest } from './support/per-test.ts';
import { seedApplication } from './support/seed.ts';

const profile = findProfile('sz-model-voucher-2025')!;
const title = (id: string) => profile.materials.find((m) => m.id === id)!.title;
const detailOf = (app: AppHarness, id: number) => app.services.handlers['applications:get']({ id });

async function openAt(app: AppHarness, step: Parameters<ApplicationPage['goTo']>[0]): Promise<ApplicationPage> {
  await app.page.setViewportSize({ width: 1366, height: 768 });
  await app.page.reload();
  await new HomePage(app.page).openFirstApplication();
  const steps = new ApplicationPage(app.page);
  await steps.goTo(step);
  return steps;
}

describe('a removal can be undone', { timeout: 180_000 }, () => {
  const each = appPerTest({ screenshotOnFailure: 'undo-removal-failed' });

  it('puts a removed attachment back in its place, with its page turns, from the bar on its card', async () => {
    const dir = await each.scratch('juanzong-e2e-undo-');
    const first = await ghostscriptPdf(dir, '合同正本.pdf', 'ONE', 2);
    const second = await ghostscriptPdf(dir, '补充协议.pdf', 'TWO', 1);
    const app = await each.start();
    const id = await seedApplication(app.services);
    const steps = await openAt(app, '申报材料');
    const name = title('service-contract');
    await steps.attach(name, [first, second]);
    const card = steps.materialCard(name);
    const removed = (await detailOf(app, id)).attachments.find((a) => a.originalName === '合同正本.pdf')!;
    await app.services.handlers['attachments:turnPage']({ id: removed.id, page: 2, turn: 90 });
    await card.getByRole('button', { name: '移除「合同正本.pdf」' }).focus();
    await app.page.keyboard.press('Enter');

    const bar = card.locator('.undo-bar');
    await bar.getByText('已移除「合同正本.pdf」。').waitFor();
    await expect.poll(async () => (await detailOf(app, id)).attachments.length).toBe(1);
    // The pressed button is gone: the focus is on 撤销, so Enter takes the removal back.
    expect(await app.page.evaluate(() => document.activeElement?.textContent)).toBe('撤销');
    await card.scrollIntoViewIfNeeded();
    await app.screenshot('undo-attachment-offered');
    await app.page.keyboard.press('Enter');
    await bar.waitFor({ state: 'detached' });
    await expect
      .poll(async () => (await detailOf(app, id)).attachments.map((a) => a.originalName))
      .toEqual(['合同正本.pdf', '补充协议.pdf']);
    expect((await detailOf(app, id)).attachments[0]).toMatchObject({ id: removed.id, turns: { '2': 90 } });
    expect(await card.locator('.attachments > li').count()).toBe(2);
    expect(await card.getByText('已添加 2 个文件，共 3 页').count()).toBe(1);
  });

  it('offers 撤销 for about ten seconds, then the removal stands', async () => {
    const dir = await each.scratch('juanzong-e2e-undo-');
    const file = await ghostscriptPdf(dir, '方案.pdf', 'PLAN', 1);
    const app = await each.start();
    const id = await seedApplication(app.services);
    const steps = await openAt(app, '申报材料');
    const name = title('service-contract');
    await steps.attach(name, [file]);
    await steps.materialCard(name).getByRole('button', { name: '移除「方案.pdf」' }).click();
    const bar = steps.materialCard(name).locator('.undo-bar');
    await bar.waitFor();
    await app.page.mouse.move(0, 0);
    await app.page.locator('body').click({ position: { x: 5, y: 5 } });
    await bar.waitFor({ state: 'detached', timeout: 15_000 });
    expect((await detailOf(app, id)).attachments).toEqual([]);
  });

  it('puts a removed cost row back at its place and saves it again', async () => {
    const app = await each.start();
    const id = await seedApplication(app.services);
    const steps = await openAt(app, '合同与费用');
    const { page } = app;
    const add = page.getByRole('button', { name: '添加一笔费用' });
    for (const [n, amount] of [
      [1, '100000'],
      [2, '50000'],
      [3, '20000'],
    ] as const) {
      await add.click();
      await steps.fillAndLeave(`第 ${n} 笔费用的金额（元）`, amount);
    }
    await expect.poll(async () => (await detailOf(app, id)).costs.length).toBe(3);
    await page.getByRole('button', { name: '删除第 2 笔费用' }).click();
    await expect
      .poll(async () => (await detailOf(app, id)).costs.map((c) => c.amountFen))
      .toEqual([10_000_000, 2_000_000]);
    const bar = page.locator('.cost-table-wrap .undo-bar');
    await bar.getByText('已移除「第 2 笔费用（50000 元）」。').waitFor();
    await bar.scrollIntoViewIfNeeded();
    await app.screenshot('undo-cost-row-offered');
    await bar.getByRole('button', { name: '撤销' }).click();
    await expect
      .poll(async () => (await detailOf(app, id)).costs.map((c) => c.amountFen))
      .toEqual([10_000_000, 5_000_000, 2_000_000]);
    expect(await page.getByLabel('第 2 笔费用的金额（元）', { exact: true }).inputValue()).toBe('50000');
  });
});
