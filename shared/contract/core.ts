/** The channels the core services implement (plain Node: the CLI and the tests run them directly). */
import { z } from 'zod';
import {
  applicant,
  applicantChanges,
  applicantDraft,
  application,
  applicationDraft,
  applicationStatuses,
  attachment,
  recordId,
} from './schemas.ts';

const none = z.object({}).strict();

export const coreContract = {
  'app:info': {
    input: none,
    output: z.object({ version: z.string(), dataDir: z.string(), schemaVersion: z.number().int() }),
  },
  'applicants:list': { input: none, output: z.array(applicant) },
  'applicants:create': { input: applicantDraft, output: applicant },
  'applicants:update': {
    input: z.object({ id: recordId, changes: applicantChanges }).strict(),
    output: applicant,
  },
  'applications:list': {
    input: z.object({ applicantId: recordId.optional() }).strict(),
    output: z.array(application),
  },
  'applications:create': { input: applicationDraft.strict(), output: application },
  'applications:update': {
    input: z
      .object({
        id: recordId,
        changes: z.object({ status: z.enum(applicationStatuses), year: z.number().int() }).partial(),
      })
      .strict(),
    output: application,
  },
  'attachments:list': { input: z.object({ applicationId: recordId }).strict(), output: z.array(attachment) },
  'attachments:add': {
    input: z
      .object({
        applicationId: recordId,
        materialId: z.string().min(1),
        fileName: z.string().min(1).max(255),
        bytes: z.instanceof(Uint8Array),
      })
      .strict(),
    output: attachment,
  },
  'attachments:remove': {
    input: z.object({ id: recordId }).strict(),
    /** `undoToken` for `removals:undo` (shared/contract/removals.ts). */
    output: z.object({ removed: z.boolean(), undoToken: z.string().optional() }),
  },
} as const;
