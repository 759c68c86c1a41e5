/**
 * The one API between the window and the rest of the app. Each channel, named `domain:verb`, has a schema for its
 * input and its output; the main process validates every input against it, the preload exposes one named method
 * per channel (`juanzong.applicants.list(…)`), and the end-to-end tests bind the same channels to the same services.
 */
import type { z } from 'zod';
import type { ApiResult } from '../result.ts';
import { coreContract } from './core.ts';
import { dossierContract } from './dossier.ts';
import { shellContract } from './shell.ts';
import { workflowContract } from './workflow.ts';
import { safetyContract } from './safety.ts';
import { profilesContract } from './profiles.ts';
import { sampleContract } from './sample.ts';
import { pagesContract } from './pages.ts';
import { removalsContract } from './removals.ts';
import { savedFilesContract } from './saved-files.ts';
import { submissionShellContract, submissionsContract } from './submissions.ts';

/** Every channel the core services answer. */
export const coreContracts = {
  ...coreContract,
  ...workflowContract,
  ...dossierContract,
  ...safetyContract,
  ...profilesContract,
  ...sampleContract,
  ...pagesContract,
  ...removalsContract,
  ...submissionsContract,
} as const;
export const contract = {
  ...coreContracts,
  ...shellContract,
  ...savedFilesContract,
  ...submissionShellContract,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type CoreChannel = keyof typeof coreContracts;
export type ShellChannel = Exclude<Channel, CoreChannel>;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelArgs<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

type HandlerMap<K extends Channel> = {
  [C in K]: (input: ChannelArgs<C>) => Promise<ChannelOutput<C>> | ChannelOutput<C>;
};
/** What the core services implement: one handler per core channel; a missing one is a type error. */
export type CoreHandlers = HandlerMap<CoreChannel>;
/** What the desktop shell (or a test's stand-in for it) implements. */
export type ShellHandlers = HandlerMap<ShellChannel>;
export type Handlers = CoreHandlers & ShellHandlers;

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

/** Splits `domain:verb`; the preload and the test binding build the same `BridgeApi` object with it. */
export function splitChannel(channel: string): [domain: string, verb: string] {
  const [domain, verb] = channel.split(':');
  return [domain ?? '', verb ?? ''];
}

export * from './schemas.ts';
export type * from './workflow.ts';
export type * from './pages.ts';
export type * from './submissions.ts';
