/**
 * `reprint:saveAs` (shared/contract/submissions.ts): the reprint PDF made by the core, copied where the clerk chooses,
 * and noted as saved in this run so 打开文件 / 打开所在文件夹 may open it.
 */
import path from 'node:path';
import type { BrowserWindow, Dialog } from 'electron';
import type { ShellHandlers } from '#shared/contract/index.ts';
import { copyInto, type SavedFiles } from './saved-files.ts';

export type ReprintSaveChannel = 'reprint:saveAs';

export interface ReprintSaveDeps {
  dialog: Pick<Dialog, 'showSaveDialog'>;
  window: () => BrowserWindow | null;
  documentsDir: string;
  /** `submission:reprintPdf`: writes the reprint PDF in the data folder. */
  makeReprint: (applicationId: number, jobId: string) => Promise<{ path: string; sheets: number }>;
}

export function reprintSaveHandlers(deps: ReprintSaveDeps, saved: SavedFiles): Pick<ShellHandlers, ReprintSaveChannel> {
  return {
    'reprint:saveAs': async ({ applicationId, jobId, suggestedName }) => {
      const made = await deps.makeReprint(applicationId, jobId);
      const options = {
        title: '保存补打 PDF',
        defaultPath: path.join(deps.documentsDir, `${suggestedName.replace(/\.pdf$/i, '')}.pdf`),
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      };
      const win = deps.window();
      const chosen = win ? await deps.dialog.showSaveDialog(win, options) : await deps.dialog.showSaveDialog(options);
      if (chosen.canceled || !chosen.filePath) return { savedTo: null, sheets: made.sheets };
      await copyInto(made.path, chosen.filePath, '补打 PDF ');
      saved.note(chosen.filePath);
      return { savedTo: chosen.filePath, sheets: made.sheets };
    },
  };
}
