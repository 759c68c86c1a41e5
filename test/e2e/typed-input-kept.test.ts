import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { findProfile } from '#shared/profiles/index.ts';
import { ghostscriptPdf } from '../helpers/make-pdf.ts';
import { ApplicationPage } from './pages/application-page.ts';
import { HomePage } from './pages/home-page.ts';
import type { AppHarness } from './support/app-harness.ts';
import { appPerTest } from './support/per-test.ts';
import { seedApplication } from './support/seed.ts';

/** Opens the seeded application at a step, as a clerk would after starting the app. */
async function openAt(app: AppHarness, step: Parameters<ApplicationPage['goTo']>[0]): Promise<ApplicationPage> {
  await app.page.reload();
  await new HomePage(app.page).openFirstApplication();
  const steps = new ApplicationPage(app.page);
  if (step !== '申报单位') await steps.goTo(step);
  return steps;
}

/** Types into a field from the keyboard, replacing what it held, without leaving it. */
async function typeInto(page: Page, label: string, text: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

const detailOf = (app: AppHarness, id: number) => app.services.handlers['applications:get']({ id });
const saveNote = (page: Page) => page.getByRole('status').filter({ hasText: /保存/ }).first();

describe('what the clerk types is kept', { timeout: 180_000 }, () => {
  const each = appPerTest({ screenshotOnFailure: 'typed-input-failed' });

  it('saves the valid cost rows while another row has an invalid amount, and says which row is not saved', async () => {
    const app = await each.start();
    const id = await seedApplication(app.services);
    const steps = await openAt(app, '合同与费用');
    const { page } = app;
    const add = page.getByRole('button', { name: '添加一笔费用' });
    await add.click();
    await steps.fillAndLeave('第 1 笔费用的金额（元）', '200000');
    await steps.fillAndLeave('第 1 笔费用的支付日期', '2025-03-15');
    await add.click();
    await steps.fillAndLeave('第 2 笔费用的金额（元）', '五万元');
    await add.click();
    await steps.fillAndLeave('第 3 笔费用的金额（元）', '10000');
    await steps.fillAndLeave('第 1 笔费用的金额（元）', '300000');

    const bad = page.getByLabel('第 2 笔费用的金额（元）', { exact: true });
    expect(await bad.getAttribute('aria-invalid')).toBe('true');
    await page.getByRole('row').filter({ has: bad }).getByText('“五万元”不是有效金额').waitFor();
    await expect
      .poll(async () => (await detailOf(app, id)).costs.map((c) => c.amountFen))
      .toEqual([30_000_000, 1_000_000]);
    await saveNote(page).getByText('第 2 笔费用的金额有误，这一笔还没有保存').waitFor();
    expect(await page.getByText(/已自动保存/).count()).toBe(0);
    await app.screenshot('typed-costs-invalid-row');

    // Leaving the step and closing the app keep the saved rows.
    await steps.goTo('申报材料');
    await app.restart();
    await openAt(app, '合同与费用');
    expect(await app.page.getByLabel('第 1 笔费用的金额（元）', { exact: true }).inputValue()).toBe('300000.00');
    expect(await app.page.getByLabel('第 2 笔费用的金额（元）', { exact: true }).inputValue()).toBe('10000.00');
  });

  it('takes dates typed as 2025-12-31, 2025/12/31 or 20251231 or picked from the calendar, and stores only whole dates', async () => {
    const app = await each.start();
    const id = await seedApplication(app.services);
    await openAt(app, '合同与费用');
    const { page } = app;
    await typeInto(page, '服务结束日期', '2025-12-31');
    await typeInto(page, '服务开始日期', '2025/01/10');
    await typeInto(page, '合同签订日期', '20250105');
    await page.keyboard.press('Tab');
    await expect
      .poll(async () => (await detailOf(app, id)).contract)
      .toMatchObject({ serviceTo: '2025-12-31', serviceFrom: '2025-01-10', signedOn: '2025-01-05' });
    expect(await page.getByLabel('服务开始日期', { exact: true }).inputValue()).toBe('2025-01-10');

    // Half a date is not stored; the field says what to write.
    await typeInto(page, '合同签订日期', '2025-02');
    await page.keyboard.press('Tab');
    await page.getByText('日期还没写完：请写成 2025-12-31、2025/12/31 或 20251231。').waitFor();
    expect(await page.getByLabel('合同签订日期', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await saveNote(page).getByText('合同签订日期填写有误，还没有保存').waitFor();
    await typeInto(page, '服务结束日期', '2025-02-30');
    await page.keyboard.press('Tab');
    await page.getByText('没有 2025 年 2 月 30 日这一天：请核对日期。').waitFor();
    await app.screenshot('typed-dates-half-typed');
    expect((await detailOf(app, id)).contract).toMatchObject({ signedOn: '2025-01-05', serviceTo: '2025-12-31' });

    // The calendar, whatever the locale: next month, the 3rd.
    await page.getByRole('button', { name: '从日历选择服务开始日期' }).click();
    const calendar = page.getByRole('dialog', { name: '选择服务开始日期' });
    await calendar.getByRole('button', { name: '下个月' }).click();
    await calendar.getByText('2025年2月').waitFor();
    await app.screenshot('typed-dates-calendar');
    await calendar.getByRole('button', { name: '2025年2月3日' }).click();
    await expect.poll(async () => (await detailOf(app, id)).contract?.serviceFrom).toBe('2025-02-03');
    expect(await page.getByLabel('服务开始日期', { exact: true }).inputValue()).toBe('2025-02-03');

    // A cost date being retyped leaves the voucher as it was until the new date is whole.
    await page.getByRole('button', { name: '添加一笔费用' }).click();
    await typeInto(page, '第 1 笔费用的金额（元）', '200000');
    await typeInto(page, '第 1 笔费用的支付日期', '2025-03-15');
    await page.keyboard.press('Tab');
    const total = page.getByRole('region', { name: /模型券额度/ }).locator('.voucher-total');
    await total.getByText('¥60,000.00').waitFor();
    await typeInto(page, '第 1 笔费用的支付日期', '2025-0');
    await page.waitForTimeout(1_000);
    expect(await total.textContent()).toContain('¥60,000.00');
    expect((await app.services.handlers['applications:check']({ applicationId: id })).voucher.amountFen).toBe(
      6_000_000,
    );
    await page.keyboard.type('6-30');
    await page.keyboard.press('Tab');
    await expect.poll(async () => (await detailOf(app, id)).costs[0]?.paidOn).toBe('2025-06-30');
  });

  it('keeps the last edit when the app closes with the cursor still in the field', async () => {
    const app = await each.start();
    const id = await seedApplication(app.services);
    await openAt(app, '申报单位');
    await typeInto(app.page, '联系人', '王会计');
    await app.page.waitForTimeout(1_500);
    await app.restart();
    await openAt(app, '申报单位');
    expect(await app.page.getByLabel('联系人', { exact: true }).inputValue()).toBe('王会计');

    // Closed (here: reloaded) at once, before the pause: the window saves on its way out.
    await typeInto(app.page, '通讯地址', '深圳市南山区科技园');
    await app.page.reload();
    await expect.poll(async () => (await detailOf(app, id)).applicant.address).toBe('深圳市南山区科技园');
    const steps = await openAt(app, '合同与费用');
    await typeInto(app.page, '模型名称', '先锋大模型 V2');
    await app.page.reload();
    await expect.poll(async () => (await detailOf(app, id)).contract?.model).toBe('先锋大模型 V2');
    void steps;
  });

  it('after the window closed in the middle of adding files, the card says which files are in and which to add again', async () => {
    const dir = await each.scratch('juanzong-e2e-cut-short-');
    const names = Array.from({ length: 8 }, (_, i) => `report-${i + 1}.pdf`);
    const files = [];
    for (const [i, name] of names.entries()) files.push(await ghostscriptPdf(dir, name, `REPORT${i}`, 10));
    const app = await each.start();
    const id = await seedApplication(app.services);
    const steps = await openAt(app, '申报材料');
    const title = findProfile('sz-model-voucher-2025')!.materials.find((m) => m.id === 'financial-statements')!.title;
    const card = steps.materialCard(title);
    await card.getByLabel(`「${title}」的文件`, { exact: true }).setInputFiles(files);
    await expect
      .poll(async () => (await detailOf(app, id)).attachments.length, { interval: 20, timeout: 60_000 })
      .toBeGreaterThan(0);
    await app.page.reload(); // the window goes away mid-import
    // The core finishes the file it had already been handed; open the window again once it has.
    let settled = -1;
    await expect
      .poll(
        async () => {
          const [before, now] = [settled, (await detailOf(app, id)).attachments.length];
          settled = now;
          await new Promise((r) => setTimeout(r, 1500));
          return before === now;
        },
        { timeout: 60_000, interval: 0 },
      )
      .toBe(true);
    await app.page.reload();

    const again = await openAt(app, '申报材料');
    const note = again.materialCard(title).getByRole('status').filter({ hasText: '上次添加文件时窗口被关闭了' });
    await note.waitFor();
    await note.scrollIntoViewIfNeeded();
    await app.screenshot('typed-import-cut-short');
    const stored = (await detailOf(app, id)).attachments.map((a) => a.originalName);
    expect(stored.length).toBeLessThan(names.length);
    const text = (await note.textContent())!;
    expect(text).toContain(`已加入 ${stored.length} 个：${stored.map((n) => `「${n}」`).join('、')}。`);
    const missing = names.filter((n) => !stored.includes(n));
    expect(text).toContain(
      `没有加入 ${missing.length} 个：${missing.map((n) => `「${n}」`).join('、')}，请重新添加这些文件。`,
    );
    await note.getByRole('button', { name: '知道了' }).click();
    await note.waitFor({ state: 'detached' });
  });
});
