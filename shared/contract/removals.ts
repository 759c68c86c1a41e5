/**
 * Removing a company (申报单位), an application or an attachment, each undoable: the removal answers an
 * `undoToken`, and `removals:undo` with it writes the removed rows back under their old ids (the stored files stay
 * until the next start-up in any case). A token is good for this run of the app; the window offers 撤销 for ~10 s.
 * `applications:duplicate` (复制为新申请) makes a new application of the same company with the same answers,
 * contract, costs and attachments, status 草稿.
 */
import { z } from 'zod';
import { application, recordId } from './schemas.ts';

export const undoToken = z.string().uuid();

export const removalsContract = {
  'applicants:remove': {
    input: z.object({ id: recordId }).strict(),
    output: z.object({ name: z.string(), applications: z.number().int(), undoToken }),
  },
  'applications:remove': { input: z.object({ id: recordId }).strict(), output: z.object({ undoToken }) },
  'applications:duplicate': { input: z.object({ id: recordId }).strict(), output: application },
  'removals:undo': { input: z.object({ undoToken }).strict(), output: z.object({ restored: z.literal(true) }) },
} as const;
