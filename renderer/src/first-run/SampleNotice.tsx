import { useState } from 'react';
import type { Applicant } from '#shared/contract/index.ts';
import { isSampleApplicant, SAMPLE_MARK } from '#shared/sample.ts';
import { call, errorMessage } from '../api.ts';
import './first-run.css';

interface Props {
  applicant: Applicant;
  /** Called once the sample is deleted. */
  onRemoved: () => void;
}

/** Above the sample company's page: what it is, and how to delete it (asked once more before it goes). */
export function SampleNotice({ applicant, onRemoved }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!isSampleApplicant(applicant)) return null;

  async function remove() {
    try {
      await call('sample:remove', {});
      onRemoved();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <div className="sample-notice" role="note" aria-label="示例说明">
      <p>
        这是示例申请（{SAMPLE_MARK}
        ）：单位、合同和材料都是虚构的，不能用于真实申报。看完后可以删除，不影响贵单位的数据。
      </p>
      {confirming ? (
        <>
          <button type="button" className="danger" onClick={remove}>
            确定删除示例
          </button>
          <button type="button" className="secondary" onClick={() => setConfirming(false)}>
            保留
          </button>
        </>
      ) : (
        <button type="button" className="secondary" onClick={() => setConfirming(true)}>
          删除示例
        </button>
      )}
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
