/**
 * How a command opens the data folder. Commands that only look (`list`, `check`) read beside a running window;
 * commands that write take the folder's lock, waiting a moment for another command to finish, and are refused with
 * the holder's name while the window owns it (safety/data-lock.ts).
 */
import { openServices, openServicesToRead, type OpenServicesOptions, type Services } from '../services/index.ts';
import type { CliContext } from './command.ts';

export type Access = 'read' | 'write';

/** How long a writing command waits for the lock: long enough for another command, short for a person. */
export const writerWaitMs = 3000;

export async function withServices<T>(
  ctx: CliContext,
  access: Access,
  task: string,
  work: (s: Services) => Promise<T>,
  events: Pick<OpenServicesOptions, 'onDossierJobEnd'> = {},
): Promise<T> {
  const options = {
    ...events,
    dataDir: ctx.dataDir,
    owner: { role: 'cli' as const, task: `juanzong ${task}` },
    waitMs: writerWaitMs,
  };
  const services = access === 'read' ? await openServicesToRead(options) : await openServices(options);
  try {
    return await work(services);
  } finally {
    services.close();
  }
}
