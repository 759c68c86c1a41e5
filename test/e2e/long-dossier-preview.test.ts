import { readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { PageViewerPage } from './pages/page-viewer.ts';
import { appPerTest } from './support/per-test.ts';
import { openWithLongPdfs, type LongPdf } from './support/long-pdfs.ts';

/** The resident memory (MiB) of the Chromium this test started: its processes all descend from this one. */
async function chromiumMemory(): Promise<{ total: number; largest: number }> {
  const parentOf = new Map<number, number>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (ppid) parentOf.set(Number(entry), ppid);
  }
  const ours = (pid: number): boolean => {
    for (let p = parentOf.get(pid); p; p = parentOf.get(p)) if (p === process.pid) return true;
    return false;
  };
  let total = 0;
  let largest = 0;
  for (const pid of parentOf.keys()) {
    const name = await readFile(`/proc/${pid}/comm`, 'utf8').catch(() => '');
    if (!ours(pid) || !name.includes('chrom')) continue;
    const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
    const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    total += kib / 1024;
    largest = Math.max(largest, kib / 1024);
  }
  return { total: Math.round(total), largest: Math.round(largest) };
}

/**
 * In the page: from "已生成" on screen to the first drawn thumbnail (the preview scrolled into view, as the clerk
 * would), and the longest task that held the window's thread meanwhile (a click waits at most that long).
 */
function firstThumbnailInPage(): Promise<{
  ms: number;
  longestTask: number;
  reads: number;
  readMiB: number;
  firstReadMs: number;
  /** The preview's performance marks (`juanzong:…`) and the long tasks from 1 s before, in ms after 已生成. */
  marks: string;
}> {
  return new Promise((resolve) => {
    // Counts the preview's calls for parts of the dossier (the bridge's domains are plain objects).
    const dossier = (window as unknown as { juanzong: { dossier: Record<string, (i: unknown) => Promise<unknown>> } })
      .juanzong.dossier;
    const read = dossier.read!;
    let reads = 0;
    let bytes = 0;
    let firstReadMs = -1;
    dossier.read = async (input) => {
      reads += 1;
      if (firstReadMs < 0 && since !== null) firstReadMs = performance.now() - since;
      const out = (await read(input)) as { ok: boolean; value?: { bytes: Uint8Array } };
      bytes += out.value?.bytes.length ?? 0;
      return out;
    };
    let longestTask = 0;
    const tasks: PerformanceEntry[] = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        longestTask = Math.max(longestTask, e.duration);
        tasks.push(e);
      }
    }).observe({ type: 'longtask' });
    let since: number | null = null;
    const look = () => {
      if (
        since === null &&
        [...document.querySelectorAll('[role=status]')].some((e) => /^已生成/.test(e.textContent ?? ''))
      ) {
        since = performance.now();
        document.getElementById('preview-heading')?.scrollIntoView();
      }
      if (since !== null && document.querySelector('.preview-grid .thumb-done')) {
        const at = (e: PerformanceEntry) => Math.round(e.startTime - since!);
        const marks = performance
          .getEntriesByType('mark')
          .filter((m) => m.name.startsWith('juanzong:'))
          .map((m) => `${m.name.slice('juanzong:'.length)} ${at(m)}`)
          .concat(
            tasks
              .filter((t) => t.startTime + t.duration > since! - 1000)
              .map((t) => `long task ${at(t)} (${Math.round(t.duration)} ms)`),
          )
          .join(', ');
        resolve({
          ms: performance.now() - since,
          longestTask,
          reads,
          readMiB: bytes / 1024 / 1024,
          firstReadMs,
          marks,
        });
      } else setTimeout(look, 10);
    };
    look();
  });
}

/**
 * In the page: from the next click (or key) to the viewer showing the page, first its thumbnail stretched (or sharp
 * at once), then sharp; in ms, as seen at each frame; and whether the stretched thumbnail was ever put up.
 */
