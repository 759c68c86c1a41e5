import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { findProfile } from '#shared/profiles/index.ts';
import { isClerkQuestion } from '#shared/profiles/reading.ts';
import { ghostscriptPdf } from '../helpers/make-pdf.ts';
import { appPerTest } from './support/per-test.ts';
import { ShellStandIn } from './support/shell-stand-in.ts';

const profile = findProfile('sz-model-voucher-2025')!;

/** What the focused element is called: its aria-label, its label, or its text; and the radio group around it. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    if (!el || el === document.body) return { name: '', group: '', outline: '' };
    const stepLabel = el.querySelector('.step-label')?.textContent;
    const name = el.getAttribute('aria-label') ?? stepLabel ?? el.labels?.[0]?.textContent ?? el.textContent ?? '';
    const group = el.closest('[role=radiogroup]')?.getAttribute('aria-label') ?? '';
    return { name: name.trim(), group, outline: getComputedStyle(el).outlineStyle };
  });
}

/** Presses Tab (or Shift+Tab) until the focus is on the element so named; every stop must show a focus outline. */
async function tabTo(page: Page, name: string, options: { group?: string; back?: boolean } = {}): Promise<void> {
  for (let presses = 0; presses < 400; presses++) {
    const now = await focused(page);
    if (now.name === name && (!options.group || now.group === options.group)) {
      expect(now.outline, `focus outline on「${name}」`).not.toBe('none');
      return;
    }
    await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached「${name}」`);
}

async function press(page: Page, name: string, key = 'Enter', options: { group?: string; back?: boolean } = {}) {
  await tabTo(page, name, options);
  await page.keyboard.press(key);
}

describe('the whole job with the keyboard only', { timeout: 400_000 }, () => {
  const each = appPerTest({ screenshotOnFailure: 'keyboard-only-failed' });

  it('creates a company and an application, answers, attaches, generates and saves without a click', async () => {
    const dir = await each.scratch('juanzong-e2e-keyboard-');
    const contract = await ghostscriptPdf(dir, 'contract.pdf', 'CONT', 2);
    const shell = new ShellStandIn(() => each.app.services, await each.scratch('juanzong-e2e-downloads-'));
    const app = await each.start({ shell: shell.handlers });
    const { page } = app;
    await page.setViewportSize({ width: 1366, height: 768 });

    await tabTo(page, '新建申报单位');
    await page.keyboard.type('深圳市键盘科技有限公司');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: '深圳市键盘科技有限公司' }).waitFor();
    await press(page, '新建「2025年模型券（申领）」申报');
    await page.getByRole('heading', { name: '第 1 步 · 申报单位' }).waitFor();

    await press(page, '资格自查', 'Enter', { back: true });
    await page.getByRole('heading', { name: '第 2 步 · 资格自查' }).waitFor();
    for (const condition of profile.conditions.filter(isClerkQuestion)) {
      await press(page, '是', 'Space', { group: condition.question });
    }
    await page.getByRole('radiogroup', { name: profile.conditions.filter(isClerkQuestion).at(-1)!.question }).waitFor();
    const applicationId = (await app.services.handlers['applications:list']({}))[0]!.id;
    await expect
      .poll(async () => Object.values((await app.services.handlers['applications:get']({ id: applicationId })).answers))
      .toEqual(profile.conditions.filter(isClerkQuestion).map(() => 'yes'));
    await app.screenshot('keyboard-2-answered');

    await press(page, '申报材料', 'Enter', { back: true });
    await page.getByRole('heading', { name: '第 4 步 · 申报材料' }).waitFor();
    const title = profile.materials.find((m) => m.id === 'service-contract')!.title;
    await tabTo(page, `为「${title}」选择文件`);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Enter')]);
    await chooser.setFiles([contract]);
    await page.getByRole('article', { name: title, exact: true }).getByText('已添加 1 个文件，共 2 页').waitFor();
    await app.screenshot('keyboard-4-attached');

    await press(page, '生成与预览', 'Enter', { back: true });
    await page.getByRole('heading', { name: '第 5 步 · 生成与预览' }).waitFor();
    await press(page, '生成卷宗');
    await page.getByText(/^已生成：共 \d+ 页/).waitFor({ timeout: 120_000 });

    await press(page, '导出与打印', 'Enter', { back: true });
    await page.getByRole('heading', { name: '第 6 步 · 导出与打印' }).waitFor();
    await press(page, '导出卷宗 PDF');
    await page.getByText(/^已保存到 .*申报材料\.pdf$/).waitFor();
    await tabTo(page, '打开文件');
    await app.screenshot('keyboard-6-saved');
    expect(shell.saved).toHaveLength(1);
  });
});
