/**
 * A question the user must answer before going on (e.g. leave with unsaved changes): a modal
 * `<dialog>`, so the browser keeps focus inside it, Escape answers "cancel" and the page behind
 * is inert. The safe answer comes first and takes the focus; closing gives the focus back to
 * what had it.
 */
import { type ReactNode, useId, useLayoutEffect, useRef } from 'react';

export type ConfirmDialogProps = {
  title: string;
  children: ReactNode;
  /** The safe answer (stay, keep), focused first; Escape chooses it too. */
  cancelLabel: string;
  /** The answer that goes on (leave, discard). */
  confirmLabel: string;
  onCancel: () => void;
  onConfirm: () => void;
};

/** Shown while mounted. */
export const ConfirmDialog = ({
  title,
  children,
  cancelLabel,
  confirmLabel,
  onCancel,
  onConfirm,
}: ConfirmDialogProps) => {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    return () => dialog.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="dialog"
      role="alertdialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id={`${id}-title`} className="dialog-title">
        {title}
      </h2>
      <div id={`${id}-body`}>{children}</div>
      <div className="form-actions">
        <button type="button" className="button button-primary" onClick={onCancel}>
          {cancelLabel}
        </button>
        <button type="button" className="button button-secondary" onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
};
