/**
 * The 示例 application (shared/sample.ts): made on request for a clerk who has no company yet, from materials the
 * core draws itself, and removed again in one step.
 */
import { z } from 'zod';
import { application } from './schemas.ts';

const none = z.object({}).strict();

export const sampleContract = {
  /** Makes the sample company and its application (or answers the one already there). */
  'sample:create': { input: none, output: z.object({ application, created: z.boolean() }) },
  /** Deletes the sample company with its application and files; answers how many sample companies went. */
  'sample:remove': { input: none, output: z.object({ removed: z.number().int().nonnegative() }) },
} as const;
