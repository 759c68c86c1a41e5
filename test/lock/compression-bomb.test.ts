/**
 * A compression bomb attached through the services: a 3.8 KB PDF (test/fixtures/make_pdf_bomb.py, Python's zlib)
 * whose object stream inflates to 2 GiB. It is inspected on a worker thread within a time and memory budget and
 * refused by name; the thread serving the window keeps answering. Prints the time and peak memory it took.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectOffThread } from '../../electron/core/safety/inspect-off-thread.ts';
import { openServices } from '../../electron/core/services/index.ts';
import { call, ensureApplication, randomPdfBytes } from '../crash/children/seed.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const fresh = useTempDir('juanzong-bomb-');

describe('a compression bomb at attach time', () => {
  it('is refused by name within the budget while the serving thread stays responsive', async () => {
    const dir = await fresh();
    const bomb = path.join(dir, 'bomb.pdf');
    execFileSync('python3', [path.join(import.meta.dirname, '..', 'fixtures', 'make_pdf_bomb.py'), bomb, '2']);
    expect(statSync(bomb).size).toBeLessThan(8 * 1024);
    const s = await openServices({ dataDir: path.join(dir, 'data') });
    const applicationId = await ensureApplication(s);

    const baseline = process.memoryUsage.rss();
    let peak = baseline;
    let longestStall = 0;
    let last = Date.now();
    const probe = setInterval(() => {
      const now = Date.now();
      longestStall = Math.max(longestStall, now - last);
      last = now;
      peak = Math.max(peak, process.memoryUsage.rss());
    }, 20);
    const started = Date.now();
    const error = await call(s, 'attachments:add', {
      applicationId,
      materialId: 'business-license',
      fileName: '营业执照（压缩炸弹）.pdf',
      bytes: readFileSync(bomb),
    }).catch((e: unknown) => e as Error);
    const elapsed = Date.now() - started;
    clearInterval(probe);
    console.log(
      `compression bomb: refused after ${(elapsed / 1000).toFixed(1)} s, peak RSS +${Math.round((peak - baseline) / 1024 / 1024)} MiB, ` +
        `longest stall of the serving thread ${longestStall} ms`,
    );

    expect(String(error)).toContain('file-too-complex');
    expect(String(error)).toContain('「营业执照（压缩炸弹）.pdf」');
    expect(longestStall).toBeLessThan(1000);
    expect(peak - baseline).toBeLessThan(1.5 * 1024 * 1024 * 1024);
    expect(await call(s, 'attachments:list', { applicationId })).toHaveLength(0);
    expect(readdirSync(path.join(dir, 'data', 'files', 'tmp'))).toEqual([]);

    const fine = await call(s, 'attachments:add', {
      applicationId,
      materialId: 'business-license',
      fileName: '执照.pdf',
      bytes: randomPdfBytes(3000),
    });
    expect(fine.pageCount).toBe(1);
    s.close();
  });

  it('is stopped by the memory budget when that comes first', async () => {
    const dir = await fresh();
    const bomb = path.join(dir, 'bomb.pdf');
    execFileSync('python3', [path.join(import.meta.dirname, '..', 'fixtures', 'make_pdf_bomb.py'), bomb, '2']);
    const started = Date.now();
    const error = await inspectOffThread(bomb, '审计报告.pdf', undefined, {
      ms: 120_000,
      bytes: 256 * 1024 * 1024,
    }).catch((e: unknown) => e as Error);
    console.log(`compression bomb, 256 MiB budget: refused after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    expect(error).toMatchObject({ code: 'file-too-complex' });
    expect(String(error)).toContain('「审计报告.pdf」检查时需要超过 256 MB 内存');
  });
});
