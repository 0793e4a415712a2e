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
 *   never comes back on its own: the form offers it with its time, to restore or discard.
 */

import { type FormEvent, type MouseEvent, useEffect, useMemo, useState } from 'react';
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
  draftFieldOf,
  draftFromCustomer,
} from '#web/src/features/customers/utils/customer-patch.ts';
import {
  checkDraft,
  type DraftErrors,
  draftFields,
  type FieldError,
  maxLength,
} from '#web/src/features/customers/utils/customer-rules.ts';
import {
  draftKey,
  draftToOffer,
  type StoredDraft,
  sameDraft,
} from '#web/src/features/customers/utils/draft-storage.ts';
import { ApiError } from '#web/src/lib/api-client.ts';
import { useLocale } from '#web/src/lib/i18n.ts';
import { useLeaveGuard } from '#web/src/lib/unsaved-changes.ts';
import '#web/src/features/customers/customers.css';

export type CustomerEditFormProps = {
  customer: Customer;
  /** Reads the file again after a conflict. */
  onReload: () => void;
  reloading: boolean;
};

const readOffer = (customer: Customer): StoredDraft | undefined => {
  try {
    const raw = sessionStorage.getItem(draftKey(customer.id));
    const offer = draftToOffer(raw, customer);
    // Unreadable, of another version, or the file itself: nothing to offer, nothing to keep.
    if (raw && !offer) sessionStorage.removeItem(draftKey(customer.id));
    return offer;
  } catch {
    return undefined;
  }
};

const forgetDraft = (customer: Customer) => {
  try {
    sessionStorage.removeItem(draftKey(customer.id));
  } catch {
    // Storage refused: there is nothing kept either.
  }
};

type CustomersT = ReturnType<typeof useCustomersTranslation>['t'];

/** What to type in a field whose value is refused, when the form has a sentence for it. */
const fieldSentence = (t: CustomersT, field: DraftField): string | undefined => {
  const sentences: Partial<Record<DraftField, string>> = t('edit.fieldErrors', { returnObjects: true });
  return sentences[field];
};

/** What to say of a field's local error. */
const localMessage = (t: CustomersT, field: DraftField, error: FieldError): string => {
  switch (error) {
    case 'required':
    case 'email':
    case 'phone':
      return fieldSentence(t, field) ?? t('edit.required');
    case 'addressIncomplete':
      return t('edit.addressIncomplete');
    case 'tooLong':
      return t('edit.tooLong', { count: maxLength[field] });
    case 'postalCodeFrance':
      return t('edit.postalCodeFrance');
    case 'postalCodeOther':
      return t('edit.postalCodeOther');
  }
};

export const CustomerEditForm = ({ customer, onReload, reloading }: CustomerEditFormProps) => {
  const { t } = useCustomersTranslation();
  const { format } = useLocale();
  const navigate = useNavigate();
  const mutation = useUpdateCustomer(customer.id);
  const initial = useMemo(() => draftFromCustomer(customer), [customer]);
  const [draft, setDraft] = useState<CustomerDraft>(initial);
  const [offer, setOffer] = useState<StoredDraft | undefined>(() => readOffer(customer));
  const [restored, setRestored] = useState(false);
  const [localErrors, setLocalErrors] = useState<DraftErrors>({});
  const [unchanged, setUnchanged] = useState(false);
  /** Bumped when the user should be taken to the first field in error, once it is rendered. */
  const [focusRequest, setFocusRequest] = useState(0);

  const dirty = !sameDraft(draft, initial);
  const guard = useLeaveGuard(dirty && !mutation.isSuccess);

  // The draft is kept while it differs from the file; a pending offer stays until answered.
  useEffect(() => {
    try {
      if (dirty) {
        const stored: StoredDraft = {
          version: customer.version,
          savedAt: new Date().toISOString(),
          values: draft,
        };
        sessionStorage.setItem(draftKey(customer.id), JSON.stringify(stored));
      } else if (!offer) {
        sessionStorage.removeItem(draftKey(customer.id));
      }
    } catch {
      // Private browsing may refuse storage: the form works, the draft is not kept.
    }
  }, [customer, draft, dirty, offer]);

  const error = mutation.error;
  const conflict = error instanceof ApiError && error.status === 409;
  const apiFieldErrors = new Map<DraftField, string>();
  const otherApiErrors: string[] = [];
  if (error instanceof ApiError && error.status === 400) {
    for (const item of error.problem?.errors ?? []) {
      const field = draftFieldOf(item.field);
      if (field && !apiFieldErrors.has(field))
        apiFieldErrors.set(field, fieldSentence(t, field) ?? item.message);
      else if (!field)
        otherApiErrors.push(t('edit.otherError', { field: item.field, message: item.message }));
    }
  }
  const messageFor = (field: DraftField): string | undefined => {
    const local = localErrors[field];
    if (local) return localMessage(t, field, local);
    return apiFieldErrors.get(field);
  };
  const fieldsInError = draftFields.filter((field) => messageFor(field));
  const showSummary = fieldsInError.length > 0 || otherApiErrors.length > 0;
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
    const errors = checkDraft(customer, draft);
    setLocalErrors(errors);
    if (Object.keys(errors).length > 0) {
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

  const restore = () => {
    if (!offer) return;
    setDraft(offer.values);
    setOffer(undefined);
    setRestored(true);
    setLocalErrors({});
  };
  const discard = () => {
    forgetDraft(customer);
    setOffer(undefined);
  };

  const goToField = (field: DraftField) => (event: MouseEvent) => {
    event.preventDefault();
    document.getElementById(field)?.focus();
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
        {offer ? (
          <div className="notice notice-info draft-offer" role="status">
            <p>{t('edit.draft.found', { when: format.dateTime(offer.savedAt) })}</p>
            <div className="form-actions">
              <button type="button" className="button button-primary" onClick={restore}>
                {t('edit.draft.restore')}
              </button>
              <button type="button" className="button button-secondary" onClick={discard}>
                {t('edit.draft.discard')}
              </button>
            </div>
          </div>
        ) : null}
        {restored ? (
          <p className="notice notice-info" role="status">
            {t('edit.draft.restored')}
          </p>
        ) : null}
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
        <div aria-live="polite">
          {showSummary ? (
            <div className="alert alert-error error-summary">
              <p className="alert-title">{t('edit.errorSummary')}</p>
              <ul>
                {fieldsInError.map((field) => (
                  <li key={field}>
                    <a href={`#${field}`} onClick={goToField(field)}>
                      {t('edit.summaryItem', { field: label(field), message: messageFor(field) ?? '' })}
                    </a>
                  </li>
                ))}
                {otherApiErrors.map((message) => (
                  <li key={message}>{message}</li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
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
