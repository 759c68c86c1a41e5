import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PageViewerPage } from './pages/page-viewer.ts';
import { screenshotDir, type AppHarness } from './support/app-harness.ts';
import { appPerTest, type PerTest } from './support/per-test.ts';
import { openWithLongPdfs, type LongPdf } from './support/long-pdfs.ts';

/** An application whose materials hold Ghostscript PDFs, opened at 生成与预览 with its dossier generated. */
async function generated(each: PerTest, files: LongPdf[]) {
  const dir = await each.scratch('juanzong-e2e-viewer-');
  const app = await each.start();
  const applicationId = await openWithLongPdfs(app, dir, files);
  const { page } = app;
  await page.getByRole('button', { name: '生成卷宗' }).click();
  const done = page.getByText(/^已生成：共 \d+ 页/);
  await done.waitFor({ timeout: 300_000 });
  const pages = Number(/共 (\d+) 页/.exec((await done.textContent()) ?? '')![1]);
  return { app, applicationId, pages, viewer: new PageViewerPage(page) };
}

/** Jumps through the viewer until its side names page `page` of `file`; answers the dossier page. */
async function findSourcePage(app: AppHarness, viewer: PageViewerPage, pages: number, label: string) {
  for (let n = 1; n <= pages; n += 1) {
    await viewer.jumpTo(String(n));
    await viewer.shows(n);
    const side = (await viewer.dialog.getByRole('region', { name: '转动这一页' }).textContent()) ?? '';
    if (side.includes(label)) return n;
  }
  await shot(app, 'viewer-source-not-found');
  throw new Error(`no dossier page comes from ${label}`);
}

/** What is on screen (the viewer is a dialog over the window: a full-page shot would show it mid-page). */
async function shot(app: AppHarness, name: string): Promise<void> {
  await mkdir(screenshotDir, { recursive: true });
  await app.page.screenshot({ path: path.join(screenshotDir, `${name}.png`) });
}

