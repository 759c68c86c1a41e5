/**
 * The programme profiles the app knows: the built-in ones and those the clerk imported. Next year's voucher, or a
 * sibling programme of the same plan, arrives as a profile file (JSON) that the clerk imports — not new code.
 *
 * - `profiles:list` answers every usable profile, newest year first; `builtIn` tells the shipped ones apart.
 * - `profiles:get` answers one whole profile (materials, conditions, dates …) for the window's screens.
 * - `profiles:import` takes the file's text. It is refused, with a message naming the field, when the profile is
 *   invalid (`profile-invalid`); when its id is a built-in one (`profile-builtin`); and when a profile of that id
 *   was imported before with other content (`profile-exists`) unless `replace` is set. Importing the same content
 *   again changes nothing.
 */
import { z } from 'zod';
import { profileSchema } from '../profiles/index.ts';

/** The largest profile file accepted (the 2025 guide's profile is about 30 KB). */
export const profileJsonMaxLength = 1024 * 1024;

export const profileSummary = z.object({
  id: z.string(),
  title: z.string(),
  year: z.number().int(),
  builtIn: z.boolean(),
});

/** The largest guide text accepted for a draft (the 2025 guide is about 12 KB). */
export const guideTextMaxLength = 512 * 1024;

export const draftGap = z.object({ path: z.string(), message: z.string(), placeholder: z.boolean() });

export const profilesContract = {
  'profiles:list': { input: z.object({}).strict(), output: z.array(profileSummary) },
  'profiles:get': { input: z.object({ id: z.string().min(1).max(100) }).strict(), output: profileSchema },
  'profiles:import': {
    input: z
      .object({
        json: z.string().min(1, '方案文件是空的').max(profileJsonMaxLength, '方案文件超过 1 MB，不像是方案文件'),
        replace: z.boolean().default(false),
      })
      .strict(),
    output: profileSummary,
  },
  /** Drafts a profile from a guide's pasted text (as `juanzong profiles draft`): the file's text and the gaps. */
  'profiles:draft': {
    input: z
      .object({
        text: z
          .string()
          .trim()
          .min(1, '请先粘贴申请指南的全文')
          .max(guideTextMaxLength, '粘贴的文字超过 512 KB，不像是一份申请指南'),
      })
      .strict(),
    output: z.object({ json: z.string(), title: z.string(), gaps: z.array(draftGap) }),
  },
} as const;

export type ProfileSummary = z.output<typeof profileSummary>;
export type DraftGapDto = z.output<typeof draftGap>;
