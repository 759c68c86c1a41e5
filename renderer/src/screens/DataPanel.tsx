import { useCallback, useEffect, useState } from 'react';
import type { ChannelOutput } from '#shared/contract/index.ts';
import { call, errorMessage } from '../api.ts';
import { backupKind, backupTime, newestFirst, type Backup } from '../backup-format.ts';
import { ArchiveImportCard } from '../components/ArchiveImportCard.tsx';
import { BackupTable } from '../components/BackupTable.tsx';
import { DataFolderCard } from '../components/DataFolderCard.tsx';
import { RestoreConfirm } from '../components/RestoreConfirm.tsx';
import { RestoreReport, type Restored } from '../components/RestoreReport.tsx';
import { CarryBackupCard } from '../components/CarryBackupCard.tsx';
import { GuideDraftCard } from '../components/GuideDraftCard.tsx';
import { InlineAlert } from '../components/InlineAlert.tsx';

type Warning = ChannelOutput<'data:warnings'>[number];

/**
 * 数据与备份: warnings about the data folder, the backups, 立即备份 and 恢复 (after a confirmation), and the backup to
 * carry away (备份到…, 从备份恢复…).
 */
export function DataPanel({ onRestored }: { onRestored: () => void | Promise<void> }) {
  const [backups, setBackups] = useState<Backup[] | null>(null);
  const [warnings, setWarnings] = useState<Warning[]>([]);
  const [busy, setBusy] = useState<'backing-up' | 'restoring' | null>(null);
  const [confirming, setConfirming] = useState<Backup | null>(null);
  const [created, setCreated] = useState<Backup | null>(null);
  const [restored, setRestored] = useState<Restored | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      const [list, found] = await Promise.all([call('backup:list', {}), call('data:warnings', {})]);
      setBackups(newestFirst(list));
      setWarnings(found);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  async function backUpNow() {
    setBusy('backing-up');
    setError(null);
    setRestored(null);
    try {
      setCreated(await call('backup:create', {}));
      await reload();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  }

  async function restore(backup: Backup) {
    setConfirming(null);
    setBusy('restoring');
    setError(null);
    setCreated(null);
    try {
      const { restored: from, safetyBackup, missingFiles } = await call('backup:restore', { name: backup.name });
      const heading = `已恢复到 ${backupTime(from.takenAt)} 的${backupKind(from.reason)}备份`;
      setRestored({ heading, safetyBackup, missingFiles });
      await Promise.all([reload(), onRestored()]);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="data-panel">
      <h2 className="step-heading">数据与备份</h2>
      {warnings.length > 0 && (
        <section className="card" aria-labelledby="warnings-heading">
          <h3 id="warnings-heading">需要注意</h3>
          <ul className="findings">
            {warnings.map((w) => (
              <li key={`${w.code}-${w.message}`} className="finding warning">
                <span className="finding-severity">注意</span>
                <span>{w.message}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="card" aria-labelledby="backups-heading">
        <h3 id="backups-heading">备份</h3>
        <p className="hint">
          卷宗每天自动备份一次，升级数据格式和恢复之前也会先备份；每种备份保留最近的 10
          个。重要的修改之后，可以点「立即备份」。
        </p>
        <div className="button-row">
          <button type="button" onClick={() => void backUpNow()} disabled={busy !== null}>
            {busy === 'backing-up' ? '正在备份…' : '立即备份'}
          </button>
        </div>
        <div role="status" className="data-status">
          {busy === 'restoring' && <p>正在恢复，请稍候…</p>}
          {created && (
            <p className="ok-note">
              已备份（{backupTime(created.takenAt)}，{backupKind(created.reason)}）。
            </p>
          )}
          {restored && <RestoreReport result={restored} />}
        </div>
        <InlineAlert message={error} />
        {backups === null ? (
          <p className="hint">正在读取备份列表…</p>
        ) : (
          <BackupTable backups={backups} busy={busy !== null} onRestore={setConfirming} />
        )}
      </section>
      <CarryBackupCard onRestored={() => Promise.all([reload(), onRestored()])} />
      <DataFolderCard />
      <ArchiveImportCard onImported={onRestored} />
      <GuideDraftCard />
      {confirming && (
        <RestoreConfirm
          title={`恢复 ${backupTime(confirming.takenAt)} 的${backupKind(confirming.reason)}备份？`}
          backTo={` ${backupTime(confirming.takenAt)} 时`}
          onConfirm={() => void restore(confirming)}
          onCancel={() => setConfirming(null)}
        />
      )}
    </div>
  );
}
