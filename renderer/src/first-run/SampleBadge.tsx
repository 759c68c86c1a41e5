import { isSampleApplicant, SAMPLE_MARK } from '#shared/sample.ts';
import './first-run.css';

/** "示例" beside the sample company's name, wherever it is listed; nothing for a real company. */
export function SampleBadge({ applicant }: { applicant: { creditCode: string } }) {
  if (!isSampleApplicant(applicant)) return null;
  return (
    <span className="sample-badge" title={`${SAMPLE_MARK}：虚构单位，不能用于真实申报`}>
      示例
    </span>
  );
}
