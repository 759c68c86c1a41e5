import type { Handlers } from '#shared/contract/index.ts';
import { getApplicant, insertApplicant, listApplicants, updateApplicant } from '../db/queries/applicants.ts';
import type { ServiceContext } from './index.ts';
import { orNotFound } from '#shared/not-found.ts';

type ApplicantHandlers = Pick<Handlers, 'applicants:list' | 'applicants:create' | 'applicants:update'>;

export function applicantHandlers({ db, now }: ServiceContext): ApplicantHandlers {
  return {
    'applicants:list': () => listApplicants(db),
    'applicants:create': (draft) => insertApplicant(db, draft, now()),
    'applicants:update': ({ id, changes }) => {
      const stored = orNotFound(getApplicant(db, id), '申报单位', id);
      return orNotFound(updateApplicant(db, id, { ...stored, ...changes }, now()), '申报单位', id);
    },
  };
}
