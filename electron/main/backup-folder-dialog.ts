/** The folder dialog of 备份到… and 从备份恢复… (`backup:chooseFolder`): it only asks; the core does the work. */
import type { BrowserWindow, Dialog, OpenDialogOptions } from 'electron';
import type { ShellHandlers } from '#shared/contract/index.ts';

const dialogOptions: Record<'export' | 'import', OpenDialogOptions> = {
  export: {
    title: '选择备份位置（例如 U 盘），卷宗会在其中建立「卷宗备份-…」文件夹',
    buttonLabel: '备份到这里',
    properties: ['openDirectory', 'createDirectory'],
  },
  import: {
    title: '选择用「备份到…」做出的「卷宗备份-…」文件夹',
    buttonLabel: '从这个备份恢复',
    properties: ['openDirectory'],
  },
};

export function chooseBackupFolder(
  dialog: Pick<Dialog, 'showOpenDialog'>,
  parent: () => BrowserWindow | null,
): ShellHandlers['backup:chooseFolder'] {
  return async ({ purpose }) => {
    const options = dialogOptions[purpose];
    const win = parent();
    const chosen = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    const folder = chosen.filePaths[0];
    return { folder: chosen.canceled || !folder ? null : folder };
  };
}
