/**
 * The pages of an attached file put in another order on the materials step: by keyboard (最前 / 前移 / 后移 / 最后,
 * the focus staying on the moved page) and by dragging a thumbnail; the thumbnails show the new order, it is stored,
 * the dossier prints it (read back by poppler), and 恢复原顺序 puts the file's own order back in one click.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
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
const FILE = '建设方案.pdf';

describe('the order of a file’s pages', () => {
  const each = appPerTest({ screenshotOnFailure: 'page-order-failed' });

  it(
    'moves pages by keyboard and by drag, keeps the focus on the moved page, prints the order, and restores it',
    { timeout: 180_000 },
    async () => {
      const dir = await each.scratch('juanzong-e2e-page-order-');
      const app = await each.start();
      await mkdir(screenshotDir, { recursive: true });
      const applicationId = await seedApplication(app.services);
      const pdf = await ghostscriptPdf(dir, 'plan.pdf', 'PLAN', 4);
      const { id: attachmentId } = await app.services.handlers['attachments:add']({
        applicationId,
        materialId: 'construction-plan',
        fileName: FILE,
        bytes: new Uint8Array(await readFile(pdf)),
      });
      const { page } = app;
      await page.reload();
      await new HomePage(page).openFirstApplication();
      const steps = new ApplicationPage(page);
      await steps.goTo('申报材料');
      const card = steps.materialCard(planTitle);
      await card.getByRole('button', { name: `查看和转动「${FILE}」的各页` }).click();

      const cells = card.locator('.page-review-strip > li');
      const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null);
      const stored = async () => (await app.services.handlers['pages:get']({ attachmentId })).order;
      /** The thumbnails in the strip, by the page of the file each shows. */
      const orderIs = async (order: number[]) => {
        await page.waitForFunction(
          (want) =>
            [...document.querySelectorAll('[data-material="construction-plan"] .page-review-strip canvas')]
              .map((c) => /第 (\d+) 页/.exec(c.getAttribute('aria-label') ?? '')?.[1])
              .join(',') === want,
          order.join(','),
        );
        expect(await stored()).toEqual(order);
      };
      const move = (n: number, how: string) => card.getByRole('button', { name: `把「${FILE}」第 ${n} 页${how}` });
      await orderIs([1, 2, 3, 4]);
      expect(await move(1, '移到最前').isDisabled()).toBe(true);
      expect(await move(4, '后移一页').isDisabled()).toBe(true);
      expect(await card.getByRole('button', { name: `把「${FILE}」的各页恢复原顺序` }).count()).toBe(0);

      // From the keyboard: page 3 to the front; its 最前 is now disabled, so the focus goes to its 后移.
      await move(3, '移到最前').focus();
      await page.keyboard.press('Enter');
      await orderIs([3, 1, 2, 4]);
      expect(await focused()).toBe(`把「${FILE}」第 3 页后移一页`);
      expect(await cells.nth(0).locator('.page-number').textContent()).toBe('第 1 页（原第 3 页）');
      await page.keyboard.press('Enter');
      await orderIs([1, 3, 2, 4]);
      expect(await focused()).toBe(`把「${FILE}」第 3 页后移一页`);

      await move(1, '移到最后').click();
      await orderIs([3, 2, 4, 1]);
      expect(await focused()).toBe(`把「${FILE}」第 1 页前移一页`);
      await page.keyboard.press('Enter');
      await orderIs([3, 2, 1, 4]);
      expect(await focused()).toBe(`把「${FILE}」第 1 页前移一页`);

      // By mouse: page 4 (last) dropped on the left half of the first thumbnail goes to the front.
      await cells.nth(3).dragTo(cells.nth(0), { targetPosition: { x: 6, y: 30 } });
      await orderIs([4, 3, 2, 1]);
      expect(await focused()).toBe(`把「${FILE}」第 4 页后移一页`);
      // And page 3 dropped on the right half of the last one goes to the back.
      const last = await cells.nth(3).boundingBox();
      await cells.nth(1).dragTo(cells.nth(3), { targetPosition: { x: last!.width - 6, y: 30 } });
      await orderIs([4, 2, 1, 3]);
      // A page left out stays left out where it now is.
      await card.getByRole('button', { name: `略去「${FILE}」第 2 页（不打印、不编页码）` }).click();
      await cells.nth(1).locator('.page-badge').getByText('已略去').waitFor();
      await card.locator('.thumb-waiting').first().waitFor({ state: 'detached', timeout: 30_000 });
      await card.screenshot({ path: path.join(screenshotDir, 'page-order-1-moved.png') });

      // The dossier prints the pages in that order: 4, 1, 3 (2 left out).
      await steps.goTo('生成与预览');
      await page.getByRole('button', { name: '生成卷宗' }).click();
      await page.getByText(/^已生成：共 \d+ 页/).waitFor({ timeout: 120_000 });
      const jobId = (await readdir(path.join(app.dataDir, 'dossiers')))[0]!;
      const { bytes } = await app.services.handlers['dossier:content']({ jobId, which: 'dossier' });
      await writeFile(path.join(dir, 'dossier.pdf'), bytes);
      const text = execFileSync('pdftotext', [path.join(dir, 'dossier.pdf'), '-'], { encoding: 'utf8' });
      expect([...text.matchAll(/PLAN (\d)/g)].map((m) => Number(m[1]))).toEqual([4, 1, 3]);

      // One click puts the file's own order back.
      await steps.goTo('申报材料');
      await card.getByRole('button', { name: `把「${FILE}」的各页恢复原顺序` }).click();
      await orderIs([1, 2, 3, 4]);
      await card.getByText('已调整页序', { exact: false }).waitFor({ state: 'detached' });
      expect(await cells.nth(0).locator('.page-number').textContent()).toBe('第 1 页');
      await card.locator('.thumb-waiting').first().waitFor({ state: 'detached', timeout: 30_000 });
      await card.screenshot({ path: path.join(screenshotDir, 'page-order-2-restored.png') });
    },
  );
});
