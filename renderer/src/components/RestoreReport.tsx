import { useId } from 'react';

export interface Restored {
  /** What was restored, e.g. `已恢复到 2026/11/29 16:08:05 的手动备份`. */
  heading: string;
  safetyBackup: string | null;
  /** Attachments the restored database names whose file is not in the store. */
  missingFiles: string[];
}

/** What a restore did, and what the clerk still has to do about attachments the backup names but the store lost. */
export function RestoreReport({ result }: { result: Restored }) {
  const { heading, safetyBackup, missingFiles } = result;
  const headingId = useId();
  return (
    <section className="card restore-report" aria-labelledby={headingId}>
      <h3 id={headingId}>{heading}</h3>
      <p>申报单位和申报项目已回到那时的样子。</p>
      {safetyBackup ? (
        <p className="hint">
          恢复前的数据已另存为一个「恢复前」备份（见「备份」列表）。如需撤销这次恢复，恢复那个备份即可。
        </p>
      ) : (
        <p className="hint">恢复前的数据文件已损坏，没有另存为备份；它被移到了数据文件夹的 damaged 文件夹中保留。</p>
      )}
      {missingFiles.length === 0 ? (
        <p className="ok-note">这个备份用到的附件文件都还在。</p>
      ) : (
        <div className="note">
          <p>这个备份记录的 {missingFiles.length} 个附件文件已不在卷宗里，卷宗无法找回它们：</p>
          <ul className="missing-files">
            {missingFiles.map((name, i) => (
              <li key={`${i}-${name}`}>{name}</li>
            ))}
          </ul>
          <p>请打开相应的申报项目，在第 4 步「申报材料」中删除这些文件，再从电脑上重新添加原件。</p>
        </div>
      )}
    </section>
  );
}
