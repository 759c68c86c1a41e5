import { useState, type DragEvent, type LiHTMLAttributes } from 'react';
import { dropIndex, focusAfterMove } from './file-order.ts';

/** Marks a drag of one of our files, so a file dragged in from the file manager is left to the drop zone. */
const FILE_ORDER_TYPE = 'application/x-juanzong-file-order';

interface Drag {
  from: number;
  over: number | null;
  lowerHalf: boolean;
}

const lowerHalf = (e: DragEvent<HTMLElement>) => {
  const box = e.currentTarget.getBoundingClientRect();
  return e.clientY > box.top + box.height / 2;
};

/**
 * Drag-and-drop ordering of a material's files (the buttons 移到最前 … 移到最后 are the keyboard's way): the
 * props for each file's `<li>`; a drop calls `onMove(fileId, newIndex)`.
 */
export function useFileDrag(fileIds: number[], onMove: (fileId: number, to: number) => void) {
  const [drag, setDrag] = useState<Drag | null>(null);
  const ours = (e: DragEvent) => e.dataTransfer.types.includes(FILE_ORDER_TYPE);

  return (index: number): LiHTMLAttributes<HTMLLIElement> & { 'data-drop'?: string } => ({
    draggable: true,
    'data-drop': drag?.over === index && drag.from !== index ? (drag.lowerHalf ? 'after' : 'before') : undefined,
    onDragStart: (e) => {
      e.dataTransfer.setData(FILE_ORDER_TYPE, String(fileIds[index]));
      e.dataTransfer.effectAllowed = 'move';
      setDrag({ from: index, over: null, lowerHalf: false });
    },
    onDragOver: (e) => {
      if (!ours(e) || !drag) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'move';
      const half = lowerHalf(e);
      if (drag.over !== index || drag.lowerHalf !== half) setDrag({ ...drag, over: index, lowerHalf: half });
    },
    onDrop: (e) => {
      if (!ours(e) || !drag) return;
      e.preventDefault();
      const id = fileIds[drag.from];
      const to = dropIndex(drag.from, index, lowerHalf(e));
      setDrag(null);
      if (id === undefined || to === drag.from) return;
      focusAfterMove(id, to < drag.from ? 'up' : 'down');
      onMove(id, to);
    },
    onDragEnd: () => setDrag(null),
  });
}
