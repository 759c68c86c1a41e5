import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findProfile } from '#shared/profiles/index.ts';
import { ghostscriptPdf } from '../helpers/make-pdf.ts';
import { ApplicationPage } from './pages/application-page.ts';
import { HomePage } from './pages/home-page.ts';
import { screenshotDir } from './support/app-harness.ts';
import { appPerTest } from './support/per-test.ts';
import { seedApplication } from './support/seed.ts';

const profile = findProfile('sz-model-voucher-2025')!;
const planTitle = profile.materials.find((m) => m.id === 'construction-plan')!.title;

describe('the order of a material’s files', () => {
  const each = appPerTest({ screenshotOnFailure: 'file-order-failed' });

  it(
    'moves a file to the front, to the back and by drag; the focus stays on it; the order is stored',
    { timeout: 120_000 },
    async () => {
      const dir = await each.scratch('juanzong-e2e-order-');
      const app = await each.start();
      await mkdir(screenshotDir, { recursive: true });
      const applicationId = await seedApplication(app.services);
      for (const name of ['a', 'b', 'c', 'd']) {
        const file = await ghostscriptPdf(dir, `${name}.pdf`, `file ${name}`, 1);
        await app.services.handlers['attachments:add']({
          applicationId,
          materialId: 'construction-plan',
          fileName: `${name}.pdf`,
          bytes: new Uint8Array(await readFile(file)),
        });
      }
      const { page } = app;
      await page.reload();
      await new HomePage(page).openFirstApplication();
      const steps = new ApplicationPage(page);
      await steps.goTo('申报材料');
      const card = steps.materialCard(planTitle);
      const names = () => card.locator('.attachments > li .file-name').allTextContents();
      const stored = async () =>
        (await app.services.handlers['applications:get']({ id: applicationId })).attachments
          .filter((a) => a.materialId === 'construction-plan')
          .sort((x, y) => x.position - y.position)
          .map((a) => a.originalName);
      const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null);
      const orderIs = async (order: string[]) => {
        await page.waitForFunction(
          ({ want }) =>
            [...document.querySelectorAll('[data-material="construction-plan"] .attachments > li .file-name')]
              .map((e) => e.textContent)
              .join(',') === want,
          { want: order.join(',') },
        );
        expect(await stored()).toEqual(order);
      };
      expect(await names()).toEqual(['a.pdf', 'b.pdf', 'c.pdf', 'd.pdf']);
      expect(await card.getByRole('button', { name: '移到最前「a.pdf」' }).isDisabled()).toBe(true);
      expect(await card.getByRole('button', { name: '移到最后「d.pdf」' }).isDisabled()).toBe(true);

      // From the keyboard: 移到最前 on c; its own button is now disabled, so the focus goes to its 下移.
      await card.getByRole('button', { name: '移到最前「c.pdf」' }).focus();
      await page.keyboard.press('Enter');
      await orderIs(['c.pdf', 'a.pdf', 'b.pdf', 'd.pdf']);
      expect(await focused()).toBe('下移「c.pdf」');
      await card.locator('.attachments').screenshot({ path: path.join(screenshotDir, 'file-order-1-c-to-front.png') });

      await card.getByRole('button', { name: '移到最后「a.pdf」' }).click();
      await orderIs(['c.pdf', 'b.pdf', 'd.pdf', 'a.pdf']);
      expect(await focused()).toBe('上移「a.pdf」');

      // By mouse: drag d onto the upper half of c (the first file).
      // Each file is dragged by its row (name and buttons), not by its page strip below.
      const rows = card.locator('.attachments > li .attachment-row');
      await rows.nth(2).dragTo(rows.nth(0), { targetPosition: { x: 200, y: 4 } });
      await orderIs(['d.pdf', 'c.pdf', 'b.pdf', 'a.pdf']);
      expect(await focused()).toBe('下移「d.pdf」');
      // And c down onto the upper half of a (the last): c goes just before it.
      await rows.nth(1).dragTo(rows.nth(3), { targetPosition: { x: 200, y: 4 } });
      await orderIs(['d.pdf', 'b.pdf', 'c.pdf', 'a.pdf']);
      await card.locator('.attachments').screenshot({ path: path.join(screenshotDir, 'file-order-2-after-drags.png') });

      // Opened again, the window shows the stored order.
      await page.reload();
      await new HomePage(page).openFirstApplication();
      await steps.goTo('申报材料');
      expect(await names()).toEqual(['d.pdf', 'b.pdf', 'c.pdf', 'a.pdf']);
    },
  );
});
