import { useState } from 'react';
import type { Application } from '#shared/contract/index.ts';
import { call, errorMessage } from '../api.ts';
import './first-run.css';

interface Props {
  /** Called with the sample application once it exists, to open it. */
  onOpen: (application: Application) => void;
}

/** On a first run: a whole application of a fictional company to look at before entering one's own. */
export function SampleOffer({ onOpen }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function open() {
    setBusy(true);
    setError(null);
    try {
      const { application } = await call('sample:create', {});
      onOpen(application);
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  }

  return (
    <section className="sample-offer" aria-labelledby="sample-offer-title">
      <h3 id="sample-offer-title">第一次用？先看一份示例</h3>
      <p>
        卷宗可以替一家虚构的“示例科技（深圳）有限公司”填好一份完整的申请：单位信息、合同与费用、全部申报材料（每页都印有“示例
        ·
        仅供演示”）。打开后到「生成与预览」点「生成卷宗」，一分钟内就能看到装订好的卷宗和用印单。看完可以在首页删除示例。
      </p>
      <button type="button" onClick={open} disabled={busy}>
        {busy ? '正在准备示例材料…' : '查看示例申请'}
      </button>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
    </section>
  );
}
