/**
 * What the clerk can do with a file once it is saved out of Juanzong (see `shared/contract/saved-files.ts`):
 * save an application as a `.juanzong` archive, open or show a saved file, print the dossier. Only paths saved in
 * this run are opened: the window names a path, but the shell opens nothing else.
 */
import { copyFileAtomically, writeAtomically } from '../core/safety/atomic-output.ts';
import path from 'node:path';
import type { BrowserWindow, Dialog, Shell } from 'electron';
import type { ShellHandlers } from '#shared/contract/index.ts';
import { UserFacingError } from '#shared/errors.ts';

export type SavedFileChannel =
  'archive:saveAs' | 'profileDraft:saveAs' | 'savedFile:open' | 'savedFile:reveal' | 'dossier:print';

/** How printing a PDF went: printed, cancelled in the dialog, or not possible here (then the viewer opens it). */
export type PdfPrintOutcome = 'printed' | 'cancelled' | 'unavailable';

export interface SavedFileDeps {
  dialog: Pick<Dialog, 'showSaveDialog'>;
  shell: Pick<Shell, 'showItemInFolder' | 'openPath'>;
  window: () => BrowserWindow | null;
  documentsDir: string;
  /** Writes the application's archive into the data folder and answers its path (`archive:export`). */
  exportArchive: (applicationId: number) => Promise<string>;
  dossierFile: (jobId: string, which: 'dossier' | 'checklist') => Promise<string>;
  printPdf: (file: string) => Promise<PdfPrintOutcome>;
}

/** The files saved out in this run, by their full path. */
export class SavedFiles {
  private readonly paths = new Set<string>();
  readonly note = (file: string) => void this.paths.add(path.resolve(file));

  check(file: string): string {
    const full = path.resolve(file);
    if (!this.paths.has(full)) {
      throw new UserFacingError(
        'not-saved-here',
        `「${path.basename(file)}」不是卷宗这次保存的文件，卷宗不会打开它。请在文件管理器中找到它后自己打开。`,
      );
    }
    return full;
  }
}

/** Copies through a `.part` file, so a failed copy leaves no half file under the chosen name; `what` starts the message. */
export function copyInto(source: string, target: string, what = ''): Promise<void> {
  return savingTo(target, what, () => copyFileAtomically(source, target));
}

/** Runs `save`; a failure is said in the clerk's words, naming the file and what to do. */
async function savingTo(target: string, what: string, save: () => Promise<void>): Promise<void> {
  try {
    await save();
  } catch (error) {
    const detail = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UserFacingError(
      'save-failed',
      `${what}没有保存到「${target}」（${detail}）。请换一个位置，或确认该文件没有在其他程序中打开。`,
    );
  }
}

export function savedFileHandlers(deps: SavedFileDeps, saved: SavedFiles): Pick<ShellHandlers, SavedFileChannel> {
  const { dialog, shell } = deps;
  return {
    'archive:saveAs': async ({ applicationId, suggestedName }) => {
      const source = await deps.exportArchive(applicationId);
      const options = {
        title: '导出申报项目',
        defaultPath: path.join(deps.documentsDir, `${suggestedName.replace(/\.juanzong$/i, '')}.juanzong`),
        filters: [{ name: '卷宗申报项目', extensions: ['juanzong'] }],
      };
      const win = deps.window();
      const chosen = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      if (chosen.canceled || !chosen.filePath) return { savedTo: null };
      await copyInto(source, chosen.filePath, '申报项目');
      saved.note(chosen.filePath);
      return { savedTo: chosen.filePath };
    },
    'profileDraft:saveAs': async ({ json, suggestedName }) => {
      if (!isJsonObject(json))
        throw new UserFacingError('draft-damaged', '方案草稿不完整，没有保存。请重新点「起草方案」，再保存方案文件。');
      const options = {
        title: '保存申报方案草稿',
        defaultPath: path.join(deps.documentsDir, `${suggestedName.replace(/\.json$/i, '')}.json`),
        filters: [{ name: '申报方案（JSON）', extensions: ['json'] }],
      };
      const win = deps.window();
      const chosen = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      if (chosen.canceled || !chosen.filePath) return { savedTo: null };
      const target = chosen.filePath;
      await savingTo(target, '方案草稿', () => writeAtomically(target, (file) => file.writeFile(json, 'utf8')));
      saved.note(target);
      return { savedTo: target };
    },
    'savedFile:open': async ({ path: file }) => {
      const failure = await shell.openPath(saved.check(file));
      if (failure) throw new UserFacingError('open-failed', `无法打开「${path.basename(file)}」：${failure}`);
      return { opened: true as const };
    },
    'savedFile:reveal': ({ path: file }) => {
      shell.showItemInFolder(saved.check(file));
      return { shown: true as const };
    },
    'dossier:print': async ({ jobId }) => {
      const file = await deps.dossierFile(jobId, 'dossier');
      const outcome = await deps.printPdf(file).catch(() => 'unavailable' as const);
      if (outcome !== 'unavailable') return { printed: outcome === 'printed', openedInViewer: false };
      const failure = await shell.openPath(file);
      if (failure) {
        throw new UserFacingError(
          'print-failed',
          `卷宗没能送去打印，也没能用看图软件打开（${failure}）。请先「保存卷宗」，再用 PDF 阅读器打开打印。`,
        );
      }
      return { printed: false, openedInViewer: true };
    },
  };
}

function isJsonObject(text: string): boolean {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
  } catch {
    return false;
  }
}
