import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveAppFile, serveAppRequest } from '../../electron/main/protocol.ts';
import {
  CONTENT_SECURITY_POLICY,
  guardWebContents,
  isLocalRequest,
  lockDownSession,
  secureWebPreferences,
} from '../../electron/main/security.ts';
import { createMainWindow, mainWindowOptions } from '../../electron/main/window.ts';
import { fakeEvent, FakeBrowserWindow, FakeWebContents, fakeSession } from './fake-electron.ts';

type AnyWindowClass = Parameters<typeof createMainWindow>[0];

const expectSecure = (prefs: Record<string, unknown> | undefined, preload: string) =>
  expect(prefs).toEqual({
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
  });

describe('the main window', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'juanzong-window-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('gets only the secure webPreferences (isolated, sandboxed, no Node, no webview)', () => {
    expectSecure(
      secureWebPreferences('/app/out/preload/index.cjs') as Record<string, unknown>,
      '/app/out/preload/index.cjs',
    );
    const options = mainWindowOptions({ preload: '/p.cjs', stateFile: path.join(dir, 'none.json'), workAreas: [] });
    expectSecure(options.webPreferences as Record<string, unknown>, '/p.cjs');
    expect(options.show).toBe(false);
  });

  it('is created with them, guarded, loads app://juanzong/ and remembers its bounds', async () => {
    const stateFile = path.join(dir, 'window-state.json');
    await writeFile(stateFile, JSON.stringify({ x: 100, y: 80, width: 1100, height: 750, maximized: false }));
    const workAreas = [{ x: 0, y: 0, width: 1920, height: 1040 }];
    const win = (await createMainWindow(FakeBrowserWindow as unknown as AnyWindowClass, {
      preload: '/p.cjs',
      stateFile,
      workAreas,
    })) as unknown as FakeBrowserWindow;
    expect(win.loaded).toEqual(['app://juanzong/index.html']);
    expect(win.options).toMatchObject({ x: 100, y: 80, width: 1100, height: 750 });
    expectSecure(win.options.webPreferences as Record<string, unknown>, '/p.cjs');
    expect(win.webContents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });

    win.emit('close');
    const reopened = mainWindowOptions({ preload: '/p.cjs', stateFile, workAreas });
    expect(reopened).toMatchObject({ x: 10, y: 20, width: 1000, height: 700 });
    // A position on a monitor that is gone is dropped; the size is kept.
    const elsewhere = mainWindowOptions({
      preload: '/p.cjs',
      stateFile,
      workAreas: [{ x: 3000, y: 0, width: 800, height: 600 }],
    });
    expect(elsewhere.x).toBeUndefined();
    expect(elsewhere.width).toBe(1000);
  });
});

describe('guardWebContents', () => {
  it('denies every navigation, redirect, webview and window.open', () => {
    const contents = new FakeWebContents();
    guardWebContents(contents as never);
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) {
      for (const url of ['https://example.com/', 'app://juanzong/index.html', 'file:///etc/passwd']) {
        const event = fakeEvent({ url });
        contents.emit(name, event, url);
        expect(event.defaultPrevented, `${name} ${url}`).toBe(true);
      }
    }
    for (const url of ['https://example.com/', 'app://juanzong/other.html', 'javascript:alert(1)']) {
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    }
  });
});

describe('lockDownSession', () => {
  it('denies every permission request and check', () => {
    const session = fakeSession();
    lockDownSession(session as never);
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'fullscreen',
    ]) {
      let granted: boolean | undefined;
      session.recorded.permissionRequest?.({}, permission, (answer: boolean) => (granted = answer));
      expect(granted, permission).toBe(false);
      expect(session.recorded.permissionCheck?.({}, permission)).toBe(false);
    }
    expect(session.recorded.devicePermission?.({ deviceType: 'usb' })).toBe(false);
  });

  it('cancels every request that leaves the app (no remote content, no file://)', () => {
    const session = fakeSession();
    lockDownSession(session as never);
    const cancelled = (url: string) => {
      let answer: { cancel: boolean } | undefined;
      session.recorded.beforeRequest?.({ url }, (a: { cancel: boolean }) => (answer = a));
      return answer?.cancel;
    };
    for (const url of [
      'https://cdn.example.com/x.js',
      'http://127.0.0.1:5173/',
      'file:///etc/passwd',
      'ws://x/',
      'app://evil/x',
    ]) {
      expect(cancelled(url), url).toBe(true);
    }
    for (const url of [
      'app://juanzong/index.html',
      'app://juanzong/assets/pdf.worker.mjs',
      'data:image/png;base64,AA==',
      'blob:app://juanzong/1234',
    ]) {
      expect(cancelled(url), url).toBe(false);
    }
    expect(isLocalRequest('garbage')).toBe(false);
  });
});

describe('the app:// protocol', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'juanzong-renderer-'));
    await mkdir(path.join(root, 'assets'));
    await writeFile(path.join(root, 'index.html'), '<!doctype html><title>卷宗</title>');
    await writeFile(path.join(root, 'assets', 'pdf.worker.mjs'), 'export {}');
    await writeFile(path.join(root, '..', 'secret.txt'), 'no');
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
    await rm(path.join(root, '..', 'secret.txt'), { force: true });
  });

  it('has a CSP without unsafe-inline or unsafe-eval', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)/);
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });

  it('serves the renderer with the CSP header and the right types', async () => {
    const page = await serveAppRequest(root, { url: 'app://juanzong/', method: 'GET' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('卷宗');
    const worker = await serveAppRequest(root, { url: 'app://juanzong/assets/pdf.worker.mjs', method: 'GET' });
    expect(worker.headers.get('content-type')).toMatch(/^text\/javascript/);
  });

  it('serves nothing outside the renderer folder or from another host', async () => {
    for (const url of [
      'app://juanzong/../secret.txt',
      'app://juanzong/%2e%2e/secret.txt',
      'app://juanzong/..%2fsecret.txt',
      'app://juanzong/assets/..%2f..%2fsecret.txt',
      'app://other/index.html',
      'app://juanzong/missing.js',
      'app://juanzong/%E0%A4%A',
    ]) {
      expect((await serveAppRequest(root, { url, method: 'GET' })).status, url).toBe(404);
    }
    expect(resolveAppFile(root, 'app://juanzong/assets/pdf.worker.mjs')).toBe(
      path.join(root, 'assets', 'pdf.worker.mjs'),
    );
    expect((await serveAppRequest(root, { url: 'app://juanzong/index.html', method: 'POST' })).status).toBe(405);
  });
});
