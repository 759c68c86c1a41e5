/**
 * The one main window: secure webPreferences, size and position remembered, shown once its first paint is ready,
 * loading the renderer from `app://juanzong/`.
 */
import type { BrowserWindow, BrowserWindowConstructorOptions, Rectangle } from 'electron';
import { appUrl, guardWebContents, secureWebPreferences } from './security.ts';
import { loadWindowState, rememberWindowState, windowBounds } from './window-state.ts';

export interface MainWindowOptions {
  preload: string;
  stateFile: string;
  workAreas: Rectangle[];
  icon?: string;
}

/** Everything `new BrowserWindow` is given; exported so the tests can check it. */
export function mainWindowOptions(options: MainWindowOptions): BrowserWindowConstructorOptions {
  const state = loadWindowState(options.stateFile, options.workAreas);
  return {
    ...windowBounds(state),
    title: '卷宗',
    show: false,
    backgroundColor: '#f7f6f2',
    autoHideMenuBar: false,
    ...(options.icon ? { icon: options.icon } : {}),
    webPreferences: secureWebPreferences(options.preload),
  };
}

/**
 * Creates and loads the main window with the given constructor (Electron's `BrowserWindow`, or a stand-in).
 *
 * @example
 * const win = await createMainWindow(BrowserWindow, { preload, stateFile, workAreas });
 */
export async function createMainWindow(
  Window: new (options: BrowserWindowConstructorOptions) => BrowserWindow,
  options: MainWindowOptions,
): Promise<BrowserWindow> {
  const state = loadWindowState(options.stateFile, options.workAreas);
  const win = new Window(mainWindowOptions(options));
  guardWebContents(win.webContents);
  rememberWindowState(win, options.stateFile);
  win.once('ready-to-show', () => {
    if (state.maximized) win.maximize();
    win.show();
  });
  await win.loadURL(appUrl());
  return win;
}
