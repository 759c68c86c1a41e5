import type { PageBadgeInfo, PageChoice } from './page-badges.ts';

interface Props {
  badge: PageBadgeInfo;
  /** The page in words, for the button's label: "「申请书.pdf」第 2 页". */
  where: string;
  onUndo: (choice: PageChoice) => void;
}

/** One change on a page's thumbnail ("略去空白背面"), with the button that undoes it when it can be undone. */
export function PageBadge({ badge, where, onUndo }: Props) {
  const undo = badge.undo;
  return (
    <span className={`page-badge tone-${badge.tone}`} data-kind={badge.kind}>
      {badge.text}
      {undo && (
        <button
          type="button"
          className="page-badge-undo"
          onClick={() => onUndo(undo.choice)}
          aria-label={`${undo.label}：${where}${badge.text}${undo.scope ? `（${undo.scope}）` : ''}`}
          title={undo.scope}
        >
          {undo.label}
        </button>
      )}
    </span>
  );
}
