import type { LiHTMLAttributes } from 'react';
import type { AttachmentWithTurns, FilePage, FilePages } from '#shared/contract/index.ts';
import { isNaturalOrder } from '#shared/page-order.ts';
import { attachmentContent } from '../pdf/content-cache.ts';
import { useFilePages } from '../hooks/use-file-pages.ts';
import { movedTo, pageFocusKey } from './file-order.ts';
import { ImageThumb } from './ImageThumb.tsx';
import { PageBadge } from './PageBadge.tsx';
import { PageMoveButtons } from './PageMoveButtons.tsx';
import { PageThumb } from './PageThumb.tsx';
import { pageBadges, pageChangeCount, pageWarningLines, type PageChoice } from './page-badges.ts';
import { useDragOrder } from './use-file-drag.ts';
import './page-strip.css';

interface Props {
  file: AttachmentWithTurns;
  /** With the buttons to leave out or turn each page, and larger thumbnails. */
  expanded: boolean;
  /** Saves a decision (`pages:decide`), answering the refreshed pages (null when it failed: said on the card). */
  onDecide: (page: number, choice: PageChoice) => Promise<FilePages | null>;
  /** Puts the pages in this order (`pages:reorder`; null: the file's own order), answering the refreshed pages. */
  onReorder: (order: number[] | null) => Promise<FilePages | null>;
}

function statusText(pages: FilePages | null): string {
  if (!pages) return '正在读取页面…';
  if (pages.inspection === 'pending') return '正在检查页面…（空白背面、方向、歪斜等，检查完会自动更新）';
  if (pages.inspection === 'failed') return '未能自动检查这个文件的页面，请逐页核对；仍可略去或转动单页。';
  if (pages.inspection === 'read-only') return '只读打开：未检查页面，各页照原样显示。';
  return pageChangeCount(pages.pages) ?? '已检查各页，没有需要处理的页面。';
}

/** Pages shown before the strip is expanded, beyond those with a badge: a long file stays a few rows. */
const FIRST_PAGES = 12;

/** Marks a drag of a page within its file (not a whole file, nor a file from the file manager). */
const PAGE_ORDER_TYPE = 'application/x-juanzong-page-order';

interface Placed {
  page: FilePage;
  /** Its place in the order the dossier prints the file's pages (from 0). */
  position: number;
}

/** The pages in print order, each with its place; before the strip is expanded, the first few and those with a badge. */
function shownPages(pages: FilePages, expanded: boolean): Placed[] {
  const placed = pages.order.flatMap((n, position) => {
    const page = pages.pages[n - 1];
    return page ? [{ page, position }] : [];
  });
  if (expanded) return placed;
  // A single page without a badge is the row's own thumbnail: not drawn a second time.
  if (placed.length === 1 && pageBadges(placed[0]!.page).length === 0) return [];
  return placed.filter((p) => p.position < FIRST_PAGES || pageBadges(p.page).length > 0);
}

/**
 * Every page of an attached file as a thumbnail, drawn as the dossier will print it, with a badge per change the
 * inspection proposes (undone with one click) and, expanded, the clerk's own buttons to leave out or turn a page.
 */
