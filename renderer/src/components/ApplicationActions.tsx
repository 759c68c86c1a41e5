import { useState } from 'react';
import type { ApplicationOverview } from '#shared/contract/index.ts';
import { call, errorMessage } from '../api.ts';
import type { UndoOffer } from './UndoBar.tsx';

interface Props {
  overview: ApplicationOverview;
  /** The application's name on screen, as the list shows it: the call's title and the application's number. */
  title: string;
  companyName: string;
  /** Something changed: the list reads the applications again. */
  onChanged: () => Promise<void>;
  onRemoved: (offer: UndoOffer) => void;
}

/** 复制为新申请, 导出为文件… and 删除 for one application in the list, with what came of each beside them. */
export function ApplicationActions({ overview, title, companyName, onChanged, onRemoved }: Props) {
  const id = overview.application.id;
  const [done, setDone] = useState<{ text: string; savedTo?: string } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async (work: () => Promise<void>) => {
    setError(null);
    setDone(null);
    try {
      await work();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const duplicate = () =>
    run(async () => {
      await call('applications:duplicate', { id });
      await onChanged();
    });
  const exportFile = () =>
    run(async () => {
      const suggestedName = `${companyName}-${title}`.replace(/[\\/:*?"<>|]/g, '_');
      const { savedTo } = await call('archive:saveAs', { applicationId: id, suggestedName });
      if (savedTo)
        setDone({ text: `已导出到「${savedTo}」。在另一台电脑上用「数据与备份 → 导入申报项目」打开。`, savedTo });
    });
  const remove = () =>
    run(async () => {
      const { undoToken } = await call('applications:remove', { id });
      await onChanged();
      onRemoved({
        what: title,
        undo: async () => {
          await call('removals:undo', { undoToken });
          await onChanged();
        },
      });
    });

  return (
    <div className="application-actions">
      <div className="button-row">
        <button type="button" className="secondary small" onClick={() => void duplicate()}>
          复制为新申请
        </button>
        <button type="button" className="secondary small" onClick={() => void exportFile()}>
          导出为文件…
        </button>
        <button
          type="button"
          className="secondary small danger"
          onClick={() => void remove()}
          aria-label={`删除 ${title}`}
        >
          删除
        </button>
      </div>
      {done && (
        <p role="status" className="ok-note">
          {done.text}
          {done.savedTo && (
            <button
              type="button"
              className="secondary small"
              onClick={() => void run(async () => void (await call('savedFile:reveal', { path: done.savedTo! })))}
            >
              打开所在文件夹
            </button>
          )}
        </p>
      )}
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
