import type { CoreHandlers } from '#shared/contract/index.ts';
import { isSampleApplicant } from '#shared/sample.ts';
import { deleteApplicantRow } from '../db/queries/row-snapshots.ts';
import { listApplicants } from '../db/queries/applicants.ts';
import { listApplications } from '../db/queries/applications.ts';
import { createSampleApplication, SAMPLE_PROFILE_ID, type SampleHandlers } from '../sample/sample-application.ts';
import { profileOf } from './checks.ts';
import type { ServiceContext } from './index.ts';

export type SampleChannel = 'sample:create' | 'sample:remove';

/**
 * The sample application's two channels. `handlers` are the wired ones, so the sample's files go through the same
 * checks (guardAttachmentAdd) as a clerk's.
 */
export function sampleHandlers(ctx: ServiceContext, handlers: SampleHandlers): Pick<CoreHandlers, SampleChannel> {
  const samples = () => listApplicants(ctx.db).filter(isSampleApplicant);
  return {
    'sample:create': async () => {
      const existing = samples().flatMap((a) => listApplications(ctx.db, a.id))[0];
      if (existing) return { application: existing, created: false };
      const profile = profileOf(ctx.dataDir, SAMPLE_PROFILE_ID);
      return { application: await createSampleApplication(handlers, profile), created: true };
    },
    'sample:remove': () => {
      const found = samples();
      ctx.db.transaction(() => found.forEach((a) => deleteApplicantRow(ctx.db, a.id))).immediate();
      return { removed: found.length };
    },
  };
}
