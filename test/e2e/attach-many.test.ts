/**
 * Fifty files chosen at once for one material: each is shown as it is taken, the window stays answerable while
 * they are copied in and checked, and every file arrives, in the order chosen. The figures (click to visible, time to attach all) are printed.
 */
import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { findProfile } from '#shared/profiles/index.ts';
import { ghostscriptLongPdf } from '../helpers/make-pdf.ts';
import { ApplicationPage } from './pages/application-page.ts';
import { HomePage } from './pages/home-page.ts';
import { appPerTest } from './support/per-test.ts';
import { seedApplication } from './support/seed.ts';

const run = promisify(execFile);
const FILES = 50;
const title = findProfile('sz-model-voucher-2025')!.materials.find((m) => m.id === 'financial-statements')!.title;

/** `FILES` one-page PDFs with distinct text, split by qpdf from one Ghostscript PDF (one process each, not fifty). */
async function fiftyReceipts(dir: string): Promise<string[]> {
  const whole = await ghostscriptLongPdf(dir, 'receipts.pdf', 'RECEIPT', FILES);
  const parts = path.join(dir, 'parts');
  await run('mkdir', ['-p', parts]);
  await run('qpdf', ['--split-pages', whole, path.join(parts, 'receipt-%d.pdf')]);
  return (await readdir(parts)).sort().map((f) => path.join(parts, f));
}

/** Clicks a step and answers the ms until its heading shows. */
function clickStepInPage(label: string): Promise<number> {
  return new Promise((resolve) => {
    const nav = document.querySelector('nav[aria-label="申报步骤"]')!;
    const button = [...nav.querySelectorAll('button')].find((b) => b.textContent?.includes(label))!;
    const t0 = performance.now();
    button.click();
    const look = () => {
      if (document.querySelector('.step-heading')?.textContent?.includes(label)) resolve(performance.now() - t0);
      else requestAnimationFrame(look);
    };
    look();
  });
}

describe('fifty files attached at once', () => {
  const each = appPerTest({ screenshotOnFailure: 'attach-many-failed' });

  it('keeps the window answering while they come in, and takes every one in order', { timeout: 300_000 }, async () => {
    const dir = await each.scratch('juanzong-e2e-fifty-');
    const files = await fiftyReceipts(dir);
    expect(files).toHaveLength(FILES);
    const app = await each.start();
    const { page } = app;
    const applicationId = await seedApplication(app.services);
    await page.reload();
    await new HomePage(page).openFirstApplication();
    const steps = new ApplicationPage(page);
    await steps.goTo('申报材料');

    const started = performance.now();
    const card = steps.materialCard(title);
    await card.getByLabel(`「${title}」的文件`).setInputFiles(files);
    const progress = card.getByText(new RegExp(`正在添加 ${FILES} 个文件：已处理 \\d+ 个`));
    await progress.waitFor();
    // Each file is shown as it is taken: the count goes up and the rows appear before the last file is in.
    const seen: { done: number; rows: number }[] = [];
    while (seen.length < 40 && !seen.some((s) => s.rows > 0 && s.rows < FILES)) {
      const said = await progress.textContent({ timeout: 2000 }).catch(() => null);
      if (said === null) break;
      seen.push({
        done: Number(/已处理 (\d+) 个/.exec(said)![1]),
        rows: await card.locator('.attachments > li').count(),
      });
      if (seen.length === 2) await app.screenshot('attach-many-1-adding');
      await page.waitForTimeout(300);
    }
    console.info(
      `fifty files as they come (processed / rows shown): ${seen.map((x) => `${x.done}/${x.rows}`).join(', ')}`,
    );
    expect(seen.some((x) => x.rows > 0 && x.rows < FILES)).toBe(true);
    expect(seen.map((x) => x.done)).toEqual(seen.map((x) => x.done).sort((a, b) => a - b));
    const attached = async () => (await app.services.handlers['attachments:list']({ applicationId })).length;
    // Clicks between two steps for as long as files are still coming in (counted in the database).
    const during: number[] = [];
    for (let i = 0; i < 40 && (await attached()) < FILES; i += 1) {
      during.push(Math.round(await page.evaluate(clickStepInPage, i % 2 === 0 ? '合同与费用' : '申报材料')));
      await page.waitForTimeout(150);
    }
    await steps.goTo('申报材料');
    await card.getByText(`已添加 ${FILES} 个文件，共 ${FILES} 页`).waitFor({ timeout: 240_000 });
    const attachedAfter = (performance.now() - started) / 1000;
    await app.screenshot('attach-many-2-done');

    console.info(
      `fifty files: all attached ${attachedAfter.toFixed(1)} s after choosing them; ` +
        `click-to-visible while adding (ms): ${during.join(', ')}; max ${Math.max(...during)}`,
    );
    expect(during.length).toBeGreaterThan(0);
    expect(Math.max(...during)).toBeLessThan(1000);
    const stored = await app.services.handlers['attachments:list']({ applicationId });
    expect(stored.map((a) => a.originalName)).toEqual(files.map((f) => path.basename(f)));
  });
});
