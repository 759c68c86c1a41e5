import { useRef, useState, type DragEvent } from 'react';
import type { AttachmentWithTurns, ApplicationDetail, CheckResultDto, FilePages } from '#shared/contract/index.ts';
import { fileInputAccept } from '#shared/file-kinds.ts';
import { materialStatusLabels, sealRuleText, type MaterialStateKind } from '#shared/dossier/material-status.ts';
import type { ProfileMaterial } from '#shared/profiles/index.ts';
import type { InterruptedImport } from '../import-journal.ts';
import { AttachmentItem } from './AttachmentItem.tsx';
import { FindingList } from './FindingList.tsx';
import { MaterialStateControl } from './MaterialStateControl.tsx';
import type { PageChoice } from './page-badges.ts';
import { UndoBar, type UndoOffer } from './UndoBar.tsx';
import { useFileDrag } from './use-file-drag.ts';

export interface FileProblem {
  fileName: string;
  message: string;
}

export interface MaterialActions {
  /** Adds the files one by one, telling `onTaken` how many are done after each (the list shows them as they come). */
  addFiles: (materialId: string, files: File[], onTaken?: (done: number) => void) => Promise<FileProblem[]>;
  /** Puts file `id` at index `to` of the material's files. */
  moveTo: (materialId: string, id: number, to: number) => void;
  remove: (file: AttachmentWithTurns) => void;
  /** Leaves out, keeps or turns one page of a file; answers the file's refreshed pages (null: failed, said on the card). */
  decidePage: (file: AttachmentWithTurns, page: number, choice: PageChoice) => Promise<FilePages | null>;
  /** Puts a file's pages in this order (page numbers as printed; null: the file's own order); answers them refreshed. */
  reorderPages: (file: AttachmentWithTurns, order: number[] | null) => Promise<FilePages | null>;
  /** The clerk's switch: print this file's review markup on paper too. */
  keepMarkup: (file: AttachmentWithTurns, keep: boolean) => void;
  setState: (materialId: string, state: MaterialStateKind | null, reason: string) => void;
}

const requirementLabels = {
  required: '必须提交',
  exemptible: '必须提交（符合条件可免交）',
  conditional: '视情况提交',
} as const;

interface Props {
  material: ProfileMaterial;
  detail: ApplicationDetail;
  findings: CheckResultDto['findings'];
  actions: MaterialActions;
  /** Why the last change to this material (move, remove, turn, mark) was not saved, shown on the card. */
  actionError?: string;
  /** Files being added when the window was last closed: which are in, which must be added again. */
  cutShort?: InterruptedImport;
  onDismissCutShort?: () => void;
  /** The file last removed from this material, offered for 撤销. */
  undo?: UndoOffer | null;
  onUndoClosed?: () => void;
}

function CutShortNote({ left, onDismiss }: { left: InterruptedImport; onDismiss?: () => void }) {
  const list = (names: string[]) => names.map((n) => `「${n}」`).join('、');
  return (
    <div role="status" className="note cut-short">
      <p>上次添加文件时窗口被关闭了。</p>
      {left.added.length > 0 && (
        <p>
          已加入 {left.added.length} 个：{list(left.added)}。
        </p>
      )}
      {left.missing.length > 0 && (
        <p>
          没有加入 {left.missing.length} 个：{list(left.missing)}，请重新添加这些文件。
        </p>
      )}
      <button type="button" className="secondary small" onClick={onDismiss}>
        知道了
      </button>
    </div>
  );
}

