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

/** What a save or print said: an error, or done (with the saved file's actions when there is a file). */
export interface SaveMessage {
  tone: 'ok' | 'error';
  text: string;
  savedTo?: string;
}

export function SaveMessageNote({ message, onError }: { message: SaveMessage; onError: (error: unknown) => void }) {
  return (
    <p
      role={message.tone === 'error' ? 'alert' : 'status'}
      className={message.tone === 'error' ? 'field-error' : 'ok-note'}
    >
      <span>{message.text}</span>
      {message.savedTo && <SavedFileActions path={message.savedTo} onError={onError} />}
    </p>
  );
}
