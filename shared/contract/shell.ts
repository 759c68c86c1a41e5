/**
 * The channels only the desktop shell can answer (native dialogs, the file manager, printing). The Electron
 * main process implements them; the end-to-end tests bind stand-ins that act the same without a desktop.
 *
 * The semantics, which a stand-in must keep:
 * - `files:pickAndAttach`: shows the open dialog (several files; PDF and images). Each chosen file is added to the
 *   material through the core (the same checks as `attachments:add`: empty, HEIC and unknown files are refused).
 *   Answers what was added and what was refused, each refused file with the reason; cancelling answers both empty.
 * - `dossier:saveAs`: the finished dossier of job `jobId` (from `dossier:start`), or its checklist when `which` is
 *   `checklist`, is copied to where the clerk chooses in the save dialog (`suggestedName` is proposed, `.pdf`
 *   added), and the file manager shows it. A job that is not done is refused (`job-not-done`, as `dossier:content`).
 *   Answers `{savedTo: null}` when the clerk cancels.
 * - `checklist:print`: prints what the window shows (the renderer shows the checklist first, with its print CSS)
 *   through the system print dialog. Answers `{printed: false}` when the clerk cancels.
 * - `data:reveal`: opens the data folder in the file manager; answers its path.
 * - `data:moveTo`: asks for a folder; copies the data (database and files) into `<chosen>/juanzong`, checks the
 *   copy, and makes it the data folder from the next start; the app then restarts by itself. The old folder is left
 *   as it was (the clerk may delete it). Answers `{movedTo: null}` when the clerk cancels.
 * - `backup:chooseFolder`: asks for a folder and answers it, nothing more: for `export`, where 备份到… writes its
 *   `卷宗备份-…` folder (a USB drive, say); for `import`, such a folder to restore from. The window then calls
 *   `backup:exportTo` / `backup:importFrom` with it. Answers `{folder: null}` when the clerk cancels.
 */
import { z } from 'zod';
import { jobId } from './dossier.ts';
import { attachment, recordId } from './schemas.ts';

const none = z.object({}).strict();

/** A file the core would not take, with the reason in the clerk's words (see `attachments:add`). */
export const refusedFile = z.object({ fileName: z.string(), code: z.string(), message: z.string() });

export const shellContract = {
  'files:pickAndAttach': {
    input: z.object({ applicationId: recordId, materialId: z.string().min(1) }).strict(),
    output: z.object({ added: z.array(attachment), refused: z.array(refusedFile) }),
  },
  'dossier:saveAs': {
    input: z
      .object({
        jobId,
        which: z.enum(['dossier', 'checklist']).default('dossier'),
        suggestedName: z
          .string()
          .trim()
          .min(1)
          .max(200)
          .regex(/^[^\\/:*?"<>|]+$/, '文件名不能含有 \\ / : * ? " < > | 等字符'),
      })
      .strict(),
    output: z.object({ savedTo: z.string().nullable() }),
  },
  'checklist:print': { input: none, output: z.object({ printed: z.boolean() }) },
  'data:reveal': { input: none, output: z.object({ dataDir: z.string() }) },
  'data:moveTo': { input: none, output: z.object({ movedTo: z.string().nullable() }) },
  'backup:chooseFolder': {
    input: z.object({ purpose: z.enum(['export', 'import']) }).strict(),
    output: z.object({ folder: z.string().nullable() }),
  },
} as const;

export type RefusedFile = z.output<typeof refusedFile>;
