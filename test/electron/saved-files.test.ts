import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../electron/core/services/dispatch.ts';
import { SavedFiles, savedFileHandlers, type SavedFileDeps } from '../../electron/main/saved-files.ts';

describe('saved-file shell channels', () => {
  let dir: string;
  let dossier: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'juanzong-saved-files-'));
    dossier = path.join(dir, 'dossier.pdf');
    await writeFile(dossier, '%PDF-1.7\n');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const depsWith = (printPdf: SavedFileDeps['printPdf'], openPath = vi.fn(async () => '')) => ({
    dialog: { showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: path.join(dir, '导出.juanzong') })) },
    shell: { showItemInFolder: vi.fn(), openPath },
    window: () => null,
    documentsDir: dir,
    exportArchive: async () => dossier,
    dossierFile: async () => dossier,
    printPdf,
  });

  it('dossier:print prints at actual size; where Electron cannot, the PDF viewer opens the dossier', async () => {
    const printed = savedFileHandlers(
      depsWith(async () => 'printed'),
      new SavedFiles(),
    );
    expect(await printed['dossier:print']({ jobId: 'a'.repeat(32) })).toEqual({ printed: true, openedInViewer: false });
    const openPath = vi.fn(async () => '');
    const fallback = savedFileHandlers(
      depsWith(async () => 'unavailable', openPath),
      new SavedFiles(),
    );
    expect(await fallback['dossier:print']({ jobId: 'a'.repeat(32) })).toEqual({
      printed: false,
      openedInViewer: true,
    });
    expect(openPath).toHaveBeenCalledWith(dossier);
    const failing = savedFileHandlers(
      depsWith(
        async () => 'unavailable',
        vi.fn(async () => 'no viewer'),
      ),
      new SavedFiles(),
    );
    await expect(failing['dossier:print']({ jobId: 'a'.repeat(32) })).rejects.toThrow(/没能送去打印/);
  });

  it('opens or shows only the files saved in this run', async () => {
    const openPath = vi.fn(async () => '');
    const deps = depsWith(async () => 'printed', openPath);
    const handlers = savedFileHandlers(deps, new SavedFiles());
    const refused = await dispatch(handlers, 'savedFile:open', { path: dossier });
    expect(refused).toMatchObject({ ok: false, error: { code: 'not-saved-here' } });
    const { savedTo } = await handlers['archive:saveAs']({ applicationId: 1, suggestedName: '导出' });
    expect(savedTo).toBe(path.join(dir, '导出.juanzong'));
    expect(await dispatch(handlers, 'savedFile:open', { path: savedTo })).toEqual({
      ok: true,
      value: { opened: true },
    });
    expect(openPath).toHaveBeenCalledWith(savedTo);
    await handlers['savedFile:reveal']({ path: savedTo! });
    expect(deps.shell.showItemInFolder).toHaveBeenCalledWith(savedTo);
  });

  it('profileDraft:saveAs writes the draft where the clerk chose, whole; a damaged draft is refused in Chinese', async () => {
    const target = path.join(dir, '2026年模型券（草稿）.json');
    const deps = {
      ...depsWith(async () => 'printed'),
      dialog: { showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: target })) },
    };
    const handlers = savedFileHandlers(deps, new SavedFiles());
    const json = JSON.stringify({ schemaVersion: 2, title: '2026年模型券' }, null, 2);
    const answer = await dispatch(handlers, 'profileDraft:saveAs', { json, suggestedName: '2026年模型券（草稿）' });
    expect(answer).toEqual({ ok: true, value: { savedTo: target } });
    expect(await readFile(target, 'utf8')).toBe(json);
    expect((await readdir(dir)).filter((f) => f.includes('草稿'))).toEqual([path.basename(target)]);
    await handlers['savedFile:reveal']({ path: target });
    expect(deps.shell.showItemInFolder).toHaveBeenCalledWith(target);

    const cut = await dispatch(handlers, 'profileDraft:saveAs', { json: json.slice(0, 20), suggestedName: '草稿' });
    expect(cut).toMatchObject({
      ok: false,
      error: { code: 'draft-damaged', message: expect.stringContaining('重新点「起草方案」') },
    });

    const cancelled = savedFileHandlers(
      { ...deps, dialog: { showSaveDialog: vi.fn(async () => ({ canceled: true, filePath: '' })) } },
      new SavedFiles(),
    );
    expect(await cancelled['profileDraft:saveAs']({ json, suggestedName: '草稿' })).toEqual({ savedTo: null });
  });

  it('profileDraft:saveAs into a folder that is gone says so, names the file, and leaves nothing', async () => {
    const target = path.join(dir, '不存在的文件夹', '草稿.json');
    const deps = {
      ...depsWith(async () => 'printed'),
      dialog: { showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: target })) },
    };
    const answer = await dispatch(savedFileHandlers(deps, new SavedFiles()), 'profileDraft:saveAs', {
      json: '{}',
      suggestedName: '草稿',
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'save-failed' } });
    expect((answer as { error: { message: string } }).error.message).toContain(`方案草稿没有保存到「${target}」`);
  });
});
