import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { channels, type Handlers } from '#shared/contract/index.ts';
import { shellContract } from '#shared/contract/shell.ts';
import { savedFilesContract } from '#shared/contract/saved-files.ts';
import { submissionShellContract } from '#shared/contract/submissions.ts';
import { openServices, type Services } from '../../electron/core/services/index.ts';
import { isTrustedSender, registerIpc } from '../../electron/main/ipc.ts';
import { shellHandlers } from '../../electron/main/shell-handlers.ts';
import { SavedFiles, savedFileHandlers } from '../../electron/main/saved-files.ts';
import { reprintSaveHandlers } from '../../electron/main/reprint-save.ts';
import { fakeIpcMain, frame } from './fake-electron.ts';

type Invoke = (event: unknown, input: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>;

const ours = { senderFrame: frame('app://juanzong/index.html') };

/** Every handler answers which channel it was; none does any work. */
function recordingHandlers() {
  const calls: string[] = [];
  const handlers = Object.fromEntries(
    channels.map((channel) => [channel, (input: unknown) => (calls.push(channel), { channel, input })]),
  ) as unknown as Handlers;
  return { calls, handlers };
}

describe('registerIpc', () => {
  let dir: string;
  let services: Services;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'juanzong-ipc-'));
    services = await openServices({ dataDir: path.join(dir, 'data') });
  });
  afterAll(async () => {
    services.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('binds every channel of the contract to a real handler, core and shell', () => {
    const shell = shellHandlers({
      dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn() },
      shell: { showItemInFolder: vi.fn(), openPath: vi.fn() },
      window: () => null,
      services,
      dossierFile: async (jobId) => path.join(dir, `${jobId}.pdf`),
      documentsDir: dir,
      userData: dir,
      dataDirFromEnv: false,
      relaunch: vi.fn(),
    });
    const savedSide = savedFileHandlers(
      {
        dialog: { showSaveDialog: vi.fn() },
        shell: { showItemInFolder: vi.fn(), openPath: vi.fn() },
        window: () => null,
        documentsDir: dir,
        exportArchive: async () => path.join(dir, 'a.juanzong'),
        dossierFile: async (jobId) => path.join(dir, `${jobId}.pdf`),
        printPdf: async () => 'printed',
      },
      new SavedFiles(),
    );
    expect([...Object.keys(shell), ...Object.keys(savedSide)].sort()).toEqual(
      [...Object.keys(shellContract), ...Object.keys(savedFilesContract)].sort(),
    );
    const reprintSide = reprintSaveHandlers(
      {
        dialog: { showSaveDialog: vi.fn() },
        window: () => null,
        documentsDir: dir,
        makeReprint: async () => ({ path: path.join(dir, 'reprint.pdf'), sheets: 1 }),
      },
      new SavedFiles(),
    );
    expect(Object.keys(reprintSide)).toEqual(Object.keys(submissionShellContract));
    const handlers: Handlers = { ...services.handlers, ...shell, ...savedSide, ...reprintSide };
    for (const channel of channels) expect(typeof handlers[channel], channel).toBe('function');

    const ipcMain = fakeIpcMain();
    const unregister = registerIpc(ipcMain, handlers, isTrustedSender);
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...channels].sort());
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('answers a valid call from our page with the handler’s value', async () => {
    const ipcMain = fakeIpcMain();
    registerIpc(ipcMain, { ...services.handlers } as Handlers, isTrustedSender);
    const created = await (ipcMain.handlers.get('applicants:create') as Invoke)(ours, {
      name: '深圳市示例科技有限公司',
    });
    expect(created).toMatchObject({ ok: true, value: { name: '深圳市示例科技有限公司' } });
    const listed = await (ipcMain.handlers.get('applicants:list') as Invoke)(ours, undefined);
    expect(listed).toMatchObject({ ok: true, value: [{ name: '深圳市示例科技有限公司' }] });
  });

  it('refuses a payload that fails its schema, without calling the handler', async () => {
    const { calls, handlers } = recordingHandlers();
    const ipcMain = fakeIpcMain();
    registerIpc(ipcMain, handlers, isTrustedSender);
    const bad: Array<[string, unknown]> = [
      ['applicants:create', { name: '' }],
      ['applications:create', { applicantId: 1, profileId: 'p', year: 2025, extra: 1 }],
      ['attachments:add', { applicationId: 1, materialId: 'm', fileName: 'a.pdf', bytes: 'not bytes' }],
      ['files:pickAndAttach', { applicationId: -1, materialId: 'm' }],
      ['dossier:saveAs', { jobId: '../../etc/passwd', suggestedName: 'x' }],
      ['dossier:saveAs', { jobId: 'job-1', suggestedName: '../x' }],
      ['dossier:saveAs', { jobId: 'job-1', which: 'everything', suggestedName: 'x' }],
      ['data:moveTo', { to: '/tmp' }],
      ['checklist:print', 'print everything'],
    ];
    for (const [channel, input] of bad) {
      const answer = await (ipcMain.handlers.get(channel) as Invoke)(ours, input);
      expect(answer, `${channel} ${JSON.stringify(input)}`).toMatchObject({
        ok: false,
        error: { code: 'invalid-input' },
      });
    }
    expect(calls).toEqual([]);
  });

  it('refuses a call from a foreign frame, an iframe or a vanished frame', async () => {
    const { calls, handlers } = recordingHandlers();
    const ipcMain = fakeIpcMain();
    registerIpc(ipcMain, handlers, isTrustedSender);
    const foreign = [
      { senderFrame: frame('https://evil.example/index.html') },
      { senderFrame: frame('file:///work/main/out/renderer/index.html') },
      { senderFrame: frame('app://someone-else/index.html') },
      { senderFrame: frame('app://juanzong.evil.example/index.html') },
      { senderFrame: frame('app://juanzong/index.html', frame('app://juanzong/index.html')) },
      { senderFrame: frame('not a url') },
      { senderFrame: null },
    ];
    for (const event of foreign) {
      for (const channel of ['applicants:list', 'data:moveTo'] as const) {
        const answer = await (ipcMain.handlers.get(channel) as Invoke)(event, {});
        expect(answer, JSON.stringify(event)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      }
    }
    expect(calls).toEqual([]);
    await (ipcMain.handlers.get('applicants:list') as Invoke)(ours, {});
    expect(calls).toEqual(['applicants:list']);
  });
});
