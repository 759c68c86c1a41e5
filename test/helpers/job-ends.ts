/**
 * Services whose dossier jobs announce their end (`onDossierJobEnd`): a test awaits that event instead of polling
 * `dossier:status` on a timer.
 */
import type { JobStatus } from '#shared/contract/index.ts';
import { openServices, type OpenServicesOptions } from '../../electron/core/services/index.ts';

export async function openServicesWithJobEnds(options: Omit<OpenServicesOptions, 'onDossierJobEnd'>) {
  const waiting = new Map<string, (status: JobStatus) => void>();
  const endedEarly = new Map<string, JobStatus>();
  const services = await openServices({
    ...options,
    onDossierJobEnd: (status) => {
      const resolve = waiting.get(status.jobId);
      if (resolve) resolve(status);
      else endedEarly.set(status.jobId, status);
    },
  });
  /** The job's last status, once it is done, failed or cancelled. */
  const jobEnd = (jobId: string) =>
    new Promise<JobStatus>((resolve) => {
      const ended = endedEarly.get(jobId);
      if (ended) resolve(ended);
      else waiting.set(jobId, resolve);
    });
  return { services, jobEnd };
}
