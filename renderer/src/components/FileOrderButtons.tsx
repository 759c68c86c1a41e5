import { OrderButtons } from './OrderButtons.tsx';
import './file-order.css';

interface Props {
  fileId: number;
  name: string;
  index: number;
  count: number;
  onMoveTo: (to: number) => void;
}

const words = { first: '移到最前', up: '上移', down: '下移', last: '移到最后' } as const;

/** 移到最前 / 上移 / 下移 / 移到最后 for one file; the focus stays on the moved file. */
export function FileOrderButtons({ fileId, name, index, count, onMoveTo }: Props) {
  return (
    <OrderButtons
      focusKey={fileId}
      index={index}
      count={count}
      onMoveTo={onMoveTo}
      words={words}
      labelOf={(b) => `${words[b]}「${name}」`}
    />
  );
}
