import type { Handlers } from '#shared/contract/index.ts';
import { getApplicant } from '../db/queries/applicants.ts';
import { getApplication, insertApplication, listApplications, updateApplication } from '../db/queries/applications.ts';
import type { ServiceContext } from './index.ts';
import { orNotFound } from '#shared/not-found.ts';

type ApplicationHandlers = Pick<Handlers, 'applications:list' | 'applications:create' | 'applications:update'>;

export function applicationHandlers({ db, now }: ServiceContext): ApplicationHandlers {
  return {
    'applications:list': ({ applicantId }) => listApplications(db, applicantId),
    'applications:create': (draft) => {
      orNotFound(getApplicant(db, draft.applicantId), '申报单位', draft.applicantId);
      return insertApplication(db, draft, now());
    },
    'applications:update': ({ id, changes }) => {
      const stored = orNotFound(getApplication(db, id), '申报项目', id);
      return orNotFound(updateApplication(db, id, { ...stored, ...changes }, now()), '申报项目', id);
    },
  };
}