function largePageInPage(): Promise<{ visible: number; sharp: number; sketched: boolean }> {
  return new Promise((resolve) => {
    let start = 0;
    let visible = -1;
    let sketched = false;
    const begin = () => (start ||= performance.now());
    window.addEventListener('click', begin, { capture: true, once: true });
    window.addEventListener('keydown', begin, { capture: true, once: true });
    new MutationObserver(() => {
      sketched ||= document.querySelector('dialog .viewer-area[data-sketch]') !== null;
    }).observe(document.body, { subtree: true, childList: true, attributeFilter: ['data-sketch'] });
    const look = () => {
      const area = document.querySelector('dialog .viewer-area');
      const sharp = area?.getAttribute('data-state') === 'shown';
      if (start && area && visible < 0 && (sharp || area.hasAttribute('data-sketch')))
        visible = performance.now() - start;
      if (start && sharp) resolve({ visible, sharp: performance.now() - start, sketched });
      else requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
}

const load = () => os.loadavg()[0]!.toFixed(1);

describe('the preview of a 1,200-page dossier', () => {
  const each = appPerTest({ screenshotOnFailure: 'long-dossier-failed' });

  it('holds one stretch of 50 thumbnails and opens any page', { timeout: 900_000 }, async () => {
    const dir = await each.scratch('juanzong-e2e-1200-');
    const app = await each.start();
    const files: LongPdf[] = [
      ['financial-statements', 'statements', 480],
      ['service-contract', 'contract', 400],
      ['construction-plan', 'plan', 320],
    ];
    await openWithLongPdfs(app, dir, files);
    const { page } = app;
    const before = await chromiumMemory();
    await page.getByRole('button', { name: '生成卷宗' }).click();
    const first = await page.evaluate(firstThumbnailInPage);
    const loadAtFirst = load();
    const done = await page.getByText(/^已生成：共 \d+ 页/).textContent();
    const pages = Number(/共 (\d+) 页/.exec(done ?? '')![1]);
    expect(pages).toBeGreaterThanOrEqual(1200);
    const grid = page.getByRole('list', { name: '卷宗各页' });
    expect(await grid.getByRole('listitem').count()).toBe(50);
    await page.waitForFunction(() => document.querySelectorAll('.thumb-waiting').length < 50);
    const drawn = await page.evaluate(() => document.querySelectorAll('.thumb-done').length);
    const shown = await chromiumMemory();

    // The last page, through the jump box, then large by a click on its drawn thumbnail.
    const viewer = new PageViewerPage(page);
    await page.getByLabel('转到卷宗第几页').fill(String(pages));
    await page.getByLabel('转到卷宗第几页').press('Enter');
    await viewer.thumbnail(pages).locator('.thumb-done').waitFor();
    const large = page.evaluate(largePageInPage);
    await viewer.thumbnail(pages).click();
    await viewer.shows(pages);
    const { visible, sharp, sketched } = await large;
    const loadAtClick = load();
    expect(await viewer.heading()).toMatch(new RegExp(`^第 ${pages} 页`));
    expect((await viewer.canvas()).dark).toBeGreaterThan(200); // the page's text, drawn sharp
    await app.screenshot('long-dossier-last-page');
    const viewing = await chromiumMemory();
    // Speed is reported, not asserted: the machine is shared.
    console.log(
      `1,200-page preview (${pages} pages): first thumbnail ${Math.round(first.ms)} ms after 已生成 ` +
        `(load average ${loadAtFirst}); marks: ${first.marks}; ` +
        `first part asked for at ${Math.round(first.firstReadMs)} ms; ${first.reads} reads, ` +
        `${first.readMiB.toFixed(1)} MiB; longest task meanwhile ${Math.round(first.longestTask)} ms; ` +
        `${drawn} thumbnails drawn of 50 in the page; click on the last page's thumbnail → page large ` +
        `${Math.round(visible)} ms, sharp ${Math.round(sharp)} ms (load average ${loadAtClick}); ` +
        `Chromium RSS ${before.total} MiB before, ${shown.total} MiB with the preview ` +
        `(largest process ${shown.largest} MiB), ${viewing.total} MiB with the viewer open`,
    );
    expect(sketched).toBe(true); // the page came up from its thumbnail, then sharp
  });
});
