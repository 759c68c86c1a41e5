// electron/main/index.ts started on a data folder whose database is damaged while a backup exists: the message box
// is shown instead of the fatal error box; 退出 exits with no window and the file as it was, 用最近的备份恢复
// restores and then opens the window as usual. Same stand-in for `electron` as main-index.test.ts.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { databaseFileName, openServices } from '../../electron/core/services/index.ts';
import type { FakeBrowserWindow } from './fake-electron.ts';
import { layOutBuiltApp } from './built-app.ts';

const fake = vi.hoisted(() => ({
  calls: [] as string[],
  boxes: [] as { message: string; detail: string; buttons: string[] }[],
  answer: '',
  listeners: new Map<string, () => void>(),
  ready: () => {},
  whenReady: Promise.resolve(),
  paths: {} as Record<string, string>,
  appPath: '',
}));

vi.mock('electron', async () => {
  const { FakeBrowserWindow: Window, fakeIpcMain: ipc, fakeSession: session } = await import('./fake-electron.ts');
  return {
    app: {
      enableSandbox: () => {},
      setPath: (name: string, value: string) => (fake.paths[name] = value),
      getPath: (name: string) => fake.paths[name] ?? path.join(fake.paths.appData!, name),
      getAppPath: () => fake.appPath,
      getVersion: () => '0.1.0',
      isPackaged: false,
      requestSingleInstanceLock: () => true,
      on: (name: string, listener: () => void) => fake.listeners.set(name, listener),
      whenReady: () => fake.whenReady,
      quit: () => fake.calls.push('quit'),
      exit: (code: number) => fake.calls.push(`exit ${code}`),
      relaunch: () => {},
    },
    BrowserWindow: Window,
    dialog: {
      showErrorBox: (title: string, body: string) => fake.calls.push(`error ${title}: ${body}`),
      showMessageBox: async (options: { message: string; detail: string; buttons: string[] }) => {
        fake.boxes.push(options);
        return { response: options.buttons.indexOf(fake.answer) };
      },
    },
    ipcMain: ipc(),
    Menu: { buildFromTemplate: (t: unknown[]) => t, setApplicationMenu: () => fake.calls.push('setApplicationMenu') },
    protocol: { registerSchemesAsPrivileged: () => {}, handle: () => {} },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }] },
    session: { defaultSession: session() },
    shell: { showItemInFolder: vi.fn(), openPath: vi.fn() },
    utilityProcess: { fork: vi.fn() },
  };
});

const garbage = Buffer.from('损坏的数据'.repeat(500));

describe('electron/main/index.ts with a damaged database', () => {
  let dir: string;
  let dbFile: string;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'juanzong-main-damaged-'));
    const appData = path.join(dir, 'appData');
    fake.paths = { appData };
    fake.appPath = path.join(dir, 'app');
    fake.calls.length = 0;
    fake.boxes.length = 0;
    fake.whenReady = new Promise<void>((resolve) => (fake.ready = resolve));
    await layOutBuiltApp(fake.appPath);
    vi.stubEnv('JUANZONG_DATA', '');

    // The data folder main will use: one applicant, a manual backup, then the database overwritten.
    const dataDir = path.join(appData, 'juanzong');
    dbFile = path.join(dataDir, databaseFileName);
    const services = await openServices({ dataDir, version: 'test' });
    await services.handlers['applicants:create']({
      name: '深圳市启动恢复测试有限公司',
      creditCode: '',
      kind: 'enterprise',
      registeredIn: '',
      established: null,
      contact: '',
      phone: '',
      address: '',
    });
    await services.handlers['backup:create']({});
    services.close();
    for (const suffix of ['-wal', '-shm']) await rm(dbFile + suffix, { force: true });
    await writeFile(dbFile, garbage);
    vi.resetModules();
  });
  afterAll(() => vi.unstubAllEnvs());

  /** Starts main afresh (modules were reset); answers the windows it creates through this run's stand-in. */
  async function start(answer: string): Promise<FakeBrowserWindow[]> {
    fake.answer = answer;
    await import('../../electron/main/index.ts');
    const electron = (await import('electron')) as unknown as { BrowserWindow: typeof FakeBrowserWindow };
    electron.BrowserWindow.created.length = 0;
    fake.ready();
    return electron.BrowserWindow.created;
  }

  it('退出: no fatal error box, no window, exits, the damaged file left as it was', async () => {
    const windows = await start('退出');
    await vi.waitFor(() => expect(fake.calls).toContain('exit 0'), { timeout: 10_000 });
    expect(fake.boxes).toHaveLength(1);
    expect(fake.boxes[0]!.detail).toContain(dbFile);
    expect(fake.calls.filter((c) => c.startsWith('error'))).toEqual([]);
    expect(windows).toHaveLength(0);
    expect(await readFile(dbFile)).toEqual(garbage);
    await rm(dir, { recursive: true, force: true });
  });

  it('用最近的备份恢复: restores, then opens the window on the restored data', async () => {
    const windows = await start('用最近的备份恢复');
    await vi.waitFor(() => expect(windows).toHaveLength(1), { timeout: 10_000 });
    expect(fake.boxes).toHaveLength(1);
    expect(fake.calls.filter((c) => c.startsWith('error') || c.startsWith('exit'))).toEqual([]);
    const electron = (await import('electron')) as unknown as {
      ipcMain: { handlers: Map<string, (...args: unknown[]) => Promise<unknown>> };
    };
    const listed = (await electron.ipcMain.handlers.get('applicants:list')!(
      { senderFrame: { url: 'app://juanzong/index.html', parent: null } },
      {},
    )) as { ok: boolean; value: { name: string }[] };
    expect(listed.value.map((a) => a.name)).toEqual(['深圳市启动恢复测试有限公司']);
    fake.listeners.get('will-quit')?.();
    await rm(dir, { recursive: true, force: true });
  });
});
