import { useState } from 'react';
import type { AttachmentWithTurns, PageMap } from '#shared/contract/index.ts';
import { call, errorMessage } from '../api.ts';

type PageMapEntry = NonNullable<PageMap['pageList']>[number];
type Source = NonNullable<PageMapEntry['source']>;

interface Props {
  entry: PageMapEntry | undefined;
  attachments: AttachmentWithTurns[];
  /** Materials or options changed since the dossier was generated (files may have moved). */
  stale: boolean;
  /** A turn was saved: the caller reads the application again (the dossier is now out of date). */
  onTurned: () => void;
}

const kindText = { cover: '封面', toc: '目录', blank: '空白页', content: '' } as const;

/**
 * The attached file a dossier page came from. The dossier names it `<folder>/<position>/<name>` (as staged for
 * assembly); the position finds it, the name guards against files moved since.
 */
export function sourceAttachment(
  source: Source,
  attachments: AttachmentWithTurns[],
  stale: boolean,
): AttachmentWithTurns | undefined {
  const [, position, name] = source.file.split(/[\\/]/);
  const found = attachments.find((a) => a.materialId === source.material && String(a.position) === position);
  if (!found) return undefined;
  return !stale || found.originalName.normalize('NFC') === name ? found : undefined;
}

/** 左转 / 右转 for the file page behind a dossier page; the dossier shows it once generated again. */
export function SourcePageTurn({ entry, attachments, stale, onTurned }: Props) {
  const [said, setSaid] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  if (!entry?.source) {
    const what = entry ? kindText[entry.kind] : '';
    return (
      <section aria-label="转动这一页">
        <h3>转动这一页</h3>
        <p className="hint">{what ? `这是${what}，由卷宗自动生成，不能转动。` : '这份卷宗没有记下各页的来源。'}</p>
      </section>
    );
  }
  const source = entry.source;
  const file = sourceAttachment(source, attachments, stale);

  async function turn(by: -90 | 90) {
    if (!file) return;
    setBusy(true);
    try {
      const pages = await call('pages:get', { attachmentId: file.id });
      const now = pages.pages[source.page - 1]?.applied.turn?.degrees ?? 0;
      const next = (((now + by) % 360) + 360) % 360;
      await call('pages:decide', { attachmentId: file.id, page: source.page, turn: next as 0 | 90 | 180 | 270 });
      const way = by < 0 ? '向左' : '向右';
      setSaid({
        ok: true,
        text: `已把「${file.originalName}」第 ${source.page} 页${way}转 90°（现为顺时针 ${next}°）。卷宗要重新生成才会显示：关闭后点「重新生成」。`,
      });
      onTurned();
    } catch (e) {
      setSaid({ ok: false, text: `没能转动这一页：${errorMessage(e)}` });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-label="转动这一页">
      <h3>转动这一页</h3>
      {file ? (
        <>
          <p>
            来自「{file.originalName}」第 {source.page} 页。
          </p>
          <p className="button-row">
            <button type="button" className="secondary small" disabled={busy} onClick={() => void turn(-90)}>
              左转 90°
            </button>{' '}
            <button type="button" className="secondary small" disabled={busy} onClick={() => void turn(90)}>
              右转 90°
            </button>
          </p>
          <p className="hint">转动的是原文件的这一页；卷宗要重新生成后才改过来。</p>
        </>
      ) : (
        <p className="hint">
          生成之后又移动或移除了文件，找不到这一页对应的文件。请先点「重新生成」，再在新卷宗里转动。
        </p>
      )}
      {said && (
        <p role={said.ok ? 'status' : 'alert'} className={said.ok ? 'ok-note' : 'field-error'}>
          {said.text}
        </p>
      )}
    </section>
  );
}
