import { useEffect, useState } from 'react';
import { call, errorMessage } from '../api.ts';

/** Where the data lives (database and attached files), 打开数据文件夹, and 移动数据… to another folder or drive. */
export function DataFolderCard() {
  const [dataDir, setDataDir] = useState<string | null>(null);
  const [movedTo, setMovedTo] = useState<string | null>(null);
  const [moving, setMoving] = useState(false);
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
  async function move() {
    setMoving(true);
    setError(null);
    try {
      const answer = await call('data:moveTo', {});
      if (answer.movedTo) setMovedTo(answer.movedTo);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setMoving(false);
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
        <button type="button" className="secondary" disabled={moving || movedTo !== null} onClick={() => void move()}>
          {moving ? '正在复制数据…' : '移动数据…'}
        </button>
      </div>
      {!movedTo && (
        <p className="hint">
          移动数据：选择一个文件夹（例如另一块硬盘），卷宗会在其中建立“juanzong”文件夹，把全部数据复制过去并逐一核对，然后自动重新启动并从新位置打开。原文件夹保持不变，确认无误后可自行删除。
        </p>
      )}
      {movedTo && (
        <p role="status" className="live-note ok">
          数据已复制到「{movedTo}
          」并核对无误。卷宗马上会重新启动，从新位置打开；原文件夹保持不变，确认无误后可自行删除。
        </p>
      )}
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
    </section>
  );
}