export function PageStrip({ file, expanded, onDecide, onReorder }: Props) {
  const { pages, error, decide, reorder } = useFilePages(file.id, onDecide, onReorder);
  const warnings = pages ? pageWarningLines(pages.pages) : [];
  const shown = pages ? shownPages(pages, expanded) : [];
  const count = pages?.pages.length ?? 0;
  const hidden = count > 1 ? count - shown.length : 0;
  const order = pages?.order ?? [];
  const moveTo = (page: number, to: number) => void reorder(movedTo(order, page, to));
  const dragProps = useDragOrder({
    type: PAGE_ORDER_TYPE,
    keys: order,
    axis: 'x',
    focusKey: (page) => pageFocusKey(file.id, page),
    onMove: moveTo,
  });
  return (
    <div className="page-review">
      <p role="status" className={`page-review-status ${pages?.inspection ?? 'pending'}`}>
        {statusText(pages)}
      </p>
      {warnings.length > 0 && (
        <ul className="page-warnings" aria-label={`「${file.originalName}」的清晰度问题`}>
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      {pages && !isNaturalOrder(order) && (
        <p className="page-order-note">
          已调整页序，卷宗按下面的顺序打印这份文件。
          <button
            type="button"
            className="secondary small"
            onClick={() => void reorder(null)}
            aria-label={`把「${file.originalName}」的各页恢复原顺序`}
          >
            恢复原顺序
          </button>
        </p>
      )}
      {shown.length > 0 && (
        <ol
          className={`page-strip page-review-strip ${expanded ? 'expanded' : ''}`}
          aria-label={`「${file.originalName}」的各页`}
        >
          {shown.map(({ page, position }) => (
            <PageCell
              key={page.page}
              file={file}
              page={page}
              expanded={expanded}
              decide={decide}
              place={{ position, count: order.length, moveTo: (to) => moveTo(page.page, to) }}
              {...(expanded && order.length > 1 ? { dragProps: dragProps(position) } : {})}
            />
          ))}
        </ol>
      )}
      {hidden > 0 && <p className="hint page-review-more">另有 {hidden} 页未显示，点「查看各页 / 转页」可看全部。</p>}
    </div>
  );
}

interface CellProps {
  file: AttachmentWithTurns;
  page: FilePage;
  expanded: boolean;
  decide: (page: number, choice: PageChoice) => Promise<void>;
  /** The page's place in print order (from 0) among `count` pages, and how to move it to another. */
  place: { position: number; count: number; moveTo: (to: number) => void };
  /** Drag-and-drop ordering of the file's pages (see `useDragOrder`), when the strip is expanded. */
  dragProps?: LiHTMLAttributes<HTMLLIElement>;
}

function PageCell({ file, page, expanded, decide, place, dragProps }: CellProps) {
  const where = `「${file.originalName}」第 ${page.page} 页`;
  const badges = pageBadges(page);
  const choose = (choice: PageChoice) => void decide(page.page, choice);
  const moved = place.position + 1 !== page.page;
  return (
    <li
      className={`page-cell ${page.applied.skip ? 'left-out' : ''}`}
      title={page.said.join('\n') || undefined}
      {...dragProps}
    >
      <FilePageThumb file={file} page={page.page} turn={page.applied.turn?.degrees ?? 0} width={expanded ? 110 : 56} />
      <span className="page-number">
        第 {place.position + 1} 页{moved && <span className="page-source">（原第 {page.page} 页）</span>}
      </span>
      {badges.length > 0 && (
        <span className="page-badges">
          {badges.map((b) => (
            <PageBadge key={b.kind} badge={b} where={where} onUndo={choose} />
          ))}
        </span>
      )}
      {expanded && <PageActions page={page} where={where} choose={choose} />}
      {expanded && place.count > 1 && (
        <PageMoveButtons
          attachmentId={file.id}
          page={page.page}
          where={where}
          index={place.position}
          count={place.count}
          onMoveTo={place.moveTo}
        />
      )}
    </li>
  );
}

function PageActions({ page, where, choose }: { page: FilePage; where: string; choose: (c: PageChoice) => void }) {
  const turn = page.applied.turn?.degrees ?? 0;
  const turnTo = (delta: 90 | -90) => choose({ turn: ((turn + delta + 360) % 360) as 0 | 90 | 180 | 270 });
  const skipped = Boolean(page.applied.skip);
  const keep = page.findings?.proposals.skip ? false : null;
  return (
    <span className="page-actions">
      <button
        type="button"
        className="secondary small"
        onClick={() => turnTo(-90)}
        aria-label={`把${where}逆时针转 90°`}
      >
        左转
      </button>
      <button
        type="button"
        className="secondary small"
        onClick={() => turnTo(90)}
        aria-label={`把${where}顺时针转 90°`}
      >
        右转
      </button>
      <button
        type="button"
        className="secondary small"
        onClick={() => choose({ skip: skipped ? keep : true })}
        aria-label={skipped ? `保留${where}（打印并编页码）` : `略去${where}（不打印、不编页码）`}
      >
        {skipped ? '保留此页' : '略去此页'}
      </button>
    </span>
  );
}

function FilePageThumb({
  file,
  page,
  turn,
  width,
}: {
  file: AttachmentWithTurns;
  page: number;
  turn: number;
  width: number;
}) {
  // Not the row's own first-page label: that one names the file's thumbnail.
  const label = `「${file.originalName}」第 ${page} 页的缩略图`;
  if (file.mediaType !== 'application/pdf')
    return <ImageThumb attachmentId={file.id} mediaType={file.mediaType} turn={turn} label={label} />;
  const load = () => attachmentContent(file.id).then((c) => c.bytes);
  return <PageThumb docKey={`attachment:${file.id}`} load={load} page={page} turn={turn} width={width} label={label} />;
}
