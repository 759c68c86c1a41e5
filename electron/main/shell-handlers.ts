/**
 * The shell channels (see `shared/contract/shell.ts` for what each one promises): native dialogs, the file
 * manager, printing, moving the data folder. The Electron objects come in as arguments, so the tests hand in
 * stand-ins; the work itself (adding files, copying data) is done by plain-Node code.
 */
import { access } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserWindow, Dialog, Shell } from 'electron';
import type { ShellHandlers } from '#shared/contract/index.ts';
import type { RefusedFile } from '#shared/contract/shell.ts';
import type { Attachment } from '#shared/contract/index.ts';
import { UserFacingError } from '#shared/errors.ts';
import { acceptedExtensions } from '#shared/file-kinds.ts';
import { addAttachmentFromPath } from '../core/services/attachment-import.ts';
import { toApiError } from '#shared/api-error.ts';
import type { Services } from '../core/services/index.ts';
import { moveDataDir } from '../core/data-location.ts';
import { chooseBackupFolder } from './backup-folder-dialog.ts';
import { copyInto, type SavedFileChannel } from './saved-files.ts';
import type { ReprintSaveChannel } from './reprint-save.ts';

export interface ShellDeps {
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;
  shell: Pick<Shell, 'showItemInFolder' | 'openPath'>;
  /** The main window: parent of the dialogs, and what `checklist:print` prints. */
  window: () => Pick<BrowserWindow, 'webContents'> | null;
  services: Pick<Services, 'db' | 'store' | 'dataDir' | 'version' | 'now' | 'lock' | 'inspections'>;
  /** The finished file of a dossier job; throws (`job-not-done`, `job-unknown`) when there is none yet. */
  dossierFile: (jobId: string, which: 'dossier' | 'checklist') => Promise<string>;
  /** Suggested folder of the save dialog (the clerk's Documents). */
  documentsDir: string;
  userData: string;
  nativeBinding?: string;
  /** True when `$JUANZONG_DATA` chose the data folder: then it cannot be moved from the window. */
  dataDirFromEnv: boolean;
  /** Restarts the app (after the data folder moved). */
  relaunch: () => void;
  /** Told of every file saved out (so `savedFile:open` may open it). */
  onSaved?: (file: string) => void;
}

/** The open dialog offers what the dossier takes: the shared table's extensions. */
export const attachableExtensions = [...acceptedExtensions];

function withPdfExtension(name: string): string {
  return /\.pdf$/i.test(name) ? name : `${name}.pdf`;
}

function printWindow(contents: BrowserWindow['webContents']): Promise<boolean> {
  return new Promise((resolve, reject) => {
    contents.print({ silent: false, printBackground: true }, (success, failureReason) => {
      if (success) resolve(true);
      else if (/cancel/i.test(failureReason)) resolve(false);
      else
        reject(
          new UserFacingError('print-failed', `打印没有成功（${failureReason}）。请检查打印机是否连接、有纸后再试。`),
        );
    });
  });
}

/** Builds the handlers of every shell channel; a missing one is a type error. */
export function shellHandlers(deps: ShellDeps): Omit<ShellHandlers, SavedFileChannel | ReprintSaveChannel> {
  const { dialog, shell, services } = deps;
  const parent = () => deps.window() as BrowserWindow | null;

  return {
    'files:pickAndAttach': async ({ applicationId, materialId }) => {
      const options = {
        title: '添加材料',
        buttonLabel: '添加',
        properties: ['openFile', 'multiSelections'] as Array<'openFile' | 'multiSelections'>,
        filters: [
          { name: 'PDF 和图片', extensions: attachableExtensions },
          { name: '所有文件', extensions: ['*'] },
        ],
      };
      const win = parent();
      const chosen = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      const added: Attachment[] = [];
      const refused: RefusedFile[] = [];
      if (chosen.canceled) return { added, refused };
      for (const filePath of chosen.filePaths) {
        try {
          added.push(await addAttachmentFromPath(services, { applicationId, materialId, filePath }));
        } catch (error) {
          if (error instanceof UserFacingError && error.code === 'not-found') throw error;
          refused.push({ fileName: path.basename(filePath), ...toApiError(error) });
        }
      }
      return { added, refused };
    },

    'dossier:saveAs': async ({ jobId, which, suggestedName }) => {
      const source = await deps.dossierFile(jobId, which);
      await access(source).catch(() => {
        throw new UserFacingError('not-found', '找不到这份已生成的卷宗，它可能已被清理。请重新生成后再保存。');
      });
      const options = {
        title: which === 'dossier' ? '保存卷宗' : '保存材料清单',
        defaultPath: path.join(deps.documentsDir, withPdfExtension(suggestedName)),
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      };
      const win = parent();
      const chosen = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      if (chosen.canceled || !chosen.filePath) return { savedTo: null };
      const target = chosen.filePath;
      await copyInto(source, target, '卷宗');
      deps.onSaved?.(target);
      shell.showItemInFolder(target);
      return { savedTo: target };
    },

    'checklist:print': async () => {
      const win = deps.window();
      if (!win) throw new UserFacingError('no-window', '没有可打印的窗口。');
      return { printed: await printWindow(win.webContents) };
    },

    'data:reveal': async () => {
      const failure = await shell.openPath(services.dataDir);
      if (failure) throw new UserFacingError('reveal-failed', `无法打开数据文件夹「${services.dataDir}」：${failure}`);
      return { dataDir: services.dataDir };
    },

    'data:moveTo': async () => {
      if (deps.dataDirFromEnv) {
        throw new UserFacingError(
          'data-dir-fixed',
          '数据文件夹由环境变量 JUANZONG_DATA 指定，不能在这里移动。请修改该变量。',
        );
      }
      const options = {
        title: '选择新的数据位置（将在其中建立“juanzong”文件夹）',
        buttonLabel: '移到这里',
        properties: ['openDirectory', 'createDirectory'] as Array<'openDirectory' | 'createDirectory'>,
      };
      const win = parent();
      const chosen = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      const folder = chosen.filePaths[0];
      if (chosen.canceled || !folder) return { movedTo: null };
      const movedTo = await moveDataDir({
        db: services.db,
        from: services.dataDir,
        chosen: folder,
        userData: deps.userData,
        ...(deps.nativeBinding ? { nativeBinding: deps.nativeBinding } : {}),
      });
      // Anything written from now on would stay behind in the old folder: restart onto the new one at once.
      setTimeout(deps.relaunch, 500);
      return { movedTo };
    },

    'backup:chooseFolder': chooseBackupFolder(dialog, parent),
  };
}
