import type { CheckResultDto } from '#shared/contract/index.ts';

type Finding = CheckResultDto['findings'][number];

const severityLabels: Record<Finding['severity'], string> = { error: '需处理', warning: '请留意', info: '提示' };

/** Findings as a list: what is wrong and what to do, most serious first. */
export function FindingList({
  findings,
  empty,
  label = '检查结果',
}: {
  findings: Finding[];
  empty?: string;
  label?: string;
}) {
  if (findings.length === 0) return empty ? <p className="ok-note">{empty}</p> : null;
  return (
    <ul className="findings" aria-label={label}>
      {findings.map((f, i) => (
        <li key={`${f.code}-${f.subject}-${i}`} className={`finding ${f.severity}`}>
          <span className="finding-severity">{severityLabels[f.severity]}</span>
          <span>{f.message}</span>
        </li>
      ))}
    </ul>
  );
}
