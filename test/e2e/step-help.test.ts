/**
 * 「这一步怎么填？」: each step's help opens from the step (by mouse and by keyboard), explains the step's terms,
 * quotes the guide word for word for each rule, and closes with Esc, giving focus back to the step.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApplicationPage } from './pages/application-page.ts';
import { HomePage } from './pages/home-page.ts';
import { repoRoot } from './support/app-harness.ts';
import { appPerTest } from './support/per-test.ts';
import { seedApplication } from './support/seed.ts';

/** The bureau's guide as published (the profile's source); every quote must be found in it as written. */
const guide = readFileSync(path.join(repoRoot, 'shared/profiles/guides/sz-model-voucher-2025.zh.txt'), 'utf8');

describe('help for each step', () => {
  const each = appPerTest({ screenshotOnFailure: 'step-help-failed' });

  it(
    'opens from two steps, explains the terms with the guide quoted, and closes with Esc',
    { timeout: 120_000 },
    async () => {
      const app = await each.start();
      await seedApplication(app.services);
      const { page } = app;
      await page.setViewportSize({ width: 1366, height: 768 });
      await page.reload();
      await new HomePage(page).openFirstApplication();
      const steps = new ApplicationPage(page);
      const help = page.getByRole('dialog');

      // Step 1 by mouse.
      await page.getByRole('button', { name: '这一步怎么填？' }).click();
      await help.getByRole('heading', { name: '「申报单位」这一步怎么填' }).waitFor();
      await help.getByText('统一社会信用代码', { exact: true }).waitFor();
      await app.screenshot('help-1-applicant');
      await page.keyboard.press('Escape');
      await help.waitFor({ state: 'detached' });
      await expect(
        page.getByRole('button', { name: '这一步怎么填？' }).evaluate((b) => b === document.activeElement),
      ).resolves.toBe(true);

      // Step 3 by keyboard: Tab from the heading reaches the help, Enter opens it.
      await steps.goTo('合同与费用');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await help.getByRole('heading', { name: '「合同与费用」这一步怎么填' }).waitFor();
      for (const term of ['入库（已入库的模型服务机构）', '关联方', '备案（模型备案号）'])
        await help.getByText(term, { exact: true }).waitFor();
      await help
        .getByText(/第一百零九条/)
        .first()
        .waitFor();
      const quotes = await help.locator('blockquote q').allTextContents();
      expect(quotes.length).toBeGreaterThanOrEqual(4);
      for (const quote of quotes) expect(guide, `quoted in the help: ${quote}`).toContain(quote);
      await expect(
        help.getByRole('button', { name: '关闭' }).evaluate((b) => b === document.activeElement),
      ).resolves.toBe(true);
      await app.screenshot('help-3-contract');
      await page.keyboard.press('Escape');
      await help.waitFor({ state: 'detached' });

      // Step 6 names 骑缝章 and 公章 with the guide's sentence on sealing; 关闭 closes too.
      await steps.goTo('导出与打印');
      await page.getByRole('button', { name: '这一步怎么填？' }).click();
      await help.getByText('骑缝章', { exact: true }).waitFor();
      await help.getByText('公章', { exact: true }).waitFor();
      await help.getByText(/以上材料均需加盖申报单位公章，多页的还需加盖骑缝印章/).waitFor();
      await help.getByRole('button', { name: '关闭' }).click();
      await help.waitFor({ state: 'detached' });
    },
  );
});
