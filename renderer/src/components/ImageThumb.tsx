import { useEffect, useState } from 'react';
import { attachmentContent, isShownImage } from '../pdf/content-cache.ts';

/** An attached image as a thumbnail (TIFF, which Chromium cannot show, as a labelled placeholder). */
export function ImageThumb({
  attachmentId,
  mediaType,
  turn = 0,
  label,
}: {
  attachmentId: number;
  mediaType: string;
  turn?: number;
  label: string;
}) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!isShownImage(mediaType)) return;
    let objectUrl: string | null = null;
    let gone = false;
    void attachmentContent(attachmentId).then(({ bytes, mediaType: type }) => {
      if (gone) return;
      objectUrl = URL.createObjectURL(new Blob([bytes.slice()], { type }));
      setUrl(objectUrl);
    });
    return () => {
      gone = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [attachmentId, mediaType]);
  if (!isShownImage(mediaType)) {
    return (
      <span className="thumb thumb-placeholder" role="img" aria-label={label}>
        {mediaType.replace('image/', '').toUpperCase()} 图片
      </span>
    );
  }
  return (
    <span className="thumb">
      {url ? (
        <img src={url} alt={label} className={`thumb-image turn-${turn}`} />
      ) : (
        <span className="thumb-canvas" role="img" aria-label={label} />
      )}
    </span>
  );
}
