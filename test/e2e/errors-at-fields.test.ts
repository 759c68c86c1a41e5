import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { findProfile } from '#shared/profiles/index.ts';
import { TEST_CREDIT_CODE } from '../fixtures/dossier-fixtures.ts';
import { ghostscriptPdf } from '../helpers/make-pdf.ts';
import { ApplicationPage } from './pages/application-page.ts';
import { HomePage } from './pages/home-page.ts';
import { appPerTest } from './support/per-test.ts';
import { seedApplication } from './support/seed.ts';

const profile = findProfile('sz-model-voucher-2025')!;
const title = (id: string) => profile.materials.find((m) => m.id === id)!.title;

/** Full-width, as a Chinese IME in full-width mode types it. */
const fullWidth = (text: string) => text.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** The text of a field's own box: the field, its label and the note under it. */
const fieldBox = (page: Page, label: string) =>
  page.locator('.field').filter({ has: page.getByLabel(label, { exact: true }) });

describe('an error is shown at its field, in Chinese, saying what to do', { timeout: 180_000 }, () => {
  const each = appPerTest({ screenshotOnFailure: 'errors-at-fields-failed' });

  it('a refused applicant field, a full-width credit code, a damaged PDF', async () => {
    const dir = await each.scratch('juanzong-e2e-errors-');
    const app = await each.start();
    const id = await seedApplication(app.services);
    const { page } = app;
    await page.reload();
    await new HomePage(page).openFirstApplication();

    // The name emptied: the core refuses it, and the window says so under the name, not in a banner.
    const name = page.getByLabel('单位名称', { exact: true });
    await name.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Tab');
    const nameBox = fieldBox(page, '单位名称');
    await nameBox.getByText('「单位名称」有误：请填写申报单位名称（与营业执照一致）。请改正后再试。').waitFor();
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.step-alert').count()).toBe(0);
    expect(await page.locator('body').textContent()).not.toMatch(/「name」|changes\.|invalid/);
    await page.getByRole('status').getByText('有修改没有保存：请看标红的输入框。').waitFor();
    await app.screenshot('errors-at-field-name');
    await name.fill('深圳市卷宗测试科技有限公司');
    await name.blur();
    await page
      .getByRole('status')
      .getByText(/^已自动保存/)
      .waitFor();
    expect(await nameBox.getByText(/有误/).count()).toBe(0);

    // A credit code typed in full width is stored, checked and shown as the ASCII it is.
    const code = page.getByLabel('统一社会信用代码', { exact: true });
    await code.click();
    await page.keyboard.type(fullWidth(TEST_CREDIT_CODE.toLowerCase()));
    await page.getByText('校验位正确，登记地区码属于深圳。').waitFor();
    await page.keyboard.press('Tab');
    await expect
      .poll(async () => (await app.services.handlers['applications:get']({ id })).applicant.creditCode)
      .toBe(TEST_CREDIT_CODE);
    expect(await code.inputValue()).toBe(TEST_CREDIT_CODE);

    // A damaged PDF: refused on its card, without qpdf's English.
    const good = await readFile(await ghostscriptPdf(dir, 'form.pdf', 'FORM', 3));
    const steps = new ApplicationPage(page);
    await steps.goTo('申报材料');
    await steps.drop(title('application-form'), '申请书.pdf', good.subarray(0, good.length - 300), 'application/pdf');
    const alert = steps.materialCard(title('application-form')).getByRole('alert');
    await alert.waitFor();
    const said = (await alert.textContent())!;
    expect(said).toContain('PDF“申请书.pdf”已损坏');
    expect(said.replaceAll('申请书.pdf', '').replaceAll('PDF', '')).not.toMatch(/[A-Za-z]{3,}/);
    await alert.scrollIntoViewIfNeeded();
    await app.screenshot('errors-damaged-pdf-on-card');
  });
});
