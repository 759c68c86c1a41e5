/**
 * The dossier job keeps the page images it re-encoded (a phone photo cut to its sheet and reduced) in the data
 * folder's cache, and the next generation takes them from there: the same dossier, read back by poppler. A changed
 * decision makes a new entry; a torn entry is made again; the cache stays within its budget, oldest out first.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JobStatus } from '#shared/contract/index.ts';
import { trimImageCache } from '../../electron/core/dossier/image-cache.ts';
import { dossierOutputPath } from '../../electron/core/services/dossier-jobs.ts';
import type { Services } from '../../electron/core/services/index.ts';
import { pageFixtures, type PageFixtures } from '../fixtures/page-fixtures.ts';
import { noFontsEnv } from '../fixtures/run-tool.ts';
import { ask } from '../helpers/ask.ts';
import { openServicesWithJobEnds } from '../helpers/job-ends.ts';
import { attachFile, newApplication } from '../helpers/application.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const tempDir = useTempDir('juanzong-image-cache-');
const LONG = 10 * 60_000;
let fx: PageFixtures;

beforeAll(() => {
  fx = pageFixtures();
}, LONG);

const cacheDir = (dataDir: string) => path.join(dataDir, 'cache', 'images');
const entries = (dataDir: string) => (existsSync(cacheDir(dataDir)) ? readdirSync(cacheDir(dataDir)).sort() : []);

/** The photo's page (the dossier's last) rendered in grey by pdftoppm, as bytes of a PGM. */
function lastPageRender(pdf: string, pages: number): Buffer {
  return execFileSync('pdftoppm', ['-gray', '-r', '30', '-f', String(pages), '-l', String(pages), pdf], {
    env: noFontsEnv(),
    maxBuffer: 64 * 1024 * 1024,
  });
}

async function generate(services: Services, jobEnd: (id: string) => Promise<JobStatus>, applicationId: number) {
  const { jobId } = await ask<{ jobId: string }>(services, 'dossier:start', { applicationId });
  const status = await jobEnd(jobId);
  expect(status.state, JSON.stringify(status.error)).toBe('done');
  return { pdf: dossierOutputPath(services.dataDir, jobId, 'dossier'), pages: status.pageMap!.pages };
}

describe('the re-encoded page images kept between generations', () => {
  it(
    'gives the same dossier from the cache, makes a new entry for a new decision, and remakes a torn one',
    async () => {
      const dir = await tempDir();
      const dataDir = path.join(dir, 'data');
      const { services, jobEnd } = await openServicesWithJobEnds({ dataDir });
      try {
        const applicationId = await newApplication(services, '深圳市缓存测试有限公司');
        const photoId = await attachFile(
          services,
          applicationId,
          'business-license',
          fx.photoDark,
          '营业执照-手机拍摄.jpg',
        );

        const first = await generate(services, jobEnd, applicationId);
        const kept = entries(dataDir);
        expect(kept).toHaveLength(1); // the photo, cut to its sheet and re-encoded
        const firstRender = lastPageRender(first.pdf, first.pages);
        const keptAt = statSync(path.join(cacheDir(dataDir), kept[0]!)).mtimeMs;

        const second = await generate(services, jobEnd, applicationId);
        expect(entries(dataDir)).toEqual(kept);
        expect(statSync(path.join(cacheDir(dataDir), kept[0]!)).mtimeMs).toBeGreaterThanOrEqual(keptAt);
        expect(lastPageRender(second.pdf, second.pages).equals(firstRender)).toBe(true);

        // A torn entry (a crash while it was written) is not used: the image is made again, the page the same.
        truncateSync(path.join(cacheDir(dataDir), kept[0]!), 100);
        const third = await generate(services, jobEnd, applicationId);
        expect(lastPageRender(third.pdf, third.pages).equals(firstRender)).toBe(true);
        expect(statSync(path.join(cacheDir(dataDir), kept[0]!)).size).toBeGreaterThan(100);

        // The clerk turns the photo's page: a different picture, a new entry.
        await ask(services, 'pages:decide', { attachmentId: photoId, page: 1, turn: 180 });
        const turned = await generate(services, jobEnd, applicationId);
        expect(entries(dataDir)).toHaveLength(2);
        expect(lastPageRender(turned.pdf, turned.pages).equals(firstRender)).toBe(false);
      } finally {
        services.close();
      }
    },
    LONG,
  );

  it('removes the least recently used entries and stray temporaries once over its budget', async () => {
    const dir = path.join(await tempDir(), 'images');
    await mkdir(dir, { recursive: true });
    const names = ['a.img', 'b.img', 'c.img'];
    names.forEach((name, i) => {
      writeFileSync(path.join(dir, name), Buffer.alloc(1000));
      const used = new Date(Date.UTC(2026, 11, 1 + i)); // a oldest, c newest
      utimesSync(path.join(dir, name), used, used);
    });
    writeFileSync(path.join(dir, 'd.img.4242.tmp'), 'half');
    await trimImageCache(dir, 2500);
    expect(readdirSync(dir).sort()).toEqual(['b.img', 'c.img']);
  });
});
