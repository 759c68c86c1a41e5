// Starts electron/main/index.ts against a stand-in for the whole `electron` module and checks the order and the
// settings it wires: sandbox and scheme before ready, the single-instance lock, the session locked down, every
// channel registered, one secure window on app://juanzong/.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { channels } from '#shared/contract/index.ts';
import { FakeBrowserWindow, type fakeIpcMain, type fakeSession } from './fake-electron.ts';
import { layOutBuiltApp } from './built-app.ts';

const fake = vi.hoisted(() => {
  const calls: string[] = [];
  const listeners = new Map<string, (...args: unknown[]) => unknown>();
  let ready!: () => void;
  const whenReady = new Promise<void>((resolve) => (ready = resolve));
  const paths: Record<string, string> = {};
  return { calls, listeners, ready, whenReady, paths, appPath: '' };
});

vi.mock('electron', async () => {
  const { FakeBrowserWindow: Window, fakeIpcMain: ipc, fakeSession: session } = await import('./fake-electron.ts');
  const app = {
    enableSandbox: () => fake.calls.push('enableSandbox'),
    setPath: (name: string, value: string) => {
      fake.calls.push(`setPath ${name}`);
      fake.paths[name] = value;
    },
    getPath: (name: string) => fake.paths[name] ?? path.join(fake.paths.appData!, name),
    getAppPath: () => fake.appPath,
    getVersion: () => '0.1.0',
    isPackaged: false,
    requestSingleInstanceLock: () => (fake.calls.push('requestSingleInstanceLock'), true),
    on: (name: string, listener: (...args: unknown[]) => unknown) => fake.listeners.set(name, listener),
    whenReady: () => fake.whenReady,
    quit: () => fake.calls.push('quit'),
    exit: (code: number) => fake.calls.push(`exit ${code}`),
    relaunch: () => fake.calls.push('relaunch'),
  };
  return {
    app,
    BrowserWindow: Window,
    dialog: { showErrorBox: (title: string, body: string) => fake.calls.push(`error ${title}: ${body}`) },
    ipcMain: ipc(),
    Menu: { buildFromTemplate: (t: unknown[]) => t, setApplicationMenu: () => fake.calls.push('setApplicationMenu') },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown) =>
        fake.calls.push(`registerSchemesAsPrivileged ${JSON.stringify(schemes)}`),
      handle: (scheme: string) => fake.calls.push(`protocol.handle ${scheme}`),
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }] },
    session: { defaultSession: session() },
    shell: { showItemInFolder: vi.fn(), openPath: vi.fn() },
    utilityProcess: { fork: vi.fn() },
  };
});

describe('electron/main/index.ts', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'juanzong-main-'));
    fake.paths.appData = path.join(dir, 'appData');
    fake.appPath = path.join(dir, 'app');
    await layOutBuiltApp(fake.appPath);
    vi.stubEnv('JUANZONG_DATA', '');
  });
  afterAll(async () => {
    fake.listeners.get('will-quit')?.();
    vi.unstubAllEnvs();
    await rm(dir, { recursive: true, force: true });
  });

  it('sets up sandbox, scheme, data path and the lock before ready', async () => {
    await import('../../electron/main/index.ts');
    expect(fake.calls.slice(0, 4)).toEqual([
      'enableSandbox',
      'registerSchemesAsPrivileged [{"scheme":"app","privileges":{"standard":true,"secure":true,"supportFetchAPI":true,"codeCache":true}}]',
      'setPath userData',
      'requestSingleInstanceLock',
    ]);
    expect(fake.paths.userData).toBe(path.join(fake.paths.appData!, 'juanzong'));
    expect(FakeBrowserWindow.created).toHaveLength(0);
    expect([...fake.listeners.keys()]).toEqual(
      expect.arrayContaining(['second-instance', 'web-contents-created', 'window-all-closed']),
    );
  });

  it('once ready: locks the session, serves app://, registers every channel and opens one secure window', async () => {
    const electron = (await import('electron')) as unknown as {
      ipcMain: ReturnType<typeof fakeIpcMain>;
      session: { defaultSession: ReturnType<typeof fakeSession> };
    };
    fake.ready();
    await vi.waitFor(() => expect(FakeBrowserWindow.created).toHaveLength(1), { timeout: 10_000 });
    await vi.waitFor(() => expect(FakeBrowserWindow.created[0]!.loaded).toEqual(['app://juanzong/index.html']));
    expect(fake.calls.filter((c) => c.startsWith('error'))).toEqual([]);
    expect(fake.calls).toContain('protocol.handle app');
    expect(fake.calls).toContain('setApplicationMenu');
    expect([...electron.ipcMain.handlers.keys()].sort()).toEqual([...channels].sort());
    const recorded = electron.session.defaultSession.recorded;
    expect(recorded.permissionRequest && recorded.permissionCheck && recorded.beforeRequest).toBeTruthy();

    const win = FakeBrowserWindow.created[0]!;
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      preload: path.join(fake.appPath, 'out', 'preload', 'index.cjs'),
    });

    // A real call through the registered handler reaches the core in the data folder under userData.
    const info = (await electron.ipcMain.handlers.get('app:info')!(
      { senderFrame: { url: 'app://juanzong/index.html', parent: null } },
      {},
    )) as { ok: boolean; value: { dataDir: string } };
    expect(info).toMatchObject({ ok: true, value: { dataDir: path.join(fake.paths.appData!, 'juanzong') } });
  });

  it('guards every other web contents created later', async () => {
    const { FakeWebContents } = await import('./fake-electron.ts');
    const contents = new FakeWebContents();
    fake.listeners.get('web-contents-created')?.({}, contents);
    expect(contents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    expect(contents.listenerCount('will-navigate')).toBe(1);
  });
});
