import { PageJumpBox } from './PageJumpBox.tsx';

interface StretchLabel {
  first: number;
  last: number;
  /** 页 or 张. */
  unit: string;
}

interface Props {
  stretches: StretchLabel[];
  current: number;
  onChoose: (index: number) => void;
  /** The dossier's page count, and where the jump box starts. */
  pages: number;
  firstPage: number;
  /** Shows the stretch holding this page, its thumbnail focused. */
  onJump: (page: number) => void;
}

const labelOf = (s: StretchLabel) => `第 ${s.first}–${s.last} ${s.unit}`;

/** 上一段 / 第 51–100 页 ▾ / 下一段 and 转到第 __ 页, for a dossier longer than one stretch. */
export function PreviewStretches({ stretches, current, onChoose, pages, firstPage, onJump }: Props) {
  if (stretches.length <= 1) return null;
  return (
    <nav className="preview-ranges" aria-label="分段预览">
      <button type="button" className="secondary small" disabled={current === 0} onClick={() => onChoose(current - 1)}>
        上一段
      </button>
      <select aria-label="显示哪一段" value={current} onChange={(e) => onChoose(Number(e.target.value))}>
        {stretches.map((s, i) => (
          <option key={i} value={i}>
            {labelOf(s)}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="secondary small"
        disabled={current === stretches.length - 1}
        onClick={() => onChoose(current + 1)}
      >
        下一段
      </button>
      <span className="hint">一次显示一段，长卷宗也不卡。</span>
      <span className="viewer-gap" />
      <span>转到：</span>
      <PageJumpBox page={firstPage} pages={pages} onJump={onJump} label="转到卷宗第几页" />
    </nav>
  );
}
