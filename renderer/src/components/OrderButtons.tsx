import { useEffect, useRef } from 'react';
import { focusAfterMove, takeFocusAfterMove, type FocusKey, type OrderButton } from './file-order.ts';

interface Props {
  /** Names the item, so that its buttons find the focus again once the list is drawn in the new order. */
  focusKey: FocusKey;
  index: number;
  count: number;
  onMoveTo: (to: number) => void;
  /** Each button's text, e.g. 上移. */
  words: Record<OrderButton, string>;
  /** Each button's accessible name, naming the item: 上移「a.pdf」. */
  labelOf: (button: OrderButton) => string;
}

// The pressed button may be disabled once the item has moved (上移 at the top): the focus goes to the next one here.
const fallback: Record<OrderButton, OrderButton[]> = {
  first: ['first', 'down', 'last'],
  up: ['up', 'down', 'last'],
  down: ['down', 'up', 'first'],
  last: ['last', 'up', 'first'],
};

/** To the front / one up / one down / to the back for one item of a list; the focus stays on the moved item. */
export function OrderButtons({ focusKey, index, count, onMoveTo, words, labelOf }: Props) {
  const buttons = useRef<Partial<Record<OrderButton, HTMLButtonElement | null>>>({});
  const target: Record<OrderButton, number> = { first: 0, up: index - 1, down: index + 1, last: count - 1 };
  const enabled = (b: OrderButton) => (b === 'first' || b === 'up' ? index > 0 : index < count - 1);

  useEffect(() => {
    const pressed = takeFocusAfterMove(focusKey);
    if (!pressed) return;
    const next = fallback[pressed].find(enabled);
    if (next) buttons.current[next]?.focus();
    // `enabled` reads `index` and `count`.
  }, [focusKey, index, count]);

  const button = (b: OrderButton) => (
    <button
      ref={(el) => {
        buttons.current[b] = el;
      }}
      type="button"
      className="secondary small"
      disabled={!enabled(b)}
      onClick={() => {
        focusAfterMove(focusKey, b);
        onMoveTo(target[b]);
      }}
      aria-label={labelOf(b)}
    >
      {words[b]}
    </button>
  );
  return (
    <>
      {button('first')}
      {button('up')}
      {button('down')}
      {button('last')}
    </>
  );
}
