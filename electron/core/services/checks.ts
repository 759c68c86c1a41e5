import type { Application, CoreHandlers } from '#shared/contract/index.ts';
import type { ApplicationDetail } from '#shared/contract/workflow.ts';
import { UserFacingError } from '#shared/errors.ts';
import type { Profile } from '#shared/profiles/index.ts';
import { checkManifest, shanghaiNow, type CheckResult } from '#shared/rules/index.ts';
import type { Db } from '../db/connection.ts';
import { listApplications } from '../db/queries/applications.ts';
import { getApplicant, otherApplicantsInYear } from '../db/queries/applicants.ts';
import { findProfileIn } from '../profiles/registry.ts';
import { readApplicationDetail } from './application-detail.ts';
import { manifestOfDetail } from './dossier-manifest.ts';
import type { ServiceContext } from './index.ts';

/** The application's profile, built-in or imported into `dataDir`. */
export function profileOf(dataDir: string, profileId: string): Profile {
  const profile = findProfileIn(dataDir, profileId);
  if (!profile) {
    throw new UserFacingError('profile-unknown', `找不到申报方案“${profileId}”。请升级卷宗，或导入该方案的文件。`);
  }
  return profile;
}

/**
 * The findings and voucher of a stored application: the application laid out as a manifest and checked by the one
 * function `juanzong check` also calls. The window shows these; the dossier job prints them on the checklist.
 */
export function checkApplicationDetail(
  db: Db,
  detail: ApplicationDetail,
  profile: Profile,
  today: string,
): CheckResult {
  const otherApplicants = otherApplicantsInYear(db, detail.application.year, detail.applicant.id);
  return checkManifest(manifestOfDetail(detail, profile), profile, today, { otherApplicants });
}

export function checkStoredApplication(db: Db, dataDir: string, id: number, today: string) {
  const detail = readApplicationDetail(db, id);
  const profile = profileOf(dataDir, detail.application.profileId);
  return { detail, ...checkApplicationDetail(db, detail, profile, today) };
}

/** Today on the Shanghai wall clock (`YYYY-MM-DDTHH:mm`), from the services' clock. */
export function shanghaiToday(ctx: Pick<ServiceContext, 'now'>): string {
  return shanghaiNow(Date.parse(ctx.now()));
}

export function checkHandlers(ctx: ServiceContext): Pick<CoreHandlers, 'applications:check' | 'applications:overview'> {
  const { db, dataDir } = ctx;
  const today = () => shanghaiToday(ctx);
  return {
    'applications:check': ({ applicationId, today: day }) => {
      const { voucher, findings } = checkStoredApplication(db, dataDir, applicationId, day ?? today());
      return { voucher, findings };
    },
    'applications:overview': () =>
      listApplications(db).map((application) => overviewOf(db, dataDir, application, today())),
  };
}

/**
 * One line of the home screen. An application whose profile cannot be read (a damaged imported file) still shows,
 * with that problem counted as an error, rather than taking the whole list down.
 */
function overviewOf(db: Db, dataDir: string, application: Application, today: string) {
  try {
    const { detail, findings } = checkStoredApplication(db, dataDir, application.id, today);
    // Every material needs a decision: attached, or marked exempt / not applicable.
    const needed = profileOf(dataDir, application.profileId).materials;
    const done = needed.filter(
      (m) => detail.attachments.some((a) => a.materialId === m.id) || detail.materialStates[m.id],
    ).length;
    return {
      application,
      applicantName: detail.applicant.name,
      materialsDone: done,
      materialsNeeded: needed.length,
      errors: findings.filter((f) => f.severity === 'error').length,
      warnings: findings.filter((f) => f.severity === 'warning').length,
    };
  } catch {
    const applicant = getApplicant(db, application.applicantId);
    return {
      application,
      applicantName: applicant?.name ?? '',
      materialsDone: 0,
      materialsNeeded: 0,
      errors: 1,
      warnings: 0,
    };
  }
}
