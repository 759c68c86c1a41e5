import { useState, type LiHTMLAttributes } from 'react';
import type { AttachmentWithTurns, FilePages } from '#shared/contract/index.ts';
import { attachmentContent } from '../pdf/content-cache.ts';
import { FileOrderButtons } from './FileOrderButtons.tsx';
import { ImageThumb } from './ImageThumb.tsx';
import { PageStrip } from './PageStrip.tsx';
import { PageThumb } from './PageThumb.tsx';
import type { PageChoice } from './page-badges.ts';

interface Props {
  file: AttachmentWithTurns;
  index: number;
  count: number;
  onMoveTo: (to: number) => void;
  /** Drag-and-drop ordering (see `useFileDrag`). */
  dragProps?: LiHTMLAttributes<HTMLLIElement>;
  onRemove: () => void;
  /** Leaves out, keeps or turns one page (`pages:decide`), answering the file's refreshed pages. */
  onDecide: (page: number, choice: PageChoice) => Promise<FilePages | null>;
  /** Puts the file's pages in this order (null: the file's own order), answering them refreshed. */
  onReorderPages: (order: number[] | null) => Promise<FilePages | null>;
  onKeepMarkup: (keep: boolean) => void;
}

const sizeText = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** One attached file: its first page, its name and size, the buttons to reorder and remove it, and its pages. */
export function AttachmentItem(props: Props) {
  const { file, index, count, onMoveTo, dragProps, onRemove, onDecide, onReorderPages, onKeepMarkup } = props;
  const [open, setOpen] = useState(false);
  const pages = file.pageCount ?? 1;
  const isPdf = file.mediaType === 'application/pdf';
  const turned = Object.values(file.turns).filter((t) => t !== 0).length;
  const load = () => attachmentContent(file.id).then((c) => c.bytes);
  const thumb = (page: number, width: number) => {
    const turn = file.turns[String(page)] ?? 0;
    const label = `「${file.originalName}」第 ${page} 页`;
    return isPdf ? (
      <PageThumb docKey={`attachment:${file.id}`} load={load} page={page} turn={turn} width={width} label={label} />
    ) : (
      <ImageThumb attachmentId={file.id} mediaType={file.mediaType} turn={turn} label={label} />
    );
  };
  return (
    <li className="attachment" {...dragProps}>
      <div className="attachment-row">
        {thumb(1, 72)}
        <div className="attachment-info">
          <span className="file-name">{file.originalName}</span>
          <span className="hint">
            {pages} 页 · {sizeText(file.size)}
            {turned > 0 && ` · ${turned} 页已转向`}
          </span>
          <span className="attachment-actions">
            <FileOrderButtons
              fileId={file.id}
              name={file.originalName}
              index={index}
              count={count}
              onMoveTo={onMoveTo}
            />
            <button
              type="button"
              className="secondary small"
              aria-expanded={open}
              onClick={() => setOpen(!open)}
              aria-label={`查看和转动「${file.originalName}」的各页`}
            >
              {open ? '收起各页' : '查看各页 / 转页'}
            </button>
            <button
              type="button"
              className="secondary small danger"
              onClick={onRemove}
              aria-label={`移除「${file.originalName}」`}
            >
              移除
            </button>
          </span>
        </div>
      </div>
      <PaperNotices file={file} onKeepMarkup={onKeepMarkup} />
      <PageStrip file={file} expanded={open} onDecide={onDecide} onReorder={onReorderPages} />
    </li>
  );
}

/** What the file's paper copy leaves out (found when it was attached), and the switch to keep its review markup. */
function PaperNotices({ file, onKeepMarkup }: { file: AttachmentWithTurns; onKeepMarkup: (keep: boolean) => void }) {
  if (file.notices.length === 0) return null;
  const markup = file.notices.find((n) => n.code === 'markup-removed');
  const text = (n: AttachmentWithTurns['notices'][number]) =>
    n.code === 'markup-removed' && file.keepMarkup ? `保留了 ${n.count} 处批注，会照原样打印在纸上。` : n.message;
  return (
    <div className="paper-notices" role="note" aria-label={`「${file.originalName}」的纸质版说明`}>
      <ul>
        {file.notices.map((n) => (
          <li key={n.code}>{text(n)}</li>
        ))}
      </ul>
      {markup && (
        <label className="keep-markup">
          <input type="checkbox" checked={file.keepMarkup} onChange={(e) => onKeepMarkup(e.target.checked)} />
          保留批注（打印在纸上）
        </label>
      )}
    </div>
  );
}
