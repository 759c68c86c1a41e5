/** The records the API carries, as zod schemas; their TypeScript types are inferred from them. */
import { z } from 'zod';
import { applicantKinds, isoDate } from '../manifest.ts';
import { toHalfWidth } from '../half-width.ts';
import { visibleText } from './visible-text.ts';

const id = z.number().int().positive();
const timestamp = z.string();

/** An applicant's fields as the API (and an imported archive) must give them. */
export const applicantFields = {
  name: visibleText(
    z.string().trim().min(1, '请填写申报单位名称（与营业执照一致）').max(200, '申报单位名称最多 200 个字'),
    '申报单位名称',
  ),
  // A Chinese IME types full-width letters and digits (９１４４…): stored as the ASCII the code is.
  creditCode: visibleText(
    z.string().overwrite(toHalfWidth).trim().toUpperCase().max(18, '统一社会信用代码是 18 位，请核对营业执照'),
    '统一社会信用代码',
  ),
  kind: z.enum(applicantKinds),
  registeredIn: visibleText(z.string().trim().max(100), '注册地'),
  established: isoDate.nullable(),
  contact: visibleText(z.string().trim().max(50), '联系人'),
  phone: visibleText(z.string().trim().max(50), '联系电话'),
  address: visibleText(z.string().trim().max(300), '地址'),
};

/** A new applicant: only the name is needed at first; the rest is filled in as the clerk goes. */
export const applicantDraft = z.object({
  ...applicantFields,
  creditCode: applicantFields.creditCode.default(''),
  kind: applicantFields.kind.default('enterprise'),
  registeredIn: applicantFields.registeredIn.default(''),
  established: applicantFields.established.default(null),
  contact: applicantFields.contact.default(''),
  phone: applicantFields.phone.default(''),
  address: applicantFields.address.default(''),
});

/** Changes to an applicant: only the fields given are touched (no defaults, or a change would blank the rest). */
export const applicantChanges = z.object(applicantFields).partial().strict();

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

/**
 * Something the paper copy of a file does differently from the file on screen, told on the material's card:
 * review markup left out (or kept), what paper cannot carry (attachments, signatures, links, scripts, media),
 * a seal mark moved off the ink of the page.
 */
export const contentNoticeCodes = [
  'markup-removed',
  'markup-kept',
  'attachments-left-out',
  'signatures-left-out',
  'links-left-out',
  'scripts-left-out',
  'media-left-out',
  'seal-moved',
] as const;
export const contentNotice = z.object({
  code: z.enum(contentNoticeCodes),
  count: z.number().int().nonnegative(),
  /** In the clerk's words: what was done and, where something is needed, what to do. */
  message: z.string(),
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
  /** Print the file's review markup (the clerk's switch; left out by default). */
  keepMarkup: z.boolean(),
  /** What the file's paper copy leaves out, found when it was attached. */
  notices: z.array(contentNotice),
});

export type ApplicantDraft = z.input<typeof applicantDraft>;
export type Applicant = z.output<typeof applicant>;
export type ApplicationDraft = z.output<typeof applicationDraft>;
export type Application = z.output<typeof application>;
export type ApplicationStatus = (typeof applicationStatuses)[number];
export type Attachment = z.output<typeof attachment>;
export type ContentNotice = z.output<typeof contentNotice>;
export { id as recordId };
