/**
 * The end of a customer's business relationship (compliance, or the manager of the customer's
 * branch): the day it ended and the reason, confirmed before it is sent with the version the
 * file was read at. The AML retention runs 5 years from that day, then the file is erased; an
 * end recorded can be withdrawn, with a reason too. Both go to the customer's history.
 *
 * - The fields are checked at once; each error shows next to its field and the first field in
 *   error takes the focus. A 400 from the API is shown the same way.
 * - A 409 (someone changed the file first) shows the conflict and a reload; what was typed stays,
 *   unless the file now says otherwise (someone recorded or withdrew the end meanwhile).
 * - Once recorded, the file is read again and the focus goes to the confirmation.
 *
 * A prospect has no relationship to end: the page does not show the form for one.
 */
import { useState } from 'react';
import type { Customer } from '#schemas/customers/customer.ts';
import { ConfirmDialog } from '#web/src/components/ui/confirm-dialog.tsx';
import { FormField } from '#web/src/components/ui/form-field.tsx';
import { useRecordRelationshipEnd } from '#web/src/features/customers/api/record-relationship-end.ts';
import { useCustomersTranslation } from '#web/src/features/customers/i18n.ts';
import {
  checkRelationshipDraft,
  type EndedOnError,
  erasureDayOf,
  localDay,
  openedOnOf,
  type ReasonError,
  type RelationshipDraft,
  type RelationshipField,
  relationshipFields,
  relationshipRequest,
} from '#web/src/features/customers/utils/decisions.ts';
import { useLocale } from '#web/src/lib/i18n.ts';
import { customerDisplayName } from './customer-name.tsx';
import { DecisionAlerts } from './decision-alerts.tsx';
import { useDecisionForm } from './decision-form.ts';
import '#web/src/features/customers/customers.css';

export type RelationshipFormProps = {
  customer: Customer;
  /** Reads the file again (after a conflict). */
  onReload: () => Promise<unknown>;
  reloading: boolean;
};

/** What the form records: the end of the relationship, or the withdrawal of the end recorded. */
type Action = 'end' | 'withdraw';

const fieldIds: Record<RelationshipField, string> = {
  endedOn: 'relationship-ended-on',
  reason: 'relationship-reason',
};

const empty = { endedOn: '', reason: '' };

