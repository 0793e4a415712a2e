/**
 * Why a deal was lost, asked before it moves to « Perdue »: a modal `<dialog>` (the browser keeps
 * the focus inside it, Escape cancels, the page behind is inert) with the reasons as radio buttons
 * and a note, required for « Autre ». Both are checked before anything is sent; the first in
 * error takes the focus.
 */
import { type FormEvent, useId, useLayoutEffect, useRef, useState } from 'react';
import type { Opportunity } from '#schemas/sales/opportunity.ts';
import { FormField } from '#web/src/components/ui/form-field.tsx';
import { useSalesTranslation } from '#web/src/features/sales/i18n.ts';
import { type LostReason, lostReasons } from '#web/src/features/sales/utils/pipeline-moves.ts';

export type LostDialogProps = {
  deal: Opportunity;
  onCancel: () => void;
  onConfirm: (lost: { lostReason: LostReason; note?: string | undefined }) => void;
};

/** The most a note may hold (the API's limit). */
const noteMaxLength = 500;

/** Shown while mounted. */
export const LostDialog = ({ deal, onCancel, onConfirm }: LostDialogProps) => {
  const { t } = useSalesTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [reason, setReason] = useState<LostReason>();
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ reason?: string | undefined; note?: string | undefined }>({});
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    return () => dialog.close();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = {
      ...(reason ? {} : { reason: t('pipeline.lost.reasonRequired') }),
      ...(reason === 'other' && !note.trim() ? { note: t('pipeline.lost.noteRequired') } : {}),
    };
    setErrors(found);
    if (found.reason) {
      document.getElementById(`${id}-reason-${lostReasons[0]}`)?.focus();
      return;
    }
    if (found.note || !reason) {
      document.getElementById(`${id}-note`)?.focus();
      return;
    }
    onConfirm({ lostReason: reason, note: note.trim() || undefined });
  };

  const reasonErrorId = `${id}-reason-error`;
  return (
    <dialog
      ref={ref}
      className="dialog pipeline-lost-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-deal`}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id={`${id}-title`} className="dialog-title">
        {t('pipeline.lost.title')}
      </h2>
      <p id={`${id}-deal`}>{t('pipeline.lost.deal', { title: deal.title, customer: deal.customerName })}</p>
      <form onSubmit={submit} noValidate>
        <fieldset className={`pipeline-lost-reasons${errors.reason ? ' field-invalid' : ''}`}>
          <legend>{t('pipeline.lost.reason')}</legend>
          {errors.reason ? (
            <p className="field-error" id={reasonErrorId}>
              {errors.reason}
            </p>
          ) : null}
          {lostReasons.map((option) => (
            <div key={option} className="pipeline-lost-reason">
              <input
                type="radio"
                id={`${id}-reason-${option}`}
                name={`${id}-reason`}
                value={option}
                checked={reason === option}
                aria-invalid={Boolean(errors.reason)}
                aria-describedby={errors.reason ? reasonErrorId : undefined}
                onChange={() => {
                  setReason(option);
                  setErrors((before) => ({ ...before, reason: undefined }));
                }}
              />
              <label htmlFor={`${id}-reason-${option}`}>{t(`pipeline.lostReasons.${option}`)}</label>
            </div>
          ))}
        </fieldset>
        <FormField
          id={`${id}-note`}
          label={t('pipeline.lost.note')}
          hint={t('pipeline.lost.noteHint')}
          {...(errors.note ? { error: errors.note } : {})}
        >
          {(control) => (
            <textarea
              {...control}
              value={note}
              maxLength={noteMaxLength}
              onChange={(event) => setNote(event.target.value)}
            />
          )}
        </FormField>
        <div className="form-actions">
          <button type="submit" className="button button-primary">
            {t('pipeline.lost.confirm')}
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {t('pipeline.lost.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
};
