import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApplicationPage } from './pages/application-page.ts';
import type { AppHarness } from './support/app-harness.ts';
import { appPerTest, type PerTest } from './support/per-test.ts';
import { openWithLongPdfs, type LongPdf } from './support/long-pdfs.ts';

/** Clicks a step button in the page and answers the ms until its heading shows, and whether a job was running. */
function clickStepInPage(label: string): Promise<{ ms: number; running: boolean }> {
  return new Promise((resolve) => {
    const nav = document.querySelector('nav[aria-label="申报步骤"]')!;
    const button = [...nav.querySelectorAll('button')].find((b) => b.textContent?.includes(label))!;
    const running = nav.textContent?.includes('生成中') ?? false;
    const t0 = performance.now();
    button.click();
    const look = () => {
      if (document.querySelector('.step-heading')?.textContent?.includes(label))
        resolve({ ms: performance.now() - t0, running });
      else requestAnimationFrame(look);
    };
    look();
  });
}

/** An application with 300 × `scale` pages of PDFs, opened at 生成与预览 with the generation just started. */
async function startThreeHundredPages(each: PerTest, scale = 1): Promise<AppHarness> {
  const dir = await each.scratch('juanzong-e2e-300-');
  const app = await each.start();
  const files: LongPdf[] = [
    ['financial-statements', 'statements', 120 * scale],
    ['service-contract', 'contract', 100 * scale],
    ['construction-plan', 'plan', 80 * scale],
  ];
  await openWithLongPdfs(app, dir, files);
  const { page } = app;
  await page.getByRole('button', { name: '生成卷宗' }).click();
  await page.getByRole('progressbar', { name: '生成进度' }).waitFor();
  return app;
}

describe('the window during a 300-page assembly', () => {
  const each = appPerTest();

  it('answers a click within a second', { timeout: 180_000 }, async () => {
    const app = await startThreeHundredPages(each);
    const { page } = app;
    const steps = new ApplicationPage(page);

    const samples: { ms: number; running: boolean }[] = [];
    const labels = ['申报材料', '生成与预览', '合同与费用', '生成与预览'];
    for (let i = 0; i < 12; i += 1) {
      const sample = await page.evaluate(clickStepInPage, labels[i % labels.length]!);
      samples.push(sample);
      if (i === 0) await app.screenshot('latency-during-assembly');
      if (!sample.running) break;
      await page.waitForTimeout(150);
    }
    await steps.goTo('生成与预览');
    await page.getByText(/^已生成：共 \d+ 页/).waitFor({ timeout: 150_000 });
    const during = samples.filter((s) => s.running).map((s) => Math.round(s.ms));
    console.log(`click-to-visible during the 300-page assembly (ms): ${during.join(', ')}; max ${Math.max(...during)}`);
    expect(during.length).toBeGreaterThan(0);
    expect(Math.max(...during)).toBeLessThan(1000);
    const pages = await page.getByText(/^已生成：共 \d+ 页/).textContent();
    expect(Number(/共 (\d+) 页/.exec(pages ?? '')![1])).toBeGreaterThanOrEqual(300);
  });

  it('can be cancelled, and leaves no dossier behind', { timeout: 180_000 }, async () => {
    // 1,200 pages: long enough that the click surely lands while the assembly runs.
    const app = await startThreeHundredPages(each, 4);
    const { page } = app;
    await page.getByRole('button', { name: '取消生成' }).click();
    await page.getByRole('status').filter({ hasText: '已取消生成，没有留下半成品' }).waitFor({ timeout: 30_000 });
    await app.screenshot('generate-cancelled');
    const left = await readdir(path.join(app.dataDir, 'dossiers'), { recursive: true }).catch(() => []);
    expect(left.filter((f) => String(f).endsWith('.pdf') || String(f).endsWith('.juanzong-part'))).toEqual([]);
  });
});
