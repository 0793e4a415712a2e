/**
 * The edit form of a customer file. It sends only what changed with the version it was opened
 * at; a 409 shows the conflict and a reload, never a silent overwrite.
 *
 * - On submit every field is checked at once (the server's rules, and a French postal code for
 *   a French address): each error shows next to its field, a summary lists them all, and the
 *   first field in error takes the focus. A 400 from the API is shown the same way.
 * - Leaving with unsaved changes asks first: another page of the app (the router's blocker) or
 *   the browser (reload, close the tab).
 * - The unsaved draft is kept in sessionStorage, so a sign-in round trip loses nothing, but it
 *   never comes back on its own: the form offers it with its time, to restore or discard
 *   (`stored-draft.tsx`). The messages and their summary are in `edit-errors.tsx`.
 */

import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Customer } from '#schemas/customers/customer.ts';
import { ConfirmDialog } from '#web/src/components/ui/confirm-dialog.tsx';
import { ErrorAlert } from '#web/src/components/ui/error-alert.tsx';
import { FormField } from '#web/src/components/ui/form-field.tsx';
import { useUpdateCustomer } from '#web/src/features/customers/api/update-customer.ts';
import { useCustomersTranslation } from '#web/src/features/customers/i18n.ts';
import {
  buildCustomerPatch,
  type CustomerDraft,
  type DraftField,
  draftFromCustomer,
} from '#web/src/features/customers/utils/customer-patch.ts';
import { checkDraft, type DraftErrors } from '#web/src/features/customers/utils/customer-rules.ts';
import { sameDraft } from '#web/src/features/customers/utils/draft-storage.ts';
import { ApiError } from '#web/src/lib/api-client.ts';
import { useLeaveGuard } from '#web/src/lib/unsaved-changes.ts';
import { ErrorSummary, useEditErrors } from './edit-errors.tsx';
import { DraftOffer, forgetDraft, useStoredDraft } from './stored-draft.tsx';
import '#web/src/features/customers/customers.css';

export type CustomerEditFormProps = {
  customer: Customer;
  /** Reads the file again after a conflict. */
  onReload: () => void;
  reloading: boolean;
};

export const CustomerEditForm = ({ customer, onReload, reloading }: CustomerEditFormProps) => {
  const { t } = useCustomersTranslation();
  const navigate = useNavigate();
  const mutation = useUpdateCustomer(customer.id);
  const initial = useMemo(() => draftFromCustomer(customer), [customer]);
  const [draft, setDraft] = useState<CustomerDraft>(initial);
  const [localErrors, setLocalErrors] = useState<DraftErrors>({});
  const [unchanged, setUnchanged] = useState(false);
  /** Bumped when the user should be taken to the first field in error, once it is rendered. */
  const [focusRequest, setFocusRequest] = useState(0);

  const dirty = !sameDraft(draft, initial);
  const guard = useLeaveGuard(dirty && !mutation.isSuccess);

  const stored = useStoredDraft(customer, draft, dirty, (values) => {
    setDraft(values);
    setLocalErrors({});
  });

  const error = mutation.error;
  const conflict = error instanceof ApiError && error.status === 409;
  const errors = useEditErrors(localErrors, error);
  const { messageFor, fieldsInError } = errors;
  const firstInError = fieldsInError[0];

  // After a refused submit (here or by the API), the first field in error takes the focus; its
  // message is read with it (aria-describedby), the summary after it (polite live region).
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each refusal on purpose
  useEffect(() => {
    if (focusRequest > 0 && firstInError) document.getElementById(firstInError)?.focus();
  }, [focusRequest]);
  useEffect(() => {
    if (error instanceof ApiError && error.status === 400) setFocusRequest((n) => n + 1);
  }, [error]);
  useEffect(() => {
    if (conflict) document.getElementById('edit-conflict')?.focus();
  }, [conflict]);

  const set = (field: DraftField) => (event: { target: { value: string } }) => {
    setUnchanged(false);
    setDraft((current) => ({ ...current, [field]: event.target.value }));
    // The user is correcting it: the message goes, the next submit checks everything again.
    if (localErrors[field]) setLocalErrors((current) => ({ ...current, [field]: undefined }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const refused = checkDraft(customer, draft);
    setLocalErrors(refused);
    if (Object.keys(refused).length > 0) {
      setFocusRequest((n) => n + 1);
      return;
    }
    const patch = buildCustomerPatch(customer, draft);
    if (Object.keys(patch).length === 0) {
      setUnchanged(true);
      return;
    }
    mutation.mutate(
      { ...patch, version: customer.version },
      {
        onSuccess: () => {
          forgetDraft(customer);
          guard.release();
          navigate(`/customers/${encodeURIComponent(customer.id)}`, { state: { saved: true } });
        },
      },
    );
  };

  const reload = () => {
    forgetDraft(customer);
    onReload();
  };

  const label = (field: DraftField): string => t(`edit.${field}`);

  const text = (field: DraftField, options: { type?: string; autoComplete?: string; hint?: string } = {}) => (
    <FormField
      id={field}
      label={label(field)}
      {...(options.hint ? { hint: options.hint } : {})}
      error={messageFor(field)}
    >
      {(control) => (
        <input
          {...control}
          type={options.type ?? 'text'}
          autoComplete={options.autoComplete}
          value={draft[field]}
          onChange={set(field)}
        />
      )}
    </FormField>
  );

  return (
    <>
      <form className="edit-form" onSubmit={submit} noValidate>
        <DraftOffer {...stored} />
        {conflict ? (
          <div className="alert alert-warning" role="alert" tabIndex={-1} id="edit-conflict">
            <p className="alert-title">{t('edit.conflictTitle')}</p>
            <p>{t('edit.conflict')}</p>
            <button type="button" className="button button-primary" onClick={reload} disabled={reloading}>
              {t('edit.reload')}
            </button>
          </div>
        ) : null}
        {error && !conflict && !(error instanceof ApiError && error.status === 400) ? (
          <ErrorAlert error={error} focus />
        ) : null}
        <ErrorSummary {...errors} label={label} />
        {unchanged ? (
          <p className="notice notice-info" role="status">
            {t('edit.noChanges')}
          </p>
        ) : null}

        <fieldset>
          <legend>{t('edit.identity')}</legend>
          <div className="field-row">
            {text('firstName', { autoComplete: 'off' })}
            {text('lastName', { autoComplete: 'off' })}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('edit.contact')}</legend>
          <div className="field-row">
            {text('email', { type: 'email', autoComplete: 'off', hint: t('edit.emailHint') })}
            {text('mobilePhone', { type: 'tel', autoComplete: 'off', hint: t('edit.phoneHint') })}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('edit.address')}</legend>
          {text('line1', { autoComplete: 'off' })}
          {text('line2', { autoComplete: 'off' })}
          <div className="field-row field-row-postal">
            {text('postalCode', { autoComplete: 'off' })}
            {text('city', { autoComplete: 'off' })}
          </div>
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={mutation.isPending || conflict}>
            {mutation.isPending ? t('edit.saving') : t('edit.save')}
          </button>
          <Link to={`/customers/${encodeURIComponent(customer.id)}`} className="button button-secondary">
            {t('edit.cancel')}
          </Link>
        </div>
      </form>
      {guard.blocked ? (
        <ConfirmDialog
          title={t('edit.leave.title')}
          cancelLabel={t('edit.leave.stay')}
          confirmLabel={t('edit.leave.leave')}
          onCancel={guard.stay}
          onConfirm={() => {
            forgetDraft(customer);
            guard.leave();
          }}
        >
          <p>{t('edit.leave.body')}</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
};
