import type { CoreHandlers } from '#shared/contract/index.ts';
import { getApplication, touchApplication } from '../db/queries/applications.ts';
import { getAttachment, setKeepMarkup } from '../db/queries/attachments.ts';
import {
  getOptions,
  reorderAttachments,
  replaceCosts,
  saveContract,
  setAnswer,
  setFacts,
  setMaterialState,
  setOptions,
  setTurn,
} from '../db/queries/details.ts';
import { readApplicationDetail } from './application-detail.ts';
import type { ServiceContext } from './index.ts';
import { orNotFound } from '#shared/not-found.ts';

type WorkflowHandlers = Pick<
  CoreHandlers,
  | 'applications:get'
  | 'applications:saveContract'
  | 'applications:saveCosts'
  | 'applications:answer'
  | 'applications:setMaterialState'
  | 'applications:setOptions'
  | 'applications:setFacts'
  | 'attachments:reorder'
  | 'attachments:turnPage'
  | 'attachments:keepMarkup'
  | 'attachments:content'
>;

/** The clerk's edits to one application; each is one transaction and answers the refreshed whole. */
export function workflowHandlers({ db, store, now }: ServiceContext): WorkflowHandlers {
  const change = (applicationId: number, write: () => void) => {
    orNotFound(getApplication(db, applicationId), '申报项目', applicationId); // a clear error before any write
    db.transaction(() => {
      write();
      touchApplication(db, applicationId, now());
    }).immediate();
    return readApplicationDetail(db, applicationId);
  };
  return {
    'applications:get': ({ id }) => readApplicationDetail(db, id),
    'applications:saveContract': ({ applicationId, contract }) =>
      change(applicationId, () => saveContract(db, applicationId, contract, now())),
    'applications:saveCosts': ({ applicationId, costs }) =>
      change(applicationId, () => replaceCosts(db, applicationId, costs)),
    'applications:answer': ({ applicationId, questionId, answer }) =>
      change(applicationId, () => setAnswer(db, applicationId, questionId, answer)),
    'applications:setMaterialState': ({ applicationId, materialId, state, reason }) =>
      change(applicationId, () => setMaterialState(db, applicationId, materialId, state, reason)),
    'applications:setFacts': ({ applicationId, facts }) =>
      change(applicationId, () => setFacts(db, applicationId, facts)),
    'applications:setOptions': ({ applicationId, options }) =>
      change(applicationId, () => setOptions(db, applicationId, { ...getOptions(db, applicationId), ...options })),
    'attachments:reorder': ({ applicationId, materialId, order }) =>
      change(applicationId, () => reorderAttachments(db, applicationId, materialId, order)),
    'attachments:turnPage': ({ id, page, turn }) => {
      const attachment = orNotFound(getAttachment(db, id), '附件', id);
      return change(attachment.applicationId, () => setTurn(db, id, page, turn));
    },
    'attachments:keepMarkup': ({ id, keep }) => {
      const attachment = orNotFound(getAttachment(db, id), '附件', id);
      return change(attachment.applicationId, () => setKeepMarkup(db, id, keep));
    },
    'attachments:content': async ({ id }) => {
      const attachment = orNotFound(getAttachment(db, id), '附件', id);
      const bytes = await store.read(attachment.sha256);
      // A Buffer from readFile is backed by a plain ArrayBuffer, never a shared one.
      const view = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) as Uint8Array<ArrayBuffer>;
      return { bytes: view, mediaType: attachment.mediaType, fileName: attachment.originalName };
    },
  };
}
