/**
 * The app and scratch folders of each test in a describe block, closed and removed after the test (with a
 * screenshot first, when one is named, if the test failed).
 * @example
 * const each = appPerTest();
 * it('…', async () => { const dir = await each.scratch('juanzong-e2e-x-'); const app = await each.start(); … });
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { AppHarness } from './app-harness.ts';

export interface PerTest {
  /** Starts the app for this test. */
  start(options?: Parameters<typeof AppHarness.start>[0]): Promise<AppHarness>;
  /** The app started for this test (for callbacks made before `start` returns). */
  readonly app: AppHarness;
  /** A new folder in the system's temp folder, removed after the test. */
  scratch(prefix: string): Promise<string>;
}

export function appPerTest(options: { screenshotOnFailure?: string } = {}): PerTest {
  let app: AppHarness | undefined;
  const folders: string[] = [];
  afterEach(async (ctx) => {
    if (options.screenshotOnFailure && ctx.task.result?.state === 'fail')
      await app?.screenshot(options.screenshotOnFailure);
    await app?.dispose();
    app = undefined;
    await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
  });
  return {
    async start(startOptions) {
      app = await AppHarness.start(startOptions);
      return app;
    },
    get app() {
      if (!app) throw new Error('the app has not been started in this test');
      return app;
    },
    async scratch(prefix) {
      const folder = await mkdtemp(path.join(os.tmpdir(), prefix));
      folders.push(folder);
      return folder;
    },
  };
}
