import { useEffect, useId, useState } from 'react';
import { typedPage } from '../pdf/zoom.ts';

interface Props {
  page: number;
  pages: number;
  onJump: (page: number) => void;
  /** The box's accessible name, e.g. "要看的页". */
  label: string;
}

/** 第 [ 12 ] 页 / 共 300 页: Enter jumps; a page that does not exist is said at the box. */
export function PageJumpBox({ page, pages, onJump, label }: Props) {
  const [typed, setTyped] = useState(String(page));
  const [error, setError] = useState('');
  const errorId = useId();
  useEffect(() => {
    setTyped(String(page));
    setError('');
  }, [page]);

  const jump = () => {
    const result = typedPage(typed, pages);
    if ('error' in result) {
      setError(result.error);
      return;
    }
    setError('');
    onJump(result.page);
  };
  return (
    <span className="page-jump">
      <label>
        第{' '}
        <input
          type="text"
          inputMode="numeric"
          size={Math.max(2, String(pages).length)}
          value={typed}
          aria-label={label}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => setTyped(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            jump();
          }}
        />{' '}
        页
      </label>
      <span className="hint"> / 共 {pages} 页</span>
      {error && (
        <span id={errorId} role="alert" className="field-error page-jump-error">
          {error}
        </span>
      )}
    </span>
  );
}
