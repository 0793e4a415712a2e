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
import type { Customer } from '#schemas/customers/customer.ts';
import { ConfirmDialog } from '#web/src/components/ui/confirm-dialog.tsx';
import { FormField } from '#web/src/components/ui/form-field.tsx';
import { useChangeKycStatus } from '#web/src/features/customers/api/change-kyc-status.ts';
import { useCustomersTranslation } from '#web/src/features/customers/i18n.ts';
import {
  checkKycDraft,
  type KycDraft,
  type KycError,
  type KycField,
  kycFields,
  kycRequest,
  kycStatuses,
} from '#web/src/features/customers/utils/decisions.ts';
import { customerDisplayName } from './customer-name.tsx';
import { DecisionAlerts } from './decision-alerts.tsx';
import { useDecisionForm } from './decision-form.ts';
import '#web/src/features/customers/customers.css';

export type KycDecisionFormProps = {
  customer: Customer;
  /** Reads the file again (after a conflict). */
  onReload: () => Promise<unknown>;
  reloading: boolean;
};

const fieldIds: Record<KycField, string> = { status: 'kyc-status', reason: 'kyc-reason' };

const empty: KycDraft = { status: '', reason: '' };

export const KycDecisionForm = ({ customer, onReload, reloading }: KycDecisionFormProps) => {
  const { t } = useCustomersTranslation();
  const mutation = useChangeKycStatus(customer.id);
  const statusLabels = t('enums.kycStatus', { returnObjects: true });

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
  const form = useDecisionForm({
    empty,
    // The current status is no decision (the API would record nothing): it is not offered, and a
    // choice that became the current status (someone decided the same meanwhile) is dropped.
    draftOf: (typed: KycDraft): KycDraft => ({
      ...typed,
      status: typed.status === customer.kycStatus ? '' : typed.status,
    }),
    fieldsOf: () => kycFields,
    fieldIds,
    check: checkKycDraft,
    messages: { status: errorMessage, reason: errorMessage },
    apiMessage: (field) =>
      field === 'status' ? t('decisions.kyc.errors.status') : t('decisions.kyc.errors.reasonInvalid'),
    mutation,
    request: (draft) => (draft.status ? kycRequest(customer, { ...draft, status: draft.status }) : undefined),
    savedOf: (stored) => stored.kycStatus,
    onReload,
  });
  // The controls show the decision: a status that became the current one shows as none chosen.
  const { status, reason } = form.draft;

  return (
    <section className="card decision" aria-labelledby="kyc-title">
      <h2 id="kyc-title">{t('decisions.kyc.title')}</h2>
      <p className="muted">{t('decisions.kyc.current', { status: statusLabels[customer.kycStatus] })}</p>
      {form.saved ? (
        <p className="notice notice-success" role="status" tabIndex={-1} ref={form.savedRef}>
          {t('decisions.kyc.saved', { status: statusLabels[form.saved] })}
        </p>
      ) : null}
      <DecisionAlerts
        id="kyc-conflict"
        error={mutation.error}
        others={form.apiOthers}
        onReload={() => void form.reload()}
        reloading={reloading}
      />
      <form className="decision-form" onSubmit={form.submit} noValidate>
        <FormField id={fieldIds.status} label={t('decisions.kyc.status')} error={form.messageFor('status')}>
          {(control) => (
            <select {...control} required value={status} onChange={form.set('status')}>
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
          error={form.messageFor('reason')}
        >
          {(control) => (
            <textarea {...control} required rows={3} value={reason} onChange={form.set('reason')} />
          )}
        </FormField>
        <div className="form-actions">
          <button type="submit" className="button button-primary" aria-disabled={form.held}>
            {mutation.isPending ? t('decisions.kyc.saving') : t('decisions.kyc.submit')}
          </button>
        </div>
      </form>
      {form.confirming && status ? (
        <ConfirmDialog
          title={t('decisions.kyc.confirmTitle')}
          cancelLabel={t('decisions.kyc.back')}
          confirmLabel={t('decisions.kyc.confirm')}
          onCancel={form.cancel}
          onConfirm={form.confirm}
        >
          <p>
            {t('decisions.kyc.confirmBody', {
              name: customerDisplayName(customer),
              from: statusLabels[customer.kycStatus],
              to: statusLabels[status],
            })}
          </p>
          <p className="confirm-reason">{t('decisions.kyc.confirmReason', { reason: reason.trim() })}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
};
