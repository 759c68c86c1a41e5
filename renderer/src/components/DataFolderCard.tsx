import { useEffect, useState } from 'react';
import { call, errorMessage } from '../api.ts';

/** Where the data lives (database and attached files), and 打开数据文件夹 in the file manager. */
export function DataFolderCard() {
  const [dataDir, setDataDir] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('app:info', {})
      .then((info) => setDataDir(info.dataDir))
      .catch((e: unknown) => setError(errorMessage(e)));
  }, []);
  async function reveal() {
    try {
      setDataDir((await call('data:reveal', {})).dataDir);
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }
  return (
    <section className="card" aria-labelledby="data-folder-heading">
      <h3 id="data-folder-heading">数据存放位置</h3>
      <p className="hint">申报单位、申报项目和添加的每个文件都保存在这个文件夹里，不会上传到任何地方。</p>
      <p className="data-folder-path">
        <code>{dataDir ?? '正在读取…'}</code>
      </p>
      <div className="button-row">
        <button type="button" className="secondary" onClick={() => void reveal()}>
          打开数据文件夹
        </button>
      </div>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
    </section>
  );
}
