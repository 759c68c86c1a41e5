import { pageFocusKey } from './file-order.ts';
import { OrderButtons } from './OrderButtons.tsx';

interface Props {
  attachmentId: number;
  page: number;
  /** Names the page for the buttons' accessible names: 「合同.pdf」第 3 页. */
  where: string;
  /** The page's place in the file's print order, and how many pages the file has. */
  index: number;
  count: number;
  onMoveTo: (to: number) => void;
}

const words = { first: '最前', up: '前移', down: '后移', last: '最后' } as const;
const moves = { first: '移到最前', up: '前移一页', down: '后移一页', last: '移到最后' } as const;

/** 最前 / 前移 / 后移 / 最后 for one page of a file; the focus stays on the moved page. */
export function PageMoveButtons({ attachmentId, page, where, index, count, onMoveTo }: Props) {
  return (
    <span className="page-move" role="group" aria-label={`${where}的位置`}>
      <OrderButtons
        focusKey={pageFocusKey(attachmentId, page)}
        index={index}
        count={count}
        onMoveTo={onMoveTo}
        words={words}
        labelOf={(b) => `把${where}${moves[b]}`}
      />
    </span>
  );
}
