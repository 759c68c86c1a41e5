/**
 * The application menu, in Chinese. Items that act on data go through the same shell handlers as the window's
 * buttons; the rest are Electron's roles with Chinese labels.
 */
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  printChecklist: () => void;
  revealData: () => void;
  moveData: () => void;
  showLog: () => void;
  about: () => void;
}

/** The menu template for `Menu.buildFromTemplate`; macOS gets its application menu first. */
export function menuTemplate(
  actions: MenuActions,
  platform: NodeJS.Platform,
  isPackaged: boolean,
): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const appMenu: MenuItemConstructorOptions = {
    label: '卷宗',
    submenu: [
      { label: '关于卷宗', click: actions.about },
      { type: 'separator' },
      { role: 'hide', label: '隐藏卷宗' },
      { role: 'hideOthers', label: '隐藏其他' },
      { role: 'unhide', label: '全部显示' },
      { type: 'separator' },
      { role: 'quit', label: '退出卷宗' },
    ],
  };
  const file: MenuItemConstructorOptions = {
    label: '文件',
    submenu: [
      { label: '打印当前页面（材料清单）…', accelerator: 'CmdOrCtrl+P', click: actions.printChecklist },
      { type: 'separator' },
      { label: '打开数据文件夹', click: actions.revealData },
      { label: '移动数据文件夹…', click: actions.moveData },
      ...(mac ? [] : [{ type: 'separator' } as const, { role: 'quit', label: '退出' } as const]),
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: '编辑',
    submenu: [
      { role: 'undo', label: '撤销' },
      { role: 'redo', label: '重做' },
      { type: 'separator' },
      { role: 'cut', label: '剪切' },
      { role: 'copy', label: '复制' },
      { role: 'paste', label: '粘贴' },
      { role: 'selectAll', label: '全选' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: '视图',
    submenu: [
      { role: 'resetZoom', label: '实际大小' },
      { role: 'zoomIn', label: '放大' },
      { role: 'zoomOut', label: '缩小' },
      { type: 'separator' },
      { role: 'togglefullscreen', label: '全屏' },
      ...(isPackaged ? [] : [{ type: 'separator' } as const, { role: 'toggleDevTools', label: '开发者工具' } as const]),
    ],
  };
  const windowMenu: MenuItemConstructorOptions = {
    label: '窗口',
    submenu: [{ role: 'minimize', label: '最小化' }, ...(mac ? [{ role: 'zoom', label: '缩放' } as const] : [])],
  };
  const help: MenuItemConstructorOptions = {
    label: '帮助',
    submenu: [
      { label: '打开日志文件', click: actions.showLog },
      ...(mac ? [] : [{ type: 'separator' } as const, { label: '关于卷宗', click: actions.about }]),
    ],
  };
  return [...(mac ? [appMenu] : []), file, edit, view, windowMenu, help];
}
