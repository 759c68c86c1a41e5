/**
 * The page strip under an attached file when there is nothing to wait for: a one-page file without proposals shows
 * its page once (the row's thumbnail), and a data folder opened read-only (another process owns it, nothing is
 * inspected there) shows the stored findings where there are some and, for a file never inspected, its pages
 * without proposals and a short note — never "正在检查页面…" forever. Fixtures: the page fixtures (ImageMagick +
 * img2pdf), one page cut out with qpdf.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findProfile } from '#shared/profiles/index.ts';
import { openServices } from '../../electron/core/services/index.ts';
import { pageFixtures } from '../fixtures/page-fixtures.ts';
import { runTool } from '../fixtures/run-tool.ts';
import { ApplicationPage } from './pages/application-page.ts';
import { HomePage } from './pages/home-page.ts';
import { badgesOf, shootCard } from './support/page-cards.ts';
import { appPerTest } from './support/per-test.ts';
import { seedApplication } from './support/seed.ts';

const profile = findProfile('sz-model-voucher-2025')!;
const title = (id: string) => profile.materials.find((m) => m.id === id)!.title;
const NOT_INSPECTED = '只读打开：未检查页面，各页照原样显示。';

describe('the page strip when nothing is coming', { timeout: 300_000 }, () => {
  const each = appPerTest({ screenshotOnFailure: 'page-strip-states-failed' });

  it('shows a one-page file without proposals once, its pages on asking', async () => {
    const dir = await each.scratch('juanzong-e2e-one-page-');
    const onePage = path.join(dir, '承诺书（一页）.pdf');
    runTool('qpdf', [pageFixtures().duplex, '--pages', '.', '1', '--', onePage]);
    const app = await each.start({ services: { inspectInBackground: true } });
    await seedApplication(app.services);
    await app.page.reload();
    await new HomePage(app.page).openFirstApplication();
    const steps = new ApplicationPage(app.page);
    await steps.goTo('申报材料');
    await steps.attach(title('application-form'), [onePage]);
    const card = steps.materialCard(title('application-form'));
    await card
      .getByRole('status')
      .filter({ hasText: '已检查各页，没有需要处理的页面。' })
      .waitFor({ timeout: 120_000 });
    const file = card.locator('.attachments > li');
    expect(await file.locator('.thumb').count()).toBe(1);
    expect(await card.getByText(/另有 \d+ 页未显示/).count()).toBe(0);
    await shootCard(app, card, 'page-strip-one-page');

    await card.getByRole('button', { name: '查看和转动「承诺书（一页）.pdf」的各页' }).click();
    await card.getByRole('button', { name: '略去「承诺书（一页）.pdf」第 1 页（不打印、不编页码）' }).waitFor();
    expect(await card.locator('.page-review-strip > li').count()).toBe(1);
  });

  it('read-only: the stored findings where there are some, else the pages and a note', async () => {
    const fx = pageFixtures();
    const dataDir = await each.scratch('juanzong-e2e-read-only-');
    // Another process owns the folder: it attached two files and inspected one of them.
    const owner = await openServices({ dataDir, version: 'e2e' });
    try {
      const applicationId = await seedApplication(owner);
      const add = async (materialId: string, fileName: string, from: string) =>
        owner.handlers['attachments:add']({
          applicationId,
          materialId,
          fileName,
          bytes: new Uint8Array(await readFile(from)),
        });
      const inspected = await add('application-form', '申请书（双面扫描）.pdf', fx.duplex);
      await add('service-contract', '服务合同（扫描）.pdf', fx.turnedScan);
      await owner.inspections.ensure([inspected.sha256]);

      const app = await each.start({ dataDir, services: { toRead: true, inspectInBackground: true } });
      expect(app.services.lock).toBeNull();
      await new HomePage(app.page).openFirstApplication();
      const steps = new ApplicationPage(app.page);
      await steps.goTo('申报材料');
      const formCard = steps.materialCard(title('application-form'));
      const contractCard = steps.materialCard(title('service-contract'));

      await formCard.getByText('已略去 3 页空白背面', { exact: true }).waitFor({ timeout: 30_000 });
      for (const n of [2, 4, 6]) expect(await badgesOf(formCard, n)).toEqual(['略去空白背面撤销']);
      await contractCard.getByRole('status').filter({ hasText: NOT_INSPECTED }).waitFor({ timeout: 30_000 });
      expect(await contractCard.locator('.page-review-strip > li').count()).toBe(4);
      expect(await contractCard.locator('.page-badge').count()).toBe(0);
      expect(await app.page.getByText('正在检查页面…').count()).toBe(0);
      await shootCard(app, formCard, 'page-strip-read-only-inspected');
      await shootCard(app, contractCard, 'page-strip-read-only-not-inspected');
    } finally {
      owner.close();
    }
  });
});
