/**
 * Prints a PDF through Chromium's own viewer in a hidden window: the system print dialog, actual size (scale 100,
 * no fitting), two-sided along the long edge where the printer offers it. The window lives in a session of its
 * own, with nothing but the one file loaded.
 */
import { pathToFileURL } from 'node:url';
import type { BrowserWindow as Window } from 'electron';
import type { PdfPrintOutcome } from './saved-files.ts';

type WindowClass = new (options: Electron.BrowserWindowConstructorOptions) => Window;

export async function printPdfInHiddenWindow(BrowserWindow: WindowClass, file: string): Promise<PdfPrintOutcome> {
  const win = new BrowserWindow({
    show: false,
    webPreferences: {
      partition: 'juanzong-print',
      plugins: true,
      sandbox: true,
      contextIsolation: true,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  try {
    await win.loadURL(pathToFileURL(file).href);
    return await new Promise<PdfPrintOutcome>((resolve) => {
      win.webContents.print(
        { silent: false, printBackground: true, scaleFactor: 100, duplexMode: 'longEdge' },
        (success, reason) => resolve(success ? 'printed' : /cancel/i.test(reason) ? 'cancelled' : 'unavailable'),
      );
    });
  } catch {
    return 'unavailable';
  } finally {
    win.destroy();
  }
}
