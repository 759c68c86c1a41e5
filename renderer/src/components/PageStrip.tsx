import type { AttachmentWithTurns, FilePage, FilePages } from '#shared/contract/index.ts';
import { attachmentContent } from '../pdf/content-cache.ts';
import { useFilePages } from '../hooks/use-file-pages.ts';
import { ImageThumb } from './ImageThumb.tsx';
import { PageBadge } from './PageBadge.tsx';
import { PageThumb } from './PageThumb.tsx';
import { pageBadges, pageChangeCount, pageWarningLines, type PageChoice } from './page-badges.ts';
import './page-strip.css';

interface Props {
  file: AttachmentWithTurns;
  /** With the buttons to leave out or turn each page, and larger thumbnails. */
  expanded: boolean;
  /** Saves a decision (`pages:decide`), answering the refreshed pages (null when it failed: said on the card). */
  onDecide: (page: number, choice: PageChoice) => Promise<FilePages | null>;
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

function shownPages(pages: FilePage[], expanded: boolean): FilePage[] {
  if (expanded) return pages;
  // A single page without a badge is the row's own thumbnail: not drawn a second time.
  if (pages.length === 1 && pageBadges(pages[0]!).length === 0) return [];
  return pages.filter((p, i) => i < FIRST_PAGES || pageBadges(p).length > 0);
}

/**
 * Every page of an attached file as a thumbnail, drawn as the dossier will print it, with a badge per change the
 * inspection proposes (undone with one click) and, expanded, the clerk's own buttons to leave out or turn a page.
 */
export function PageStrip({ file, expanded, onDecide }: Props) {
  const { pages, error, decide } = useFilePages(file.id, onDecide);
  const warnings = pages ? pageWarningLines(pages.pages) : [];
  const shown = pages ? shownPages(pages.pages, expanded) : [];
  const count = pages?.pages.length ?? 0;
  const hidden = count > 1 ? count - shown.length : 0;
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
      {shown.length > 0 && (
        <ol
          className={`page-strip page-review-strip ${expanded ? 'expanded' : ''}`}
          aria-label={`「${file.originalName}」的各页`}
        >
          {shown.map((p) => (
            <PageCell key={p.page} file={file} page={p} expanded={expanded} decide={decide} />
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
}

function PageCell({ file, page, expanded, decide }: CellProps) {
  const where = `「${file.originalName}」第 ${page.page} 页`;
  const badges = pageBadges(page);
  const choose = (choice: PageChoice) => void decide(page.page, choice);
  return (
    <li className={`page-cell ${page.applied.skip ? 'left-out' : ''}`} title={page.said.join('\n') || undefined}>
      <FilePageThumb file={file} page={page.page} turn={page.applied.turn?.degrees ?? 0} width={expanded ? 110 : 56} />
      <span className="page-number">第 {page.page} 页</span>
      {badges.length > 0 && (
        <span className="page-badges">
          {badges.map((b) => (
            <PageBadge key={b.kind} badge={b} where={where} onUndo={choose} />
          ))}
        </span>
      )}
      {expanded && <PageActions page={page} where={where} choose={choose} />}
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
