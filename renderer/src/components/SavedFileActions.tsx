import { call } from '../api.ts';

/** 打开文件 and 打开所在文件夹 for a file just saved out of Juanzong. */
export function SavedFileActions({ path, onError }: { path: string; onError: (error: unknown) => void }) {
  const act = (channel: 'savedFile:open' | 'savedFile:reveal') => call(channel, { path }).catch(onError);
  return (
    <span className="saved-file-actions">
      <button type="button" className="secondary small" onClick={() => void act('savedFile:open')}>
        打开文件
      </button>
      <button type="button" className="secondary small" onClick={() => void act('savedFile:reveal')}>
        打开所在文件夹
      </button>
    </span>
  );
}
