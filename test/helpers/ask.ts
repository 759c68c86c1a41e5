/** Calling the core's services as the window does: through `dispatch`, with the contract's validation. */
import { setTimeout as sleep } from 'node:timers/promises';
import type { JobStatus } from '#shared/contract/index.ts';
import { dispatch } from '../../electron/core/services/dispatch.ts';
import type { Services } from '../../electron/core/services/index.ts';

/** One call on a channel; a refusal throws with its code and Chinese message. */
export async function ask<T>(services: Services, channel: string, input: unknown): Promise<T> {
  const result = await dispatch(services.handlers, channel, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/** Polls a dossier job as the window does until it is no longer running. */
export async function waitForJob(services: Services, jobId: string, seconds = 60): Promise<JobStatus> {
  for (let i = 0; i < seconds * 20; i += 1) {
    const status = await ask<JobStatus>(services, 'dossier:status', { jobId });
    if (status.state !== 'running') return status;
    await sleep(50);
  }
  throw new Error(`the dossier job did not finish in ${seconds} s`);
}