describe('the page viewer', () => {
  const each = appPerTest({ screenshotOnFailure: 'page-viewer-failed' });

  it(
    'opens a page large by click, zooms, turns pages, jumps, and closes back to the thumbnail',
    { timeout: 420_000 },
    async () => {
      const { app, pages, viewer } = await generated(each, [['service-contract', 'contract', 6]]);
      const { page } = app;
      await viewer.thumbnail(3).click();
      await viewer.shows(3);
      const fit = await viewer.canvas();
      expect(fit.dark).toBeGreaterThan(200); // the page's text is drawn
      // Sharp: one canvas pixel per device pixel.
      expect(Math.abs(fit.width - fit.cssWidth * fit.ratio)).toBeLessThanOrEqual(2);
      expect(await viewer.dialog.getByRole('button', { name: '适合宽度' }).getAttribute('aria-pressed')).toBe('true');
      await shot(app, 'viewer-1-page-3-fit-width');

      await viewer.dialog.getByRole('button', { name: '缩小' }).click();
      await viewer.shows(3);
      const smaller = await viewer.canvas();
      expect(smaller.cssWidth).toBeLessThan(fit.cssWidth);
      const before = await viewer.zoomText();
      await viewer.dialog.getByRole('button', { name: '放大' }).click();
      await viewer.dialog.getByRole('button', { name: '放大' }).click();
      await viewer.shows(3);
      expect(parseInt(await viewer.zoomText())).toBeGreaterThan(parseInt(before));
      expect((await viewer.canvas()).cssWidth).toBeGreaterThan(smaller.cssWidth);
      expect(await viewer.dialog.getByRole('button', { name: '适合宽度' }).getAttribute('aria-pressed')).toBe('false');
      await shot(app, 'viewer-2-zoomed-in');

      // Ctrl + wheel over the page zooms in, not the window.
      const zoomBefore = parseInt(await viewer.zoomText());
      await viewer.dialog.locator('.viewer-area').hover();
      await page.keyboard.down('Control');
      await page.mouse.wheel(0, -120);
      await page.keyboard.up('Control');
      await viewer.dialog
        .getByLabel('缩放比例')
        .filter({ hasNotText: `${zoomBefore}%` })
        .waitFor();
      expect(parseInt(await viewer.zoomText())).toBeGreaterThan(zoomBefore);
      await viewer.dialog.getByRole('button', { name: '适合宽度' }).click();

      await viewer.dialog.getByRole('button', { name: '下一页' }).click();
      await viewer.shows(4);
      await page.keyboard.press('ArrowRight');
      await viewer.shows(5);
      await page.keyboard.press('ArrowLeft');
      await viewer.shows(4);

      await viewer.jumpTo('９９');
      await viewer.dialog
        .getByRole('alert')
        .filter({ hasText: `请输入 1 到 ${pages} 之间的页码。` })
        .waitFor();
      await shot(app, 'viewer-3-page-out-of-range');
      await viewer.jumpTo('６'); // full-width digits, as a Chinese IME types them
      await viewer.shows(6);
      expect(await viewer.dialog.getByText(/^第 6 页/).count()).toBeGreaterThan(0);

      await page.keyboard.press('Escape');
      await viewer.dialog.waitFor({ state: 'detached' });
      expect(await viewer.focusedThumbnail()).toBe('6');
    },
  );

  it(
    'opens from the keyboard, keeps the focus inside, and says where a page came from',
    { timeout: 420_000 },
    async () => {
      const { app, viewer } = await generated(each, [['service-contract', 'contract', 3]]);
      const { page } = app;
      await viewer.thumbnail(2).focus();
      await page.keyboard.press('Enter');
      await viewer.shows(2);
      expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(true);
      for (let i = 0; i < 15; i += 1) {
        await page.keyboard.press(i < 10 ? 'Tab' : 'Shift+Tab');
        expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(true);
      }
      await page.keyboard.press('Escape');
      await viewer.dialog.waitFor({ state: 'detached' });
      expect(await viewer.focusedThumbnail()).toBe('2');

      // The cover is drawn by the app: nothing to turn.
      await viewer.thumbnail(1).click();
      await viewer.shows(1);
      await viewer.dialog.getByText('这是封面，由卷宗自动生成，不能转动。').waitFor();
      await shot(app, 'viewer-4-cover');
    },
  );

  it(
    'turns the file page behind a dossier page both ways, and says the dossier must be generated again',
    { timeout: 420_000 },
    async () => {
      const { app, applicationId, pages, viewer } = await generated(each, [['service-contract', 'contract', 3]]);
      const { page, services } = app;
      await viewer.thumbnail(1).click();
      const n = await findSourcePage(app, viewer, pages, '来自「contract.pdf」第 2 页');
      const attachmentId = (await services.handlers['applications:get']({ id: applicationId })).attachments[0]!.id;
      const turnOf = async () => (await services.handlers['pages:get']({ attachmentId })).pages[1]!.decision.turn;

      await viewer.dialog.getByRole('button', { name: '右转 90°' }).click();
      await viewer.dialog.getByRole('status').filter({ hasText: '现为顺时针 90°' }).waitFor();
      expect(await turnOf()).toBe(90);
      await viewer.dialog.getByText('卷宗要重新生成才会显示').first().waitFor();
      await shot(app, 'viewer-5-turned-right');
      await viewer.dialog.getByRole('button', { name: '左转 90°' }).click();
      await viewer.dialog.getByRole('status').filter({ hasText: '现为顺时针 0°' }).waitFor();
      expect(await turnOf()).toBe(0);
      await viewer.dialog.getByRole('button', { name: '左转 90°' }).click();
      await viewer.dialog.getByRole('status').filter({ hasText: '现为顺时针 270°' }).waitFor();
      expect(await turnOf()).toBe(270);

      await viewer.dialog.getByRole('button', { name: '关闭' }).click();
      await page.getByText('生成之后又改动了材料或选项').waitFor();
      await page.getByRole('button', { name: '重新生成' }).click();
      // The note goes once the new job has started; then 已生成 is the new dossier's.
      await page.getByText('生成之后又改动了材料或选项').waitFor({ state: 'detached' });
      await page.getByText(/^已生成：共 \d+ 页/).waitFor({ timeout: 120_000 });
      await viewer.thumbnail(n).click();
      await viewer.shows(n);
      await shot(app, 'viewer-6-turned-page-regenerated');
    },
  );

  it(
    'shows a long dossier a stretch of 50 pages at a time, with a box to jump to any page',
    { timeout: 420_000 },
    async () => {
      const { app, pages, viewer } = await generated(each, [
        ['financial-statements', 'statements', 40],
        ['service-contract', 'contract', 40],
        ['construction-plan', 'plan', 40],
      ]);
      const { page } = app;
      const grid = page.getByRole('list', { name: '卷宗各页' });
      expect(await grid.getByRole('listitem').count()).toBe(50);
      const stretches = page.getByLabel('显示哪一段');
      expect(await stretches.locator('option').count()).toBe(Math.ceil(pages / 50));
      await page.getByRole('button', { name: '下一段' }).click();
      await viewer.thumbnail(51).waitFor();
      expect(await viewer.thumbnail(50).count()).toBe(0);
      await page.getByLabel('转到卷宗第几页').fill('110');
      await page.getByLabel('转到卷宗第几页').press('Enter');
      await viewer.thumbnail(110).waitFor();
      expect(await viewer.focusedThumbnail()).toBe('110');
      expect(await grid.getByRole('listitem').count()).toBeLessThanOrEqual(50);
      await page.getByRole('img', { name: /^第 110 页：/ }).waitFor();
      await page.waitForFunction(() => document.querySelector('[data-preview-page="110"] .thumb-done') !== null);
      await shot(app, 'viewer-7-long-dossier-stretch');
      await page.keyboard.press('Enter');
      await viewer.shows(110);
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: /按纸张/ }).click();
      const sheets = page.getByRole('list', { name: '打印出的纸张' });
      expect(await sheets.getByRole('listitem').count()).toBeLessThanOrEqual(25);
    },
  );
});
