import { useState, type DragEvent, type LiHTMLAttributes } from 'react';
import { dropIndex, focusAfterMove, type FocusKey } from './file-order.ts';

/** Marks a drag of one of our files, so a file dragged in from the file manager is left to the drop zone. */
const FILE_ORDER_TYPE = 'application/x-juanzong-file-order';

interface Drag {
  from: number;
  over: number | null;
  after: boolean;
}

export interface DragOrder<K> {
  /** Marks a drag of this list's items: any other drag (a file from the file manager, a whole file) passes by. */
  type: string;
  /** The items' keys in their order. */
  keys: K[];
  /** `x`: a wrapped row, dropped before or after an item by its left or right half; `y`: a column, by its upper or lower half. */
  axis: 'x' | 'y';
  /** The key under which the moved item's buttons find the focus again (see `focusAfterMove`). */
  focusKey: (key: K) => FocusKey;
  onMove: (key: K, to: number) => void;
}

const inSecondHalf = (e: DragEvent<HTMLElement>, axis: 'x' | 'y') => {
  const box = e.currentTarget.getBoundingClientRect();
  return axis === 'y' ? e.clientY > box.top + box.height / 2 : e.clientX > box.left + box.width / 2;
};

/**
 * Drag-and-drop ordering of a list (the buttons 移到最前 … 移到最后 are the keyboard's way): the props for each
 * item's `<li>`; a drop calls `onMove(key, newIndex)`. A list may sit inside an item of another (a file's pages
 * inside the file): the events of its own drags stop at its items.
 */
export function useDragOrder<K>({ type, keys, axis, focusKey, onMove }: DragOrder<K>) {
  const [drag, setDrag] = useState<Drag | null>(null);
  const ours = (e: DragEvent) => e.dataTransfer.types.includes(type);

  return (index: number): LiHTMLAttributes<HTMLLIElement> & { 'data-drop'?: string } => ({
    draggable: true,
    'data-drop': drag?.over === index && drag.from !== index ? (drag.after ? 'after' : 'before') : undefined,
    onDragStart: (e) => {
      e.stopPropagation();
      e.dataTransfer.setData(type, String(keys[index]));
      e.dataTransfer.effectAllowed = 'move';
      setDrag({ from: index, over: null, after: false });
    },
    onDragOver: (e) => {
      if (!ours(e) || !drag) return;
      e.preventDefault();
      e.stopPropagation();
      e.dataTransfer.dropEffect = 'move';
      const after = inSecondHalf(e, axis);
      if (drag.over !== index || drag.after !== after) setDrag({ ...drag, over: index, after });
    },
    onDrop: (e) => {
      if (!ours(e) || !drag) return;
      e.preventDefault();
      e.stopPropagation();
      const key = keys[drag.from];
      const to = dropIndex(drag.from, index, inSecondHalf(e, axis));
      setDrag(null);
      if (key === undefined || to === drag.from) return;
      focusAfterMove(focusKey(key), to < drag.from ? 'up' : 'down');
      onMove(key, to);
    },
    onDragEnd: (e) => {
      e.stopPropagation();
      setDrag(null);
    },
  });
}

/** Drag-and-drop ordering of a material's files: a drop calls `onMove(fileId, newIndex)`. */
export function useFileDrag(fileIds: number[], onMove: (fileId: number, to: number) => void) {
  return useDragOrder({ type: FILE_ORDER_TYPE, keys: fileIds, axis: 'y', focusKey: (id) => id, onMove });
}
