import { backupKind, backupSize, backupTime, type Backup } from '../backup-format.ts';

interface Props {
  backups: Backup[];
  busy: boolean;
  onRestore: (backup: Backup) => void;
}

/** The backups, newest first, each with its own 恢复 button. */
export function BackupTable({ backups, busy, onRestore }: Props) {
  if (backups.length === 0) return <p className="hint">还没有备份。点「立即备份」做第一个。</p>;
  return (
    <table className="backup-table">
      <caption className="visually-hidden">备份列表（最新的在最上面）</caption>
      <thead>
        <tr>
          <th scope="col">备份时间</th>
          <th scope="col">类型</th>
          <th scope="col">大小</th>
          <th scope="col">
            <span className="visually-hidden">操作</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {backups.map((b) => (
          <tr key={b.name} data-backup={b.name}>
            <th scope="row">{backupTime(b.takenAt)}</th>
            <td>
              <span className="badge">{backupKind(b.reason)}</span>
            </td>
            <td>{backupSize(b.size)}</td>
            <td>
              <button
                type="button"
                className="secondary small"
                disabled={busy}
                aria-label={`恢复 ${backupTime(b.takenAt)} 的${backupKind(b.reason)}备份`}
                onClick={() => onRestore(b)}
              >
                恢复
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
