/**
 * The one API between the window and the core. Each channel, named `domain:verb`, has a schema for its input
 * and its output; the main process validates every input against it, the preload exposes one named method
 * per channel (`api.applicants.list(…)`), and the end-to-end tests bind the same channels to the same services.
 */
import { z } from 'zod';
import type { ApiResult } from '../result.ts';
import { applicant, applicantDraft, application, applicationDraft, applicationStatuses, attachment, recordId } from './schemas.ts';

const none = z.object({}).strict();

export const contract = {
  'app:info': {
    input: none,
    output: z.object({ version: z.string(), dataDir: z.string(), schemaVersion: z.number().int() }),
  },
  'applicants:list': { input: none, output: z.array(applicant) },
  'applicants:create': { input: applicantDraft, output: applicant },
  'applicants:update': {
    input: z.object({ id: recordId, changes: applicantDraft.partial() }).strict(),
    output: applicant,
  },
  'applications:list': {
    input: z.object({ applicantId: recordId.optional() }).strict(),
    output: z.array(application),
  },
  'applications:create': { input: applicationDraft.strict(), output: application },
  'applications:update': {
    input: z
      .object({ id: recordId, changes: z.object({ status: z.enum(applicationStatuses), year: z.number().int() }).partial() })
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
  'attachments:remove': { input: z.object({ id: recordId }).strict(), output: z.object({ removed: z.boolean() }) },
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelArgs<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

/** What the core implements: one handler per channel; a missing one is a type error. */
export type Handlers = { [C in Channel]: (input: ChannelArgs<C>) => Promise<ChannelOutput<C>> | ChannelOutput<C> };

type DomainOf<C> = C extends `${infer D}:${string}` ? D : never;
type VerbOf<C, D extends string> = C extends `${D}:${infer V}` ? V : never;

/**
 * What the preload exposes as `window.juanzong`: `juanzong.applicants.create(draft)` and so on, each answering
 * an `ApiResult` (errors travel as values: Electron would strip an Error's fields on the way).
 */
export type BridgeApi = {
  [D in DomainOf<Channel>]: {
    [V in VerbOf<Channel, D>]: (
      input: ChannelInput<`${D}:${V}` & Channel>,
    ) => Promise<ApiResult<ChannelOutput<`${D}:${V}` & Channel>>>;
  };
};

export const channels = Object.keys(contract) as Channel[];

/** Splits `domain:verb`; the preload and the test binding build the same `Api` object with it. */
export function splitChannel(channel: string): [domain: string, verb: string] {
  const [domain, verb] = channel.split(':');
  return [domain ?? '', verb ?? ''];
}

export * from './schemas.ts';
