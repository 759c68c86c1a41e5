import type { ApplicationDetail } from '#shared/contract/workflow.ts';
import { getApplicant } from '../db/queries/applicants.ts';
import { getApplication } from '../db/queries/applications.ts';
import { listAttachments } from '../db/queries/attachments.ts';
import {
  getAnswers,
  getContract,
  getCosts,
  getFacts,
  getMaterialStates,
  getOptions,
  getTurns,
} from '../db/queries/details.ts';
import type { Db } from '../db/connection.ts';
import { getPageDecisions } from '../db/queries/page-inspections.ts';
import { getFixesOff } from '../db/queries/file-fixes.ts';
import { getPageOrder } from '../db/queries/page-orders.ts';
import { orNotFound } from '#shared/not-found.ts';

/** Everything the window shows of one application, read in one transaction so it is consistent. */
export function readApplicationDetail(db: Db, id: number): ApplicationDetail {
  return db.transaction(() => {
    const application = orNotFound(getApplication(db, id), '申报项目', id);
    const applicant = orNotFound(getApplicant(db, application.applicantId), '申报单位', application.applicantId);
    return {
      application,
      applicant,
      contract: getContract(db, id),
      costs: getCosts(db, id),
      answers: getAnswers(db, id),
      materialStates: getMaterialStates(db, id),
      options: getOptions(db, id),
      facts: getFacts(db, id),
      attachments: listAttachments(db, id).map((a) => ({
        ...a,
        turns: getTurns(db, a.id),
        decisions: getPageDecisions(db, a.id),
        fixesOff: getFixesOff(db, a.id),
        ...optionalOrder(getPageOrder(db, a.id, a.pageCount ?? undefined)),
      })),
    };
  })();
}

const optionalOrder = (pageOrder: number[] | undefined) => (pageOrder ? { pageOrder } : {});
