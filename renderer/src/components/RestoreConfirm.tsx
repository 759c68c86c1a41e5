import { useEffect, useRef } from 'react';

interface Props {
  /** The question, e.g. `恢复 2026/11/29 16:08:05 的手动备份？`. */
  title: string;
  /** When the data will be back to, e.g. `2026/11/29 16:08:05 时` or `这个备份做出时`. */
  backTo: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * Asks before a restore and says what will happen. A modal `<dialog>`: focus stays inside, Esc cancels, and 取消
 * has the focus first so Enter never restores by accident.
 */
export function RestoreConfirm({ title, backTo, onConfirm, onCancel }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    // React's autoFocus runs before showModal, which then moves the focus: give it to 取消 afterwards.
    cancelRef.current?.focus();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby="restore-title"
      aria-describedby="restore-what"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id="restore-title">{title}</h2>
      <div id="restore-what">
        <p>恢复后，卷宗里所有的申报单位和申报项目都会回到{backTo}的样子；在那之后所做的修改会被替换。</p>
        <p>替换之前，卷宗会先把现在的数据另存为一个「恢复前」备份。如果恢复后发现不对，可以再恢复那个备份。</p>
        <p>恢复完成后，本页和首页的列表会重新读取。</p>
      </div>
      <div className="button-row dialog-buttons">
        <button type="button" onClick={onConfirm}>
          恢复这个备份
        </button>
        <button type="button" className="secondary" ref={cancelRef} onClick={onCancel}>
          取消
        </button>
      </div>
    </dialog>
  );
}
