/**
 * Shell channels about the files the clerk saved out of Juanzong, and printing the dossier:
 * - `archive:saveAs`: writes the application as a `.juanzong` archive (`archive:export`) and copies it where the
 *   clerk chooses in the save dialog (`suggestedName` proposed, `.juanzong` added). `{savedTo: null}` on cancel.
 * - `profileDraft:saveAs`: saves a profile drafted from a guide (`profiles:draft`, its `json`) where the clerk chooses
 *   in the save dialog (`suggestedName` proposed, `.json` added). `{savedTo: null}` on cancel.
 * - `savedFile:open` / `savedFile:reveal`: opens a file saved in this run (by any of the `…:saveAs` channels)
 *   with the system's program, or shows it in the file manager. Any other path is refused (`not-saved-here`):
 *   the window cannot make the shell open whatever it names.
 * - `dossier:print`: prints the finished dossier of job `jobId` at its actual size (no fitting to the page), asking
 *   for two-sided printing where the printer offers it; where Electron cannot print the PDF, the system's PDF viewer
 *   opens it instead (`{printed: false, openedInViewer: true}`). `{printed: false}` when the clerk cancels.
 */
import { z } from 'zod';
import { jobId } from './dossier.ts';
import { recordId } from './schemas.ts';

/** A file name the clerk may be offered in a save dialog. */
export const fileName = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[^\\/:*?"<>|]+$/, '文件名不能含有 \\ / : * ? " < > | 等字符');
const savedPath = z.object({ path: z.string().min(1).max(4096) }).strict();

export const savedFilesContract = {
  'archive:saveAs': {
    input: z.object({ applicationId: recordId, suggestedName: fileName }).strict(),
    output: z.object({ savedTo: z.string().nullable() }),
  },
  'profileDraft:saveAs': {
    input: z.object({ json: z.string().min(2).max(2_000_000), suggestedName: fileName }).strict(),
    output: z.object({ savedTo: z.string().nullable() }),
  },
  'savedFile:open': { input: savedPath, output: z.object({ opened: z.literal(true) }) },
  'savedFile:reveal': { input: savedPath, output: z.object({ shown: z.literal(true) }) },
  'dossier:print': {
    input: z.object({ jobId }).strict(),
    output: z.object({ printed: z.boolean(), openedInViewer: z.boolean().default(false) }),
  },
} as const;
