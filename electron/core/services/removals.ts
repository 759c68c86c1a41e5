/** Removing a company or an application, undoing a removal, and 复制为新申请 (`shared/contract/removals.ts`). */
import { randomUUID } from 'node:crypto';
import type { Handlers } from '#shared/contract/index.ts';
import { UserFacingError } from '#shared/errors.ts';
import { orNotFound } from '#shared/not-found.ts';
import { getApplicant } from '../db/queries/applicants.ts';
import { getApplication, touchApplication } from '../db/queries/applications.ts';
import {
  copyApplicationRows,
  deleteApplicantRow,
  deleteApplicationRow,
  restoreSnapshot,
  snapshotApplicant,
  snapshotApplication,
  type RowSnapshot,
} from '../db/queries/row-snapshots.ts';
import type { ServiceContext } from './index.ts';

type RemovalHandlers = Pick<
  Handlers,
  'applicants:remove' | 'applications:remove' | 'applications:duplicate' | 'removals:undo'
>;

/** The rows of the last few removals of this run, by undo token (the window offers 撤销 for ~10 s). */
export class RecentlyRemoved {
  private readonly kept = new Map<string, RowSnapshot>();
  constructor(private readonly limit = 50) {}

  keep(snapshot: RowSnapshot): string {
    const token = randomUUID();
    this.kept.set(token, snapshot);
    if (this.kept.size > this.limit) this.kept.delete(this.kept.keys().next().value!);
    return token;
  }

  take(token: string): RowSnapshot {
    const snapshot = this.kept.get(token);
    if (!snapshot) {
      throw new UserFacingError(
        'undo-expired',
        '这次删除已经不能撤销了（卷宗重新打开过，或已撤销过一次）。如需找回，请在「数据与备份」中恢复删除之前的备份。',
      );
    }
    this.kept.delete(token);
    return snapshot;
  }
}

export function removalHandlers({ db, now }: ServiceContext, removed: RecentlyRemoved): RemovalHandlers {
  const inWrite = <T>(work: () => T): T => db.transaction(work).immediate();
  return {
    'applicants:remove': ({ id }) =>
      inWrite(() => {
        const applicant = orNotFound(getApplicant(db, id), '申报单位', id);
        const snapshot = snapshotApplicant(db, id);
        deleteApplicantRow(db, id);
        return {
          name: applicant.name,
          applications: snapshot.applications?.length ?? 0,
          undoToken: removed.keep(snapshot),
        };
      }),
    'applications:remove': ({ id }) =>
      inWrite(() => {
        orNotFound(getApplication(db, id), '申报项目', id);
        const snapshot = snapshotApplication(db, id);
        deleteApplicationRow(db, id);
        return { undoToken: removed.keep(snapshot) };
      }),
    'applications:duplicate': ({ id }) =>
      inWrite(() => {
        orNotFound(getApplication(db, id), '申报项目', id);
        return getApplication(db, copyApplicationRows(db, id, now()))!;
      }),
    'removals:undo': ({ undoToken }) =>
      inWrite(() => {
        const snapshot = removed.take(undoToken);
        try {
          restoreSnapshot(db, snapshot);
        } catch {
          throw new UserFacingError(
            'undo-failed',
            '删除的内容没能放回去（它所属的申报项目或单位可能也已删除）。请先撤销那次删除，或在「数据与备份」中恢复备份。',
          );
        }
        const applicationId = snapshot.attachments?.[0]?.application_id;
        if (!snapshot.applications?.length && applicationId) touchApplication(db, Number(applicationId), now());
        return { restored: true as const };
      }),
  };
}
