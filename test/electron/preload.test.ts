// Builds the Electron bundles with the real build script, then runs the preload bundle the way a sandboxed
// preload runs: one CommonJS file whose only `require` is `electron` (here a stand-in).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { channels, splitChannel } from '#shared/contract/index.ts';

const root = path.resolve(import.meta.dirname, '../..');
const preloadBundle = path.join(root, 'out', 'preload', 'index.cjs');

describe('the preload bundle', () => {
  beforeAll(() => {
    execFileSync(process.execPath, [path.join(root, 'build', 'build-electron.mjs')], { cwd: root, stdio: 'pipe' });
  });

  it('requires nothing but electron', () => {
    const source = readFileSync(preloadBundle, 'utf8');
    const required = new Set([...source.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]));
    expect([...required]).toEqual(['electron']);
  });

  it('exposes one function per channel as window.juanzong, and never ipcRenderer', async () => {
    const exposed = new Map<string, unknown>();
    const invoked: Array<[string, unknown]> = [];
    const ipcRenderer = {
      invoke: (channel: string, input: unknown) => (
        invoked.push([channel, input]),
        Promise.resolve({ ok: true, value: channel })
      ),
    };
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
      ipcRenderer,
    };
    const requested: string[] = [];
    const sandboxRequire = (name: string) => {
      requested.push(name);
      if (name !== 'electron') throw new Error(`a sandboxed preload cannot require ${name}`);
      return electron;
    };
    const module = { exports: {} };
    vm.runInNewContext(readFileSync(preloadBundle, 'utf8'), {
      require: sandboxRequire,
      module,
      exports: module.exports,
    });

    expect([...exposed.keys()]).toEqual(['juanzong']);
    const api = exposed.get('juanzong') as Record<string, Record<string, (input?: unknown) => Promise<unknown>>>;
    const domains = [...new Set(channels.map((c) => splitChannel(c)[0]))].sort();
    expect(Object.keys(api).sort()).toEqual(domains);

    for (const channel of channels) {
      const [domain, verb] = splitChannel(channel);
      expect(typeof api[domain]?.[verb], channel).toBe('function');
    }
    const functionCount = Object.values(api).reduce((n, domain) => n + Object.keys(domain).length, 0);
    expect(functionCount).toBe(channels.length);
    for (const domain of Object.values(api)) {
      for (const fn of Object.values(domain)) expect(fn).not.toBe(ipcRenderer.invoke);
    }

    await expect(api.applicants!.list!()).resolves.toEqual({ ok: true, value: 'applicants:list' });
    await api.files!.pickAndAttach!({ applicationId: 1, materialId: 'licence' });
    expect(invoked).toEqual([
      ['applicants:list', {}],
      ['files:pickAndAttach', { applicationId: 1, materialId: 'licence' }],
    ]);
    expect(requested).toEqual(['electron']);
  });

  it('main is a CommonJS bundle that keeps electron and native modules external', () => {
    const source = readFileSync(path.join(root, 'out', 'main', 'index.cjs'), 'utf8');
    const required = new Set([...source.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]));
    expect(required).toContain('electron');
    expect(required).toContain('better-sqlite3');
    expect(source).not.toMatch(/import\.meta/);
  });
});