export const RelationshipForm = ({ customer, onReload, reloading }: RelationshipFormProps) => {
  const { t } = useCustomersTranslation();
  const { format } = useLocale();
  const mutation = useRecordRelationshipEnd(customer.id);
  const endedOn = customer.relationshipEndedOn;
  const action: Action = endedOn ? 'withdraw' : 'end';
  const today = localDay();
  const openedOn = openedOnOf(customer);

  const endedOnMessage = (error: EndedOnError): string => {
    switch (error) {
      case 'endedOnRequired':
        return t('decisions.relationship.errors.endedOnRequired');
      case 'endedOnInvalid':
        return t('decisions.relationship.errors.endedOnInvalid');
      case 'endedOnAfterToday':
        return t('decisions.relationship.errors.endedOnAfterToday');
      case 'endedOnBeforeOpening':
        return t('decisions.relationship.errors.endedOnBeforeOpening', { openedOn: format.date(openedOn) });
    }
  };
  const reasonMessage = (error: ReasonError): string => {
    switch (error) {
      case 'reasonRequired':
        return t('decisions.relationship.errors.reasonRequired');
      case 'reasonTooShort':
        return t('decisions.relationship.errors.reasonTooShort');
      case 'reasonTooLong':
        return t('decisions.relationship.errors.reasonTooLong');
    }
  };
  const form = useDecisionForm({
    empty,
    draftOf: (typed: typeof empty): RelationshipDraft => ({
      endedOn: action === 'end' ? typed.endedOn : null,
      reason: typed.reason,
    }),
    fieldsOf: relationshipFields,
    fieldIds,
    check: (draft: RelationshipDraft) => checkRelationshipDraft(draft, { today, openedOn }),
    messages: { endedOn: endedOnMessage, reason: reasonMessage },
    apiMessage: (field) =>
      field === 'endedOn'
        ? t('decisions.relationship.errors.endedOnInvalidApi', { openedOn: format.date(openedOn) })
        : t('decisions.relationship.errors.reasonInvalid'),
    mutation,
    request: (draft) => relationshipRequest(customer, draft),
    // The action confirmed, in a new object on each success, so that the focus goes to the
    // confirmation each time.
    savedOf: () => ({ action }),
    onReload,
  });

  // What was typed belongs to the action it was typed for: once the file says otherwise (ours
  // recorded, or someone else's change read after a conflict), it is dropped rather than sent
  // for the other action.
  const [typedFor, setTypedFor] = useState<Action>(action);
  if (typedFor !== action) {
    setTypedFor(action);
    form.clear();
  }

  // A prospect has no relationship to end (the API refuses it): nothing to show.
  if (customer.kind === 'prospect') return null;

  const name = customerDisplayName(customer);
  const dates = (on: string) => ({ on: format.date(on), erasedOn: format.date(erasureDayOf(on)) });

  return (
    <section className="card decision" aria-labelledby="relationship-title">
      <h2 id="relationship-title">{t('decisions.relationship.title')}</h2>
      {endedOn ? (
        <>
          <p className="relationship-ended">{t('decisions.relationship.ended', dates(endedOn))}</p>
          <p className="muted">{t('decisions.relationship.endedHint')}</p>
        </>
      ) : (
        <p className="muted">{t('decisions.relationship.ongoing')}</p>
      )}
      {form.saved ? (
        <p className="notice notice-success" role="status" tabIndex={-1} ref={form.savedRef}>
          {form.saved.action === 'end'
            ? t('decisions.relationship.saved')
            : t('decisions.relationship.withdrawn')}
        </p>
      ) : null}
      <DecisionAlerts
        id="relationship-conflict"
        error={mutation.error}
        others={form.apiOthers}
        onReload={() => void form.reload()}
        reloading={reloading}
      />
      <form className="decision-form" onSubmit={form.submit} noValidate>
        {form.draft.endedOn !== null ? (
          <FormField
            id={fieldIds.endedOn}
            label={t('decisions.relationship.endedOn')}
            hint={t('decisions.relationship.endedOnHint', { openedOn: format.date(openedOn) })}
            error={form.messageFor('endedOn')}
          >
            {(control) => (
              <input
                {...control}
                type="date"
                required
                min={openedOn}
                max={today}
                value={form.typed.endedOn}
                onChange={form.set('endedOn')}
              />
            )}
          </FormField>
        ) : null}
        <FormField
          id={fieldIds.reason}
          label={
            action === 'end' ? t('decisions.relationship.reason') : t('decisions.relationship.withdrawReason')
          }
          hint={t('decisions.relationship.reasonHint')}
          error={form.messageFor('reason')}
        >
          {(control) => (
            <textarea
              {...control}
              required
              rows={3}
              value={form.typed.reason}
              onChange={form.set('reason')}
            />
          )}
        </FormField>
        <div className="form-actions">
          <button type="submit" className="button button-primary" aria-disabled={form.held}>
            {mutation.isPending
              ? t('decisions.relationship.saving')
              : action === 'end'
                ? t('decisions.relationship.submit')
                : t('decisions.relationship.withdraw')}
          </button>
        </div>
      </form>
      {form.confirming ? (
        <ConfirmDialog
          title={
            action === 'end'
              ? t('decisions.relationship.confirmTitle')
              : t('decisions.relationship.withdrawTitle')
          }
          cancelLabel={t('decisions.relationship.back')}
          confirmLabel={
            action === 'end'
              ? t('decisions.relationship.confirm')
              : t('decisions.relationship.confirmWithdraw')
          }
          onCancel={form.cancel}
          onConfirm={form.confirm}
        >
          <p>
            {endedOn
              ? t('decisions.relationship.withdrawBody', { name, ...dates(endedOn) })
              : t('decisions.relationship.confirmBody', { name, ...dates(form.typed.endedOn) })}
          </p>
          <p className="confirm-reason">
            {t('decisions.relationship.confirmReason', { reason: form.draft.reason.trim() })}
          </p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
};
