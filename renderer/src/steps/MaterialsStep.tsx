import { useState } from 'react';
import type { AttachmentWithTurns, FilePages } from '#shared/contract/index.ts';
import { call, errorMessage } from '../api.ts';
import { movedTo } from '../components/file-order.ts';
import { MaterialCard, type FileProblem, type MaterialActions } from '../components/MaterialCard.tsx';
import type { UndoOffer } from '../components/UndoBar.tsx';
import { endImport, interruptedImport, startImport } from '../import-journal.ts';
import { forgetPdf } from '../pdf/pdf-pages.ts';
import type { StepProps } from './step-props.ts';

/** Step 4: a card per material of the guide, with its files. */
/** While many files are added, how often the list is refreshed to show those taken so far. */
const SHOW_TAKEN_EVERY_MS = 1000;

export function MaterialsStep({ app, detail, profile, check }: StepProps) {
  const applicationId = detail.application.id;
  // Imports the window was closed in the middle of, read once when the step opens.
  const [cutShort, setCutShort] = useState(
    () =>
      new Map(
        profile.materials.flatMap((m) => {
          const left = interruptedImport(applicationId, m.id, detail.attachments);
          return left ? [[m.id, left] as const] : [];
        }),
      ),
  );
  // The last removal, offered for 撤销 on its material's card.
  const [undo, setUndo] = useState<{ materialId: string; offer: UndoOffer } | null>(null);
  const dismissCutShort = (materialId: string) => {
    endImport(applicationId, materialId);
    setCutShort((all) => new Map([...all].filter(([id]) => id !== materialId)));
  };
  // The offer comes once the file is off the card, so the focus (lost with its 移除 button) can land on 撤销.
  async function removeUndoably(file: AttachmentWithTurns) {
    const field = `material.${file.materialId}`;
    let undoToken: string | undefined;
    const done = await app.change(async () => {
      undoToken = (await call('attachments:remove', { id: file.id })).undoToken;
      forgetPdf(`attachment:${file.id}`);
      return call('applications:get', { id: applicationId });
    }, field);
    if (!done || !undoToken) return;
    const token = undoToken;
    const putBack = async () => {
      await call('removals:undo', { undoToken: token });
      return call('applications:get', { id: applicationId });
    };
    setUndo({
      materialId: file.materialId,
      offer: { what: file.originalName, undo: () => app.change(putBack, field) },
    });
  }
  /** Saves a change to a file's pages and reloads the application; answers the refreshed pages (null: failed). */
  async function changePages(file: AttachmentWithTurns, save: () => Promise<FilePages>): Promise<FilePages | null> {
    let answer: FilePages | null = null;
    await app.change(async () => {
      answer = await save();
      return call('applications:get', { id: applicationId });
    }, `material.${file.materialId}`);
    return answer as FilePages | null;
  }
  const actions: MaterialActions = {
    async addFiles(materialId, files, onTaken) {
      dismissCutShort(materialId);
      startImport(
        applicationId,
        materialId,
        files.map((f) => f.name),
      );
      const problems: FileProblem[] = [];
      let shownAt = performance.now();
      for (const [i, file] of files.entries()) {
        try {
          const bytes = new Uint8Array(await file.arrayBuffer());
          await call('attachments:add', { applicationId, materialId, fileName: file.name, bytes });
          // The files taken so far appear in the list while the rest come, at most about once a second.
          if (performance.now() - shownAt > SHOW_TAKEN_EVERY_MS && i < files.length - 1) {
            await app.reload();
            shownAt = performance.now();
          }
        } catch (e) {
          problems.push({ fileName: file.name, message: errorMessage(e) });
        }
        onTaken?.(i + 1);
      }
      endImport(applicationId, materialId);
      if (problems.length < files.length) await app.reload();
      return problems;
    },
    moveTo(materialId, id, to) {
      const ids = detail.attachments
        .filter((a) => a.materialId === materialId)
        .sort((a, b) => a.position - b.position)
        .map((a) => a.id);
      const order = movedTo(ids, id, to);
      if (order.every((x, i) => x === ids[i])) return;
      void app.change(
        () => call('attachments:reorder', { applicationId, materialId, order }),
        `material.${materialId}`,
      );
    },
    remove(file: AttachmentWithTurns) {
      void removeUndoably(file);
    },
    decidePage: (file, page, choice) =>
      changePages(file, () => call('pages:decide', { attachmentId: file.id, ...choice, page })),
    reorderPages: (file, order) => changePages(file, () => call('pages:reorder', { attachmentId: file.id, order })),
    keepMarkup(file, keep) {
      void app.change(() => call('attachments:keepMarkup', { id: file.id, keep }));
    },
    setState(materialId, state, reason) {
      void app.change(
        () => call('applications:setMaterialState', { applicationId, materialId, state, reason }),
        `material.${materialId}`,
      );
    },
  };
  const done = profile.materials.filter(
    (m) => detail.materialStates[m.id] || detail.attachments.some((a) => a.materialId === m.id),
  ).length;
  return (
    <>
      <p className="hint">
        指南要求的 {profile.materials.length} 项材料，已处理 {done} 项。按下面的顺序装订；每项可放多个文件，用“上移 /
        下移 / 移到最前 / 移到最后”或拖动文件调整顺序。
      </p>
      {(['common', 'special'] as const).map((group) => (
        <section key={group} aria-label={group === 'common' ? '共性申报材料' : '专项申报材料'}>
          <h3 className="group-heading">{group === 'common' ? '共性申报材料' : '专项申报材料'}</h3>
          {profile.materials
            .filter((m) => m.group === group)
            .map((m) => (
              <MaterialCard
                key={m.id}
                material={m}
                detail={detail}
                actionError={app.fieldErrors[`material.${m.id}`]}
                cutShort={cutShort.get(m.id)}
                onDismissCutShort={() => dismissCutShort(m.id)}
                undo={undo?.materialId === m.id ? undo.offer : null}
                onUndoClosed={() => setUndo(null)}
                findings={(check?.findings ?? []).filter((f) => f.subject === m.id)}
                actions={actions}
              />
            ))}
        </section>
      ))}
    </>
  );
}
