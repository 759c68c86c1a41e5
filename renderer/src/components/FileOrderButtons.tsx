import { useEffect, useRef } from 'react';
import { focusAfterMove, takeFocusAfterMove, type OrderButton } from './file-order.ts';
import './file-order.css';

interface Props {
  fileId: number;
  name: string;
  index: number;
  count: number;
  onMoveTo: (to: number) => void;
}

// The pressed button may be disabled once the file has moved (上移 at the top): the focus goes to the next one here.
const fallback: Record<OrderButton, OrderButton[]> = {
  first: ['first', 'down', 'last'],
  up: ['up', 'down', 'last'],
  down: ['down', 'up', 'first'],
  last: ['last', 'up', 'first'],
};

/** 移到最前 / 上移 / 下移 / 移到最后 for one file; the focus stays on the moved file. */
export function FileOrderButtons({ fileId, name, index, count, onMoveTo }: Props) {
  const buttons = useRef<Partial<Record<OrderButton, HTMLButtonElement | null>>>({});
  const target: Record<OrderButton, number> = { first: 0, up: index - 1, down: index + 1, last: count - 1 };
  const enabled = (b: OrderButton) => (b === 'first' || b === 'up' ? index > 0 : index < count - 1);

  useEffect(() => {
    const pressed = takeFocusAfterMove(fileId);
    if (!pressed) return;
    const next = fallback[pressed].find(enabled);
    if (next) buttons.current[next]?.focus();
    // `enabled` reads `index` and `count`.
  }, [fileId, index, count]);

  const button = (b: OrderButton, text: string) => (
    <button
      ref={(el) => {
        buttons.current[b] = el;
      }}
      type="button"
      className="secondary small"
      disabled={!enabled(b)}
      onClick={() => {
        focusAfterMove(fileId, b);
        onMoveTo(target[b]);
      }}
      aria-label={`${text}「${name}」`}
    >
      {text}
    </button>
  );
  return (
    <>
      {button('first', '移到最前')}
      {button('up', '上移')}
      {button('down', '下移')}
      {button('last', '移到最后')}
    </>
  );
}
