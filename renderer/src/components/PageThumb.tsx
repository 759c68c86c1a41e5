import { useEffect, useRef, useState } from 'react';
import { openPdf, renderThumbnail, type PdfSource } from '../pdf/pdf-pages.ts';

interface Props {
  /** Identifies the document (`attachment:12`, `dossier:<jobId>`). */
  docKey: string;
  load: () => Promise<PdfSource>;
  page: number;
  turn?: number;
  width: number;
  label: string;
}

/** One PDF page as a thumbnail, rendered only once it scrolls into view. */
export function PageThumb({ docKey, load, page, turn = 0, width, label }: Props) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [state, setState] = useState<'waiting' | 'done' | 'failed'>('waiting');
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    let job: ReturnType<typeof renderThumbnail> | null = null;
    let gone = false;
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        observer.disconnect();
        void openPdf(docKey, () => loadRef.current())
          .then((doc) => {
            if (gone) return;
            job = renderThumbnail(doc, page, canvas, width, turn);
            return job.promise;
          })
          .then(() => !gone && setState('done'))
          .catch(() => !gone && setState('failed'));
      },
      { rootMargin: '300px' },
    );
    observer.observe(canvas);
    return () => {
      gone = true;
      observer.disconnect();
      job?.cancel();
    };
  }, [docKey, page, turn, width]);

  return (
    <span className={`thumb thumb-${state}`} data-width={width}>
      <canvas
        ref={canvasRef}
        role="img"
        aria-label={label}
        className={width > 150 ? 'thumb-canvas large' : 'thumb-canvas'}
      />
      {state === 'failed' && <span className="thumb-failed">无法显示</span>}
    </span>
  );
}
