/**
 * The conditions step asks the figures and dates a profile's conditions are judged by (test/fixtures/profiles/
 * facts-and-dates.json: “成立满1年，上年度主营业务收入2000万元以上且软件业务收入占比不低于30%，从业人员不少于10人；
 * 首次销售合同在指南发布前两年内签订”): typed in the window, stored through the core, judged by the check.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from '../fixtures/fixture-cache.ts';
import { ApplicationPage } from './pages/application-page.ts';
import { HomePage } from './pages/home-page.ts';
import { appPerTest } from './support/per-test.ts';
import { seedApplication } from './support/seed.ts';

/** The box of one fact: its label, input and the note under it. */
const factBox = (page: Page, label: RegExp) => page.locator('.condition-fact').filter({ has: page.getByLabel(label) });

describe('figures and dates asked by the profile, in the conditions step', { timeout: 180_000 }, () => {
  const each = appPerTest({ screenshotOnFailure: 'condition-facts-failed' });

  it('takes revenue, share, employees, 成立日期 and the first contract’s date, with errors at the field', async () => {
    const app = await each.start();
    const { page, services } = app;
    const json = await readFile(path.join(REPO_ROOT, 'test/fixtures/profiles/facts-and-dates.json'), 'utf8');
    await services.handlers['profiles:import']({ json, replace: false });
    const id = await seedApplication(services, '深圳市首版软件有限公司', {
      profileId: 'test-facts-and-dates',
      year: 2026,
    });
    const facts = async () => (await services.handlers['applications:get']({ id })).facts;
    await page.reload();
    await new HomePage(page).openFirstApplication();
    const steps = new ApplicationPage(page);
    await steps.goTo('资格自查');

    // Revenue typed in full width with thousands commas, as an IME gives it: stored as the number.
    const revenue = page.getByLabel(/^上年度主营业务收入（要求不低于 20,000,000 元）/);
    await revenue.fill('２５,０００,０００');
    await revenue.blur();
    await expect.poll(async () => (await facts()).revenueYuan).toBe(25_000_000);

    // A share above 100: refused at the field, in Chinese, saying what to write; nothing stored.
    const share = page.getByLabel(/^软件业务收入占比/);
    await share.fill('130');
    await share.blur();
    const shareBox = factBox(page, /^软件业务收入占比/);
    await shareBox.getByText('“软件业务收入占比”是百分数，请填写 0 到 100 之间的数。').waitFor();
    expect(await share.getAttribute('aria-invalid')).toBe('true');
    await page.getByText('未保存：“软件业务收入占比”填写有误，还没有保存。').waitFor();
    expect((await facts()).shares).toBeUndefined();
    // 25 %: stored, and the check says at the field that it falls short of 30 %.
    await share.fill('25');
    await share.blur();
    await expect.poll(async () => (await facts()).shares).toEqual({ 'software-revenue': 25 });
    await shareBox.getByText(/要求软件业务收入占比不低于30%，填写的是25%/).waitFor();

    // Employees must be whole people.
    const employees = page.getByLabel(/^从业人员/);
    await employees.fill('12.5');
    await employees.blur();
    await factBox(page, /^从业人员/)
      .getByText('“从业人员”是人数，请填写整数。')
      .waitFor();
    await employees.fill('12');
    await employees.blur();
    await expect.poll(async () => (await facts()).employees).toBe(12);

    // 成立满1年 reads the applicant's 成立日期: entered here, stored on the company.
    const established = page.getByLabel(/^成立日期（成立年限要求不低于 1 年/);
    await established.fill('2020-06-01');
    await established.blur();
    await expect
      .poll(async () => (await services.handlers['applications:get']({ id })).applicant.established)
      .toBe('2020-06-01');

    // The first sales contract's date, outside the guide's window: stored, and the check says why at the field.
    const firstContract = page.getByLabel('首次销售合同签订日期', { exact: true });
    await firstContract.fill('2023-05-01');
    await firstContract.blur();
    await expect.poll(async () => (await facts()).events).toEqual({ 'first-contract': '2023-05-01' });
    await factBox(page, /^首次销售合同签订日期/)
      .getByText(/首次销售合同签订日期是2023年5月1日，不在2024年3月1日至2026年2月28日期间/)
      .waitFor();
    await steps.waitSaved();
    expect(await page.locator('main').textContent()).not.toMatch(/revenueYuan|facts\.|events\.|invalid|Expected/);
    await app.screenshot('condition-facts');

    // Read back after a reload: the window shows what the core stored.
    await page.reload();
    await new HomePage(page).openFirstApplication();
    await steps.goTo('资格自查');
    expect(await page.getByLabel(/^上年度主营业务收入/).inputValue()).toBe('25000000');
    expect(await page.getByLabel(/^从业人员/).inputValue()).toBe('12');
    expect(await page.getByLabel('首次销售合同签订日期', { exact: true }).inputValue()).toBe('2023-05-01');
  });
});
