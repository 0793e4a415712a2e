/**
 * The KYC decision of a customer file (compliance, or the manager of the customer's branch):
 * a new status and its reason, confirmed before it is sent with the version the file was read
 * at. The reason goes to the customer's history with the decision.
 *
 * - Both fields are checked at once; each error shows next to its field and the first field in
 *   error takes the focus. A 400 from the API is shown the same way.
 * - A 409 (someone changed the file first) shows the conflict and a reload; what was typed stays.
 * - Once recorded, the file is read again and the focus goes to the confirmation.
 */
import { type FormEvent, useState } from 'react';
import type { Customer } from '#schemas/customers/customer.ts';
import { ConfirmDialog } from '#web/src/components/ui/confirm-dialog.tsx';
import { FormField } from '#web/src/components/ui/form-field.tsx';
import { useChangeKycStatus } from '#web/src/features/customers/api/change-kyc-status.ts';
import { useCustomersTranslation } from '#web/src/features/customers/i18n.ts';
import {
  apiFieldOf,
  checkKycDraft,
  type KycDraft,
  type KycError,
  type KycErrors,
  type KycField,
  type KycStatus,
  kycFields,
  kycRequest,
  kycStatuses,
} from '#web/src/features/customers/utils/decisions.ts';
import { customerDisplayName } from './customer-name.tsx';
import { DecisionAlerts, isConflict, useApiFieldErrors, useDecisionFocus } from './decision-alerts.tsx';
import '#web/src/features/customers/customers.css';

export type KycDecisionFormProps = {
  customer: Customer;
  /** Reads the file again (after a conflict). */
  onReload: () => Promise<unknown>;
  reloading: boolean;
};

const fieldIds: Record<KycField, string> = { status: 'kyc-status', reason: 'kyc-reason' };

export const KycDecisionForm = ({ customer, onReload, reloading }: KycDecisionFormProps) => {
  const { t } = useCustomersTranslation();
  const mutation = useChangeKycStatus(customer.id);
  const [draft, setDraft] = useState<KycDraft>({ status: '', reason: '' });
  const [localErrors, setLocalErrors] = useState<KycErrors>({});
  const [confirming, setConfirming] = useState(false);
  const [saved, setSaved] = useState<KycStatus>();
  /** Bumped when the first field in error should take the focus, once rendered. */
  const statusLabels = t('enums.kycStatus', { returnObjects: true });

  // The current status is no decision (the API would record nothing): it is not offered, and a
  // choice that became the current status (someone decided the same meanwhile) is dropped.
  const status = draft.status === customer.kycStatus ? '' : draft.status;
  const current = { ...draft, status };

  const errorMessage = (error: KycError): string => {
    switch (error) {
      case 'statusRequired':
        return t('decisions.kyc.errors.status');
      case 'reasonRequired':
        return t('decisions.kyc.errors.reasonRequired');
      case 'reasonTooShort':
        return t('decisions.kyc.errors.reasonTooShort');
      case 'reasonTooLong':
        return t('decisions.kyc.errors.reasonTooLong');
    }
  };
  const api = useApiFieldErrors(
    mutation.error,
    (field) => apiFieldOf(field, kycFields),
    (field) =>
      field === 'status' ? t('decisions.kyc.errors.status') : t('decisions.kyc.errors.reasonInvalid'),
  );
  const messageFor = (field: KycField): string | undefined => {
    const local = localErrors[field];
    return local ? errorMessage(local) : api.fields.get(field);
  };
  const firstInError = kycFields.find((field) => messageFor(field));

  const { requestFocus, savedRef } = useDecisionFocus({
    firstInError,
    fieldIds,
    apiError: mutation.error,
    apiFieldErrors: api.fields.size,
    saved,
  });

  const set = (field: KycField) => (event: { target: { value: string } }) => {
    setDraft((before) => ({ ...before, [field]: event.target.value }));
    if (localErrors[field]) setLocalErrors((before) => ({ ...before, [field]: undefined }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mutation.isPending || isConflict(mutation.error)) return;
    setSaved(undefined);
    const errors = checkKycDraft(current);
    setLocalErrors(errors);
    if (Object.keys(errors).length > 0) {
      requestFocus();
      return;
    }
    setConfirming(true);
  };

  const confirm = () => {
    setConfirming(false);
    if (!status) return;
    mutation.mutate(kycRequest(customer, { ...current, status }), {
      onSuccess: (stored) => {
        setDraft({ status: '', reason: '' });
        setSaved(stored.kycStatus);
      },
    });
  };

  const reload = async () => {
    await onReload();
    mutation.reset();
    document.getElementById(fieldIds.status)?.focus();
  };

  return (
    <section className="card decision" aria-labelledby="kyc-title">
      <h2 id="kyc-title">{t('decisions.kyc.title')}</h2>
      <p className="muted">{t('decisions.kyc.current', { status: statusLabels[customer.kycStatus] })}</p>
      {saved ? (
        <p className="notice notice-success" role="status" tabIndex={-1} ref={savedRef}>
          {t('decisions.kyc.saved', { status: statusLabels[saved] })}
        </p>
      ) : null}
      <DecisionAlerts
        id="kyc-conflict"
        error={mutation.error}
        others={api.others}
        onReload={() => void reload()}
        reloading={reloading}
      />
      <form className="decision-form" onSubmit={submit} noValidate>
        <FormField id={fieldIds.status} label={t('decisions.kyc.status')} error={messageFor('status')}>
          {(control) => (
            <select {...control} required value={status} onChange={set('status')}>
              <option value="">{t('decisions.kyc.choose')}</option>
              {kycStatuses
                .filter((option) => option !== customer.kycStatus)
                .map((option) => (
                  <option key={option} value={option}>
                    {statusLabels[option]}
                  </option>
                ))}
            </select>
          )}
        </FormField>
        <FormField
          id={fieldIds.reason}
          label={t('decisions.kyc.reason')}
          hint={t('decisions.kyc.reasonHint')}
          error={messageFor('reason')}
        >
          {(control) => (
            <textarea {...control} required rows={3} value={draft.reason} onChange={set('reason')} />
          )}
        </FormField>
        <div className="form-actions">
          <button
            type="submit"
            className="button button-primary"
            aria-disabled={mutation.isPending || isConflict(mutation.error)}
          >
            {mutation.isPending ? t('decisions.kyc.saving') : t('decisions.kyc.submit')}
          </button>
        </div>
      </form>
      {confirming && status ? (
        <ConfirmDialog
          title={t('decisions.kyc.confirmTitle')}
          cancelLabel={t('decisions.kyc.back')}
          confirmLabel={t('decisions.kyc.confirm')}
          onCancel={() => setConfirming(false)}
          onConfirm={confirm}
        >
          <p>
            {t('decisions.kyc.confirmBody', {
              name: customerDisplayName(customer),
              from: statusLabels[customer.kycStatus],
              to: statusLabels[status],
            })}
          </p>
          <p className="confirm-reason">
            {t('decisions.kyc.confirmReason', { reason: draft.reason.trim() })}
          </p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
};
