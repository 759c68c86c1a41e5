/**
 * The dossier job: assembling runs in the background; the window starts it, asks how far it is, may cancel it,
 * and reads the finished PDF (and the checklist) for the preview: whole (`dossier:content`, for saving) or a part at a
 * time (`dossier:read`, for the preview: pdf.js asks for the parts of a long dossier it needs to draw a page, so the
 * first page shows without the whole file crossing over first).
 */
import { z } from 'zod';
import { jobStatus } from './workflow.ts';
import { recordId } from './schemas.ts';

/** A job's id: letters, digits and `-` (it names a folder). */
export const jobId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, '卷宗编号格式不对');
const byApplication = z.object({ applicationId: recordId });

export const dossierContract = {
  'dossier:start': { input: byApplication.strict(), output: z.object({ jobId }) },
  'dossier:status': { input: z.object({ jobId }).strict(), output: jobStatus },
  'dossier:cancel': { input: z.object({ jobId }).strict(), output: z.object({ cancelled: z.boolean() }) },
  'dossier:content': {
    input: z.object({ jobId, which: z.enum(['dossier', 'checklist']).default('dossier') }).strict(),
    output: z.object({ bytes: z.instanceof(Uint8Array) }),
  },
  'dossier:read': {
    input: z
      .object({
        jobId,
        which: z.enum(['dossier', 'checklist']).default('dossier'),
        /** Byte offset from 0. */
        from: z.number().int().min(0),
        /** At most 16 MiB a call. */
        length: z
          .number()
          .int()
          .min(1)
          .max(16 * 1024 * 1024),
      })
      .strict(),
    /** The bytes from `from` (fewer at the end of the file) and the file's whole size. */
    output: z.object({ bytes: z.instanceof(Uint8Array), size: z.number().int() }),
  },
} as const;
