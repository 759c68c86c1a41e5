import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Handlers } from '#shared/contract/index.ts';
import { dispatch } from '../../electron/core/services/dispatch.ts';
import { openServices, type Services } from '../../electron/core/services/index.ts';
import { pointerFileName, resolveDataDir } from '../../electron/core/paths.ts';
import { shellHandlers, type ShellDeps } from '../../electron/main/shell-handlers.ts';
import { FakeWebContents } from './fake-electron.ts';

import { ghostscriptPdf } from '../helpers/make-pdf.ts';

// A real one-page PDF made by Ghostscript: attachments are opened as the assembler will read them.
let pdf: Buffer;
beforeAll(async () => {
  const made = await mkdtemp(path.join(os.tmpdir(), 'juanzong-shell-pdf-'));
  pdf = await readFile(await ghostscriptPdf(made, 'licence.pdf', 'LICENCE', 1));
  await rm(made, { recursive: true, force: true });
});

describe('shell channels', () => {
  let dir: string;
  let services: Services;
  let applicationId: number;
  let deps: ShellDeps;
  let contents: FakeWebContents;
  const dialog = { showOpenDialog: vi.fn(), showSaveDialog: vi.fn() };
  const shell = { showItemInFolder: vi.fn(), openPath: vi.fn() };
  const relaunch = vi.fn();

  const call = async (channel: string, input: unknown) => {
    const answer = await dispatch({ ...services.handlers, ...shellHandlers(deps) } as Handlers, channel, input);
    return answer as { ok: boolean; value?: Record<string, unknown>; error?: { code: string; message: string } };
  };

  beforeEach(async () => {
    vi.resetAllMocks();
    dir = await mkdtemp(path.join(os.tmpdir(), 'juanzong-shell-'));
    services = await openServices({ dataDir: path.join(dir, 'data') });
    const applicant = await services.handlers['applicants:create']({
      name: '深圳市示例科技有限公司',
      creditCode: '',
      kind: 'enterprise',
      registeredIn: '',
      established: null,
      contact: '',
      phone: '',
      address: '',
    });
    const application = await services.handlers['applications:create']({
      applicantId: applicant.id,
      profileId: 'sz-model-voucher-2025',
      year: 2025,
    });
    applicationId = application.id;
    contents = new FakeWebContents();
    deps = {
      dialog,
      shell,
      window: () => ({ webContents: contents }) as never,
      services,
      dossierFile: async (jobId, which) => {
        if (jobId !== 'job-1') throw Object.assign(new Error('x'), { userFacing: true, code: 'job-unknown' });
        return path.join(dir, 'dossiers', jobId, `${which}.pdf`);
      },
      documentsDir: path.join(dir, 'Documents'),
      userData: path.join(dir, 'userData'),
      dataDirFromEnv: false,
      relaunch,
    };
    await mkdir(deps.userData, { recursive: true });
  });
  afterEach(async () => {
    services.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('files:pickAndAttach adds the chosen files through the core and names the refused ones', async () => {
    await writeFile(path.join(dir, '营业执照.pdf'), pdf);
    await writeFile(path.join(dir, 'empty.pdf'), '');
    await writeFile(path.join(dir, 'notes.txt'), 'hello');
    dialog.showOpenDialog.mockResolvedValue({
      canceled: false,
      filePaths: [
        path.join(dir, '营业执照.pdf'),
        path.join(dir, 'empty.pdf'),
        path.join(dir, 'notes.txt'),
        path.join(dir, 'gone.pdf'),
      ],
    });
    const answer = await call('files:pickAndAttach', { applicationId, materialId: 'business-licence' });
    expect(answer.ok).toBe(true);
    expect(answer.value?.added).toMatchObject([
      { originalName: '营业执照.pdf', mediaType: 'application/pdf', size: pdf.length },
    ]);
    expect(
      (answer.value?.refused as Array<{ fileName: string; code: string }>).map((r) => [r.fileName, r.code]),
    ).toEqual([
      ['empty.pdf', 'file-empty'],
      ['notes.txt', 'file-kind'],
      ['gone.pdf', 'file-missing'],
    ]);
    const [, options] = dialog.showOpenDialog.mock.calls[0]!;
    expect(options.properties).toEqual(['openFile', 'multiSelections']);
    expect(options.filters[0].extensions).toContain('pdf');
    const listed = await services.handlers['attachments:list']({ applicationId });
    expect(listed).toHaveLength(1);
    expect(await services.store.read(listed[0]!.sha256)).toEqual(pdf);
  });

  it('files:pickAndAttach: cancelling adds nothing; an unknown application is refused', async () => {
    dialog.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    expect(await call('files:pickAndAttach', { applicationId, materialId: 'm' })).toEqual({
      ok: true,
      value: { added: [], refused: [] },
    });
    await writeFile(path.join(dir, 'a.pdf'), pdf);
    dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [path.join(dir, 'a.pdf')] });
    expect(await call('files:pickAndAttach', { applicationId: 999, materialId: 'm' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('dossier:saveAs copies the finished dossier where the clerk chose and shows it', async () => {
    await mkdir(path.join(dir, 'dossiers', 'job-1'), { recursive: true });
    await writeFile(path.join(dir, 'dossiers', 'job-1', 'dossier.pdf'), pdf);
    const target = path.join(dir, 'out', '模型券申报材料.pdf');
    await mkdir(path.dirname(target));
    dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    const answer = await call('dossier:saveAs', { jobId: 'job-1', suggestedName: '模型券申报材料' });
    expect(answer).toEqual({ ok: true, value: { savedTo: target } });
    expect(await readFile(target)).toEqual(pdf);
    expect(await readdir(path.dirname(target))).toEqual(['模型券申报材料.pdf']);
    expect(shell.showItemInFolder).toHaveBeenCalledWith(target);
    expect(dialog.showSaveDialog.mock.calls[0]![1].defaultPath).toBe(
      path.join(deps.documentsDir, '模型券申报材料.pdf'),
    );

    dialog.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' });
    expect(await call('dossier:saveAs', { jobId: 'job-1', suggestedName: 'x' })).toEqual({
      ok: true,
      value: { savedTo: null },
    });
    expect(await call('dossier:saveAs', { jobId: 'job-2', suggestedName: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'job-unknown' },
    });
    expect(await call('dossier:saveAs', { jobId: 'job-1', which: 'checklist', suggestedName: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });

    // A folder removed while the dialog was open: the clerk is told where, in Chinese, and nothing is left behind.
    const gone = path.join(dir, 'gone', '模型券申报材料.pdf');
    dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: gone });
    const failed = await call('dossier:saveAs', { jobId: 'job-1', suggestedName: 'x' });
    expect(failed).toMatchObject({ ok: false, error: { code: 'save-failed' } });
    expect(failed.error!.message).toContain(`卷宗没有保存到「${gone}」`);
    expect(existsSync(path.dirname(gone))).toBe(false);
  });

  it('checklist:print prints the window, and tells a cancel from a failure', async () => {
    expect(await call('checklist:print', {})).toEqual({ ok: true, value: { printed: true } });
    expect(contents.printed).toEqual([{ silent: false, printBackground: true }]);
    contents.printResult = [false, 'cancelled'];
    expect(await call('checklist:print', {})).toEqual({ ok: true, value: { printed: false } });
    contents.printResult = [false, 'failed'];
    expect(await call('checklist:print', {})).toMatchObject({ ok: false, error: { code: 'print-failed' } });
  });

  it('data:reveal opens the data folder (openPath, never openExternal)', async () => {
    shell.openPath.mockResolvedValue('');
    expect(await call('data:reveal', {})).toEqual({ ok: true, value: { dataDir: services.dataDir } });
    expect(shell.openPath).toHaveBeenCalledWith(services.dataDir);
  });

  it('data:moveTo copies database and files, checks them, points the next start there, and restarts', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      await writeFile(path.join(dir, 'a.pdf'), pdf);
      dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [path.join(dir, 'a.pdf')] });
      await call('files:pickAndAttach', { applicationId, materialId: 'm' });
      await mkdir(path.join(services.dataDir, 'backups'), { recursive: true });
      await writeFile(path.join(services.dataDir, 'backups', 'daily-1.sqlite3'), 'a backup');
      const chosen = path.join(dir, 'D-drive');
      await mkdir(chosen);
      dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [chosen] });
      const answer = await call('data:moveTo', {});
      const target = path.join(chosen, 'juanzong');
      expect(answer).toEqual({ ok: true, value: { movedTo: target } });
      expect(await resolveDataDir(deps.userData, {})).toBe(target);
      expect(relaunch).not.toHaveBeenCalled();
      vi.advanceTimersByTime(1000);
      expect(relaunch).toHaveBeenCalledOnce();

      // The copy opens as a working data folder with the same records and files.
      const moved = await openServices({ dataDir: target });
      try {
        const [attachment] = await moved.handlers['attachments:list']({ applicationId });
        expect(await moved.store.read(attachment!.sha256)).toEqual(pdf);
      } finally {
        moved.close();
      }
      expect(await readFile(path.join(target, 'backups', 'daily-1.sqlite3'), 'utf8')).toBe('a backup');
      // The old folder is left as it was.
      expect(existsSync(path.join(services.dataDir, 'juanzong.sqlite3'))).toBe(true);

      // A folder that is not empty is refused, and nothing is switched.
      dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [chosen] });
      expect(await call('data:moveTo', {})).toMatchObject({ ok: false, error: { code: 'data-move-exists' } });
    } finally {
      vi.useRealTimers();
    }
  });

  it('data:moveTo: cancel changes nothing; inside the data folder or with $JUANZONG_DATA is refused', async () => {
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await call('data:moveTo', {})).toEqual({ ok: true, value: { movedTo: null } });
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [services.dataDir] });
    expect(await call('data:moveTo', {})).toMatchObject({ ok: false, error: { code: 'data-move-inside' } });
    deps.dataDirFromEnv = true;
    expect(await call('data:moveTo', {})).toMatchObject({ ok: false, error: { code: 'data-dir-fixed' } });
    expect(existsSync(path.join(deps.userData, pointerFileName))).toBe(false);
    expect(await resolveDataDir(deps.userData, {})).toBe(deps.userData);
    expect(await resolveDataDir(deps.userData, { JUANZONG_DATA: dir })).toBe(dir);
  });

  it('backup:chooseFolder asks for a folder in the window and answers it; a cancel answers null', async () => {
    const usb = path.join(dir, 'usb');
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [usb] });
    expect(await call('backup:chooseFolder', { purpose: 'export' })).toEqual({ ok: true, value: { folder: usb } });
    const [parent, options] = dialog.showOpenDialog.mock.calls[0]!;
    expect(parent).toBeTruthy();
    expect(options).toMatchObject({ buttonLabel: '备份到这里', properties: ['openDirectory', 'createDirectory'] });

    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await call('backup:chooseFolder', { purpose: 'import' })).toEqual({ ok: true, value: { folder: null } });
    expect(dialog.showOpenDialog.mock.calls[1]![1]).toMatchObject({ buttonLabel: '从这个备份恢复' });
    expect(await call('backup:chooseFolder', { purpose: 'elsewhere' })).toMatchObject({ ok: false });
  });
});
