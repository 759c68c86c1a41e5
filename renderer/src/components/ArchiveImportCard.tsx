import { useRef, useState } from 'react';
import { ApiCallError, call, errorMessage } from '../api.ts';

/** 导入申报项目: a `.juanzong` file exported on another computer becomes an application here (or a copy beside it). */
export function ArchiveImportCard({ onImported }: { onImported: () => void | Promise<void> }) {
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const [error, setError] = useState<{ message: string; exists: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  async function importFile(chosen: File, asCopy: boolean) {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const bytes = new Uint8Array(await chosen.arrayBuffer());
      const done = await call('archive:import', { fileName: chosen.name, bytes, asCopy });
      setResult(`已导入「${chosen.name}」（${done.files} 个文件）。回到首页即可在它的申报单位下打开。`);
      setFile(null);
      await onImported();
    } catch (e) {
      setError({
        message: errorMessage(e),
        exists: e instanceof ApiCallError && e.code === 'archive-exists' && !asCopy,
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="archive-import-heading">
      <h3 id="archive-import-heading">导入申报项目</h3>
      <p className="hint">
        在另一台电脑上用「导出为文件…」保存的 .juanzong 文件，可以在这里导入，材料和文件都会一起带过来。
      </p>
      <div className="button-row">
        <button type="button" className="secondary" disabled={busy} onClick={() => input.current?.click()}>
          {busy ? '正在导入…' : '选择 .juanzong 文件…'}
        </button>
        <input
          ref={input}
          type="file"
          hidden
          accept=".juanzong"
          aria-label="要导入的 .juanzong 文件"
          onChange={(e) => {
            const chosen = e.target.files?.[0];
            e.target.value = '';
            if (!chosen) return;
            setFile(chosen);
            void importFile(chosen, false);
          }}
        />
      </div>
      <div role="status">{result && <p className="ok-note">{result}</p>}</div>
      {error && (
        <div role="alert" className="field-error">
          <p>{error.message}</p>
          {error.exists && file && (
            <button type="button" className="secondary small" onClick={() => void importFile(file, true)}>
              作为副本导入
            </button>
          )}
        </div>
      )}
    </section>
  );
}
