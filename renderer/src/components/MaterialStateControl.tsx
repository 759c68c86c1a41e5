import { useState } from 'react';
import type { ApplicationDetail } from '#shared/contract/index.ts';
import { materialStatusLabels, type MaterialStateKind } from '#shared/dossier/material-status.ts';
import type { ProfileMaterial } from '#shared/profiles/index.ts';

type State = ApplicationDetail['materialStates'][string] | undefined;

interface Props {
  material: ProfileMaterial;
  state: State;
  hasFiles: boolean;
  onSet: (state: MaterialStateKind | null, reason: string) => void;
}

/** Exempt (with the guide's exemption) or not applicable (with the clerk's reason), where the profile allows it. */
export function MaterialStateControl({ material: m, state, hasFiles, onSet }: Props) {
  const [reason, setReason] = useState(state?.reason ?? '');
  const req = m.requirement;
  if (req.kind === 'required') return null;

  if (state) {
    return (
      <div className="state-box">
        <p>
          <strong>{materialStatusLabels[state.state]}</strong>：{state.reason || '（未写原因）'}
        </p>
        <button type="button" className="secondary small" onClick={() => onSet(null, '')}>
          取消标记，改为提交文件
        </button>
      </div>
    );
  }
  if (req.kind === 'exemptible') {
    return (
      <div className="state-box">
        <p className="hint">符合下列情形的可以免交：</p>
        {req.exemptions.map((x) => (
          <button
            key={x.id}
            type="button"
            className="secondary small"
            disabled={hasFiles}
            onClick={() => onSet('exempt', x.label)}
          >
            标记免交：{x.label}
          </button>
        ))}
        {hasFiles && <p className="hint">已添加了文件；要标记免交，请先移除文件。</p>}
      </div>
    );
  }
  const id = `na-reason-${m.id}`;
  return (
    <div className="state-box">
      <p className="hint">只有“{req.when}”时才需要提交。不涉及的，写明原因后标记不适用：</p>
      <label htmlFor={id}>不适用的原因</label>
      <textarea
        id={id}
        rows={2}
        value={reason}
        placeholder="例如：本项目为财务报表智能分析，不涉及科技伦理敏感领域"
        onChange={(e) => setReason(e.target.value)}
      />
      <button
        type="button"
        className="secondary small"
        disabled={hasFiles || reason.trim() === ''}
        onClick={() => onSet('not-applicable', reason.trim())}
      >
        标记为不适用
      </button>
      {hasFiles && <p className="hint">已添加了文件；要标记不适用，请先移除文件。</p>}
    </div>
  );
}
