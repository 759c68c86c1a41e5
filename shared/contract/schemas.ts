/** The records the API carries, as zod schemas; their TypeScript types are inferred from them. */
import { z } from 'zod';
import { applicantKinds, isoDate } from '../manifest.ts';

const id = z.number().int().positive();
const timestamp = z.string();

export const applicantDraft = z.object({
  name: z.string().trim().min(1, '请填写申报单位名称（与营业执照一致）').max(200),
  creditCode: z.string().trim().toUpperCase().max(18).default(''),
  kind: z.enum(applicantKinds).default('enterprise'),
  registeredIn: z.string().trim().max(100).default(''),
  established: isoDate.nullable().default(null),
  contact: z.string().trim().max(50).default(''),
  phone: z.string().trim().max(50).default(''),
  address: z.string().trim().max(300).default(''),
});

export const applicant = applicantDraft.extend({ id, createdAt: timestamp, updatedAt: timestamp });

export const applicationStatuses = ['draft', 'ready', 'submitted'] as const;

export const applicationDraft = z.object({
  applicantId: id,
  profileId: z.string().min(1),
  year: z.number().int().min(2000).max(2100),
});

export const application = applicationDraft.extend({
  id,
  status: z.enum(applicationStatuses),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const attachment = z.object({
  id,
  applicationId: id,
  materialId: z.string(),
  position: z.number().int(),
  originalName: z.string(),
  sha256: z.string().length(64),
  size: z.number().int().nonnegative(),
  mediaType: z.string(),
  pageCount: z.number().int().nullable(),
  createdAt: timestamp,
});

export type ApplicantDraft = z.input<typeof applicantDraft>;
export type Applicant = z.output<typeof applicant>;
export type ApplicationDraft = z.output<typeof applicationDraft>;
export type Application = z.output<typeof application>;
export type ApplicationStatus = (typeof applicationStatuses)[number];
export type Attachment = z.output<typeof attachment>;
export { id as recordId };
