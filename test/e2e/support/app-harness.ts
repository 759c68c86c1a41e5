import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { channels, type ShellHandlers } from '#shared/contract/index.ts';
import { dispatch } from '../../../electron/core/services/dispatch.ts';
import {
  openServices,
  openServicesToRead,
  type OpenServicesOptions,
  type Services,
} from '../../../electron/core/services/index.ts';
import { PARKED_PATH, serveRenderer } from './static-server.ts';

export const repoRoot = path.resolve(import.meta.dirname, '../../..');
export const screenshotDir = path.join(repoRoot, 'test-results', 'screenshots');
const rendererDir = path.join(repoRoot, 'out', 'renderer');

type ServicesOptions = Pick<OpenServicesOptions, 'inspectInBackground' | 'inspect'> & {
  /** Opened as a command that only looks: read-only while another process owns the folder. */
  toRead?: boolean;
};

const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Bytes in a result are parked with the renderer's server and fetched by the page: Playwright would encode them
 * itself one byte at a time under Node 20 and pass them through its protocol (about 1 s a MiB on a loaded machine),
 * a cost Electron's IPC, which clones them at memory speed, does not have.
 */
function parkBytes(value: unknown, parked: Map<string, Uint8Array>): unknown {
  if (value instanceof Uint8Array) {
    const id = randomUUID();
    parked.set(id, value);
    return { __parked: `${PARKED_PATH}${id}` };
  }
  if (Array.isArray(value)) return value.map((v) => parkBytes(v, parked));
  if (!value || Object.getPrototypeOf(value) !== Object.prototype) return value; // a Date, a string, …
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, parkBytes(v, parked)]));
}

/**
 * The window as the clerk sees it, minus Electron: the built renderer in Debian's Chromium, its `window.juanzong`
 * bound to the real core services (a real SQLite file in `dataDir`) through Playwright's `exposeBinding`.
 * Only the transport differs from the preload's `ipcRenderer.invoke`: both end in `dispatch`.
 */
export class AppHarness {
  page!: Page;
  services!: Services;
  private context!: BrowserContext;
  private server!: Awaited<ReturnType<typeof serveRenderer>>;
  private profileDir!: string;
  private readonly parked = new Map<string, Uint8Array>();

  constructor(
    readonly dataDir: string,
    private readonly shell: ShellHandlers = {} as ShellHandlers,
    /** As the desktop app opens them (`inspectInBackground`), or with a test's own inspector. */
    private readonly servicesOptions: ServicesOptions = {},
  ) {}

  static async start(
    options: { dataDir?: string; shell?: ShellHandlers; services?: ServicesOptions } = {},
  ): Promise<AppHarness> {
    if (!existsSync(path.join(rendererDir, 'index.html'))) {
      throw new Error('out/renderer is missing: run `npm run build:renderer` first (npm test does it).');
    }
    const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'juanzong-e2e-data-')));
    const harness = new AppHarness(dataDir, options.shell, options.services);
    await harness.launch();
    return harness;
  }

  private async launch() {
    const { toRead, ...options } = this.servicesOptions;
    const open = toRead ? openServicesToRead : openServices;
    this.services = await open({ ...options, dataDir: this.dataDir, version: 'e2e' });
    this.server = await serveRenderer(rendererDir, this.parked);
    this.profileDir = await mkdtemp(path.join(os.tmpdir(), 'juanzong-e2e-chromium-'));
    this.context = await chromium.launchPersistentContext(this.profileDir, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: chromiumArgs,
      viewport: { width: 1280, height: 860 },
      locale: 'zh-CN',
    });
    await this.context.exposeBinding('__juanzongInvoke', async (_source, channel: string, input: unknown) =>
      parkBytes(await dispatch({ ...this.services.handlers, ...this.shell }, channel, input), this.parked),
    );
    await this.context.addInitScript((names: string[]) => {
      const invoke = (window as unknown as { __juanzongInvoke: (c: string, i: unknown) => Promise<unknown> })
        .__juanzongInvoke;
      const fetchParked = async (value: unknown): Promise<unknown> => {
        if (Array.isArray(value)) return Promise.all(value.map(fetchParked));
        if (!value || Object.getPrototypeOf(value) !== Object.prototype) return value;
        if (Object.hasOwn(value, '__parked')) {
          const response = await fetch((value as { __parked: string }).__parked);
          return new Uint8Array(await response.arrayBuffer());
        }
        const entries = await Promise.all(Object.entries(value).map(async ([k, v]) => [k, await fetchParked(v)]));
        return Object.fromEntries(entries);
      };
      const api: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
      for (const channel of names) {
        const [domain, verb] = channel.split(':') as [string, string];
        (api[domain] ??= {})[verb] = (input) => invoke(channel, input).then(fetchParked);
      }
      Object.defineProperty(window, 'juanzong', { value: Object.freeze(api) });
    }, channels);
    this.page = this.context.pages()[0] ?? (await this.context.newPage());
    this.page.on('pageerror', (error) => console.error('page error:', error));
    await this.page.goto(this.server.url);
  }

  /**
   * Closes everything and opens the same data folder again, as a restart of the app would. With `wipeData` the
   * folder is deleted in between: the app starts as on a new machine (or after the disk was lost).
   */
  async restart({ wipeData = false } = {}): Promise<void> {
    await this.stop();
    if (wipeData) await rm(this.dataDir, { recursive: true, force: true });
    await this.launch();
  }

  async screenshot(name: string): Promise<string> {
    await mkdir(screenshotDir, { recursive: true });
    const file = path.join(screenshotDir, `${name}.png`);
    await this.page.screenshot({ path: file, fullPage: true });
    return file;
  }

  /**
   * A full-page screenshot with every lazily drawn thumbnail drawn: the viewport grows to the page's height (so
   * all of them are in view), the thumbnails finish, then the viewport goes back.
   */
  async screenshotWithThumbnails(name: string): Promise<string> {
    const viewport = this.page.viewportSize() ?? { width: 1280, height: 860 };
    const height = await this.page.evaluate(() => document.documentElement.scrollHeight);
    await this.page.setViewportSize({ width: viewport.width, height: Math.min(height, 12_000) });
    await this.page.waitForFunction(() => document.querySelectorAll('.thumb-waiting').length === 0, undefined, {
      timeout: 30_000,
    });
    const file = await this.screenshot(name);
    await this.page.setViewportSize(viewport);
    return file;
  }

  async stop(): Promise<void> {
    await this.context?.close();
    await this.server?.close();
    this.services?.close();
    await rm(this.profileDir, { recursive: true, force: true });
  }

  async dispose(): Promise<void> {
    await this.stop();
    await rm(this.dataDir, { recursive: true, force: true });
  }
}
