import { mkdtemp, rm, writeFile } from 'node:fs/promises';
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
});
