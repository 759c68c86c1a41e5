import { existsSync } from 'node:fs';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ShellHandlers } from '#shared/contract/index.ts';
import { UserFacingError } from '#shared/errors.ts';
import { moveDataDir } from '../../../electron/core/data-location.ts';
import { addAttachmentFromPath } from '../../../electron/core/services/attachment-import.ts';
import { dossierOutputPath } from '../../../electron/core/services/dossier-jobs.ts';
import type { Services } from '../../../electron/core/services/index.ts';
import { toApiError } from '#shared/api-error.ts';
import { SavedFiles } from '../../../electron/main/saved-files.ts';

/**
 * The desktop shell as the tests play it: the save dialog "chooses" a Downloads folder, printing is recorded,
 * the open dialog hands over queued paths (files to attach, folders to back up to, restore from or move the data to). Same semantics as `shared/contract/shell.ts` describes.
 */
export class ShellStandIn {
  /** Files the next `files:pickAndAttach` "chooses". */
  queuedPicks: string[] = [];
  readonly printed: number[] = [];
  readonly saved: string[] = [];
  /** Folders the next `backup:chooseFolder` calls "choose", one each; none left is a cancel. */
  queuedFolders: string[] = [];
  /** Jobs whose dossier `dossier:print` sent to the printer. */
  readonly printedDossiers: string[] = [];
  /** Files `savedFile:open` opened, and `savedFile:reveal` showed in the file manager. */
  readonly opened: string[] = [];
  readonly revealed: string[] = [];
  /** What `data:reveal` opened. */
  readonly dataRevealed: string[] = [];
  /** Where `data:moveTo` copied the data; the real shell would restart onto it. */
  readonly dataMoves: string[] = [];
  private readonly savedHere = new SavedFiles();

  constructor(
    private readonly services: () => Services,
    readonly downloadsDir: string,
  ) {}

  readonly handlers: ShellHandlers = {
    'files:pickAndAttach': async ({ applicationId, materialId }) => {
      const picks = this.queuedPicks.splice(0);
      const added = [];
      const refused = [];
      for (const filePath of picks) {
        try {
          added.push(await addAttachmentFromPath(this.services(), { applicationId, materialId, filePath }));
        } catch (error) {
          refused.push({ fileName: path.basename(filePath), ...toApiError(error) });
        }
      }
      return { added, refused };
    },
    'dossier:saveAs': async ({ jobId, which, suggestedName }) => {
      const source = dossierOutputPath(this.services().dataDir, jobId, which);
      if (!existsSync(source)) throw new UserFacingError('job-not-done', '卷宗还没有生成完。请等生成完成后再导出。');
      await mkdir(this.downloadsDir, { recursive: true });
      const target = path.join(this.downloadsDir, `${suggestedName}.pdf`);
      await copyFile(source, target);
      this.saved.push(target);
      this.savedHere.note(target);
      return { savedTo: target };
    },
    'archive:saveAs': async ({ applicationId, suggestedName }) => {
      const { path: source } = await this.services().handlers['archive:export']({ applicationId });
      await mkdir(this.downloadsDir, { recursive: true });
      const target = path.join(this.downloadsDir, `${suggestedName}.juanzong`);
      await copyFile(source, target);
      this.saved.push(target);
      this.savedHere.note(target);
      return { savedTo: target };
    },
    'profileDraft:saveAs': async ({ json, suggestedName }) => {
      await mkdir(this.downloadsDir, { recursive: true });
      const target = path.join(this.downloadsDir, `${suggestedName}.json`);
      await writeFile(target, json, 'utf8');
      this.saved.push(target);
      this.savedHere.note(target);
      return { savedTo: target };
    },
    'reprint:saveAs': async ({ applicationId, jobId, suggestedName }) => {
      const made = await this.services().handlers['submission:reprintPdf']({ applicationId, jobId });
      await mkdir(this.downloadsDir, { recursive: true });
      const target = path.join(this.downloadsDir, `${suggestedName}.pdf`);
      await copyFile(made.path, target);
      this.saved.push(target);
      this.savedHere.note(target);
      return { savedTo: target, sheets: made.sheets };
    },
    'savedFile:open': ({ path: file }) => {
      this.opened.push(this.savedHere.check(file));
      return { opened: true as const };
    },
    'savedFile:reveal': ({ path: file }) => {
      this.revealed.push(this.savedHere.check(file));
      return { shown: true as const };
    },
    'dossier:print': ({ jobId }) => {
      const source = dossierOutputPath(this.services().dataDir, jobId, 'dossier');
      if (!existsSync(source)) throw new UserFacingError('job-not-done', '卷宗还没有生成完。请等生成完成后再打印。');
      this.printedDossiers.push(jobId);
      return { printed: true, openedInViewer: false };
    },
    'checklist:print': () => {
      this.printed.push(Date.now());
      return { printed: true };
    },
    'data:reveal': () => {
      this.dataRevealed.push(this.services().dataDir);
      return { dataDir: this.services().dataDir };
    },
    'data:moveTo': async () => {
      const chosen = this.queuedFolders.shift();
      if (!chosen) return { movedTo: null };
      const services = this.services();
      const userData = path.join(this.downloadsDir, 'user-data');
      await mkdir(userData, { recursive: true });
      const movedTo = await moveDataDir({ db: services.db, from: services.dataDir, chosen, userData });
      this.dataMoves.push(movedTo);
      return { movedTo };
    },
    'backup:chooseFolder': () => ({ folder: this.queuedFolders.shift() ?? null }),
  };
}
