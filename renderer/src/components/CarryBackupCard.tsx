import { useState } from 'react';
import type { ChannelOutput } from '#shared/contract/index.ts';
import { call, errorMessage } from '../api.ts';
import { backupSize, backupTime } from '../backup-format.ts';
import { RestoreConfirm } from './RestoreConfirm.tsx';
import { RestoreReport, type Restored } from './RestoreReport.tsx';
import { InlineAlert } from './InlineAlert.tsx';

type Carried = ChannelOutput<'backup:exportTo'>;

/** The last part of a path, Windows or POSIX: `E:\卷宗备份-20261207-081500` → `卷宗备份-20261207-081500`. */
function folderName(folder: string): string {
  return folder.split(/[\\/]/).filter(Boolean).pop() ?? folder;
}

/**
 * 带走的备份: 备份到… writes the database and every file into a folder the clerk chooses (a USB drive), read back
 * and checked; 从备份恢复… restores such a folder here, after the same confirmation as a restore.
 */
export function CarryBackupCard({ onRestored }: { onRestored: () => Promise<unknown> }) {
  const [busy, setBusy] = useState<'exporting' | 'importing' | null>(null);
  const [carried, setCarried] = useState<Carried | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [restored, setRestored] = useState<Restored | null>(null);
  const [error, setError] = useState<string | null>(null);

  function start(what: 'exporting' | 'importing') {
    setBusy(what);
    setError(null);
    setCarried(null);
    setRestored(null);
  }

  async function exportTo() {
    const { folder } = await call('backup:chooseFolder', { purpose: 'export' });
    if (!folder) return;
    start('exporting');
    try {
      setCarried(await call('backup:exportTo', { folder }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  }

  async function askToImport() {
    setError(null);
    const { folder } = await call('backup:chooseFolder', { purpose: 'import' });
    if (folder) setConfirming(folder);
  }

  async function importFrom(folder: string) {
    setConfirming(null);
    start('importing');
    try {
      const { takenAt, files, safetyBackup, missingFiles } = await call('backup:importFrom', { folder });
      const heading = `已从「${folderName(folder)}」恢复到 ${backupTime(takenAt)} 的数据（${files} 个附件文件）`;
      setRestored({ heading, safetyBackup, missingFiles });
      await onRestored();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="card" aria-labelledby="carry-heading">
      <h3 id="carry-heading">带走的备份</h3>
      <p className="hint">
        「备份到…」把数据库和全部附件文件复制到您选择的文件夹（例如 U
        盘），写完后逐个核对。换电脑或电脑损坏后，在卷宗里点「从备份恢复…」选择那个「卷宗备份-…」文件夹即可找回全部数据。
      </p>
      <div className="button-row">
        <button
          type="button"
          onClick={() => void exportTo().catch((e) => setError(errorMessage(e)))}
          disabled={busy !== null}
        >
          {busy === 'exporting' ? '正在备份…' : '备份到…'}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => void askToImport().catch((e) => setError(errorMessage(e)))}
          disabled={busy !== null}
        >
          {busy === 'importing' ? '正在恢复…' : '从备份恢复…'}
        </button>
      </div>
      <div role="status" className="data-status">
        {busy === 'exporting' && <p>正在备份并核对，请稍候…</p>}
        {busy === 'importing' && <p>正在恢复，请稍候…</p>}
        {carried && (
          <p className="ok-note">
            备份已写入 {carried.folder}，包括数据库和 {carried.files} 个附件文件（共 {backupSize(carried.bytes)}
            ），已逐个核对。
          </p>
        )}
        {restored && <RestoreReport result={restored} />}
      </div>
      <InlineAlert message={error} />
      {confirming && (
        <RestoreConfirm
          title={`用「${folderName(confirming)}」恢复？`}
          backTo="这个备份做出时"
          onConfirm={() => void importFrom(confirming)}
          onCancel={() => setConfirming(null)}
        />
      )}
    </section>
  );
}