/** One material of the guide: what it is, where to get it, its seal rule, its files, and a drop zone. */
export function MaterialCard({
  material: m,
  detail,
  findings,
  actions,
  actionError,
  cutShort,
  onDismissCutShort,
  undo = null,
  onUndoClosed = () => {},
}: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [problems, setProblems] = useState<FileProblem[]>([]);
  const [busy, setBusy] = useState<{ total: number; done: number } | null>(null);
  const [over, setOver] = useState(false);
  const files = detail.attachments.filter((a) => a.materialId === m.id).sort((a, b) => a.position - b.position);
  const state = detail.materialStates[m.id];
  const dragProps = useFileDrag(
    files.map((f) => f.id),
    (id, to) => actions.moveTo(m.id, id, to),
  );
  const pages = files.reduce((n, f) => n + (f.pageCount ?? 1), 0);
  const status = state
    ? `已标记${materialStatusLabels[state.state]}`
    : files.length
      ? `已添加 ${files.length} 个文件，共 ${pages} 页`
      : '还没有文件';

  async function add(list: File[]) {
    if (list.length === 0) return;
    setBusy({ total: list.length, done: 0 });
    setProblems(await actions.addFiles(m.id, list, (done) => setBusy({ total: list.length, done })));
    setBusy(null);
  }
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void add([...e.dataTransfer.files]);
  };

  return (
    <article
      className={`card material ${state ? 'set-aside' : files.length ? 'has-files' : 'no-files'}`}
      aria-labelledby={`material-${m.id}`}
      data-material={m.id}
    >
      <header className="material-head">
        <h3 id={`material-${m.id}`}>{m.title}</h3>
        <span className={`badge ${m.requirement.kind}`}>{requirementLabels[m.requirement.kind]}</span>
        <span className={`material-status ${files.length || state ? 'done' : ''}`}>{status}</span>
      </header>
      <p>{m.description}</p>
      <dl className="material-facts">
        <div>
          <dt>从哪里取得</dt>
          <dd>{m.source}</dd>
        </div>
        <div>
          <dt>盖章要求</dt>
          <dd>{sealRuleText(m.seal)}</dd>
        </div>
        {m.requirement.kind === 'conditional' && (
          <div>
            <dt>何时需要</dt>
            <dd>{m.requirement.when}</dd>
          </div>
        )}
        <div>
          <dt>怎么准备</dt>
          <dd>{m.help}</dd>
        </div>
      </dl>
      <details className="guide-details">
        <summary>指南原文</summary>
        <blockquote className="guide-quote">{m.quote}</blockquote>
      </details>
      {!state && (
        <div
          className={`drop-zone ${over ? 'over' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={onDrop}
          data-testid={`drop-${m.id}`}
        >
          <span>把文件拖到这里，或</span>
          <button
            type="button"
            className="secondary"
            onClick={() => input.current?.click()}
            aria-label={`为「${m.title}」选择文件`}
          >
            选择文件
          </button>
          <input
            ref={input}
            type="file"
            multiple
            hidden
            accept={fileInputAccept}
            aria-label={`「${m.title}」的文件`}
            onChange={(e) => {
              const chosen = [...(e.target.files ?? [])];
              e.target.value = '';
              void add(chosen);
            }}
          />
          <span className="hint">
            可一次选多个文件：PDF、JPEG、PNG、TIFF。文件会复制进卷宗，原文件以后移动或删除都不影响。
          </span>
        </div>
      )}
      <UndoBar offer={undo} onClose={onUndoClosed} />
      {cutShort && <CutShortNote left={cutShort} onDismiss={onDismissCutShort} />}
      {actionError && (
        <p role="alert" className="field-error">
          {actionError}
        </p>
      )}
      {busy && (
        <p role="status" className="hint">
          正在添加 {busy.total} 个文件：已处理 {busy.done} 个…
        </p>
      )}
      {problems.length > 0 && (
        <div role="alert" className="file-problems">
          <ul>
            {problems.map((p, i) => (
              <li key={i}>{p.message}</li>
            ))}
          </ul>
          <button type="button" className="secondary small" onClick={() => setProblems([])}>
            知道了
          </button>
        </div>
      )}
      {files.length > 0 && (
        <ol className="attachments" aria-label={`「${m.title}」的文件（按装订顺序）`}>
          {files.map((f, i) => (
            <AttachmentItem
              key={f.id}
              file={f}
              index={i}
              count={files.length}
              onMoveTo={(to) => actions.moveTo(m.id, f.id, to)}
              dragProps={dragProps(i)}
              onRemove={() => actions.remove(f)}
              onDecide={(page, choice) => actions.decidePage(f, page, choice)}
              onReorderPages={(order) => actions.reorderPages(f, order)}
              onKeepMarkup={(keep) => actions.keepMarkup(f, keep)}
            />
          ))}
        </ol>
      )}
      <MaterialStateControl
        material={m}
        state={state}
        hasFiles={files.length > 0}
        onSet={(s, r) => actions.setState(m.id, s, r)}
      />
      <FindingList findings={findings} label={`「${m.title}」的检查结果`} />
    </article>
  );
}
