/**
 * The edit form of a customer file. It sends only what changed with the version it was opened
 * at; a 409 shows the conflict and a reload, never a silent overwrite; a 400 puts each API field
 * error next to its field. The draft survives a sign-in round trip (sessionStorage).
 */

import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Customer } from '#schemas/customers/customer.ts';
import { ErrorAlert } from '../../../components/ui/error-alert.tsx';
import { FormField } from '../../../components/ui/form-field.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { useI18n } from '../../../lib/i18n.ts';
import { useUpdateCustomer } from '../api/update-customer.ts';
import {
  buildCustomerPatch,
  type CustomerDraft,
  checkDraft,
  type DraftField,
  draftFieldOf,
  draftFromCustomer,
  type LocalFieldError,
} from '../utils/customer-patch.ts';

export type CustomerEditFormProps = {
  customer: Customer;
  /** Reads the file again after a conflict. */
  onReload: () => void;
  reloading: boolean;
};

const draftKey = (customer: Customer) => `relais.draft.${customer.id}.${customer.version}`;

const restoreDraft = (customer: Customer): CustomerDraft => {
  try {
    const saved = sessionStorage.getItem(draftKey(customer));
    if (saved) return { ...draftFromCustomer(customer), ...(JSON.parse(saved) as Partial<CustomerDraft>) };
  } catch {
    // A corrupt draft is dropped; the form starts from the file.
  }
  return draftFromCustomer(customer);
};

export const CustomerEditForm = ({ customer, onReload, reloading }: CustomerEditFormProps) => {
  const { t } = useI18n();
  const navigate = useNavigate();
  const mutation = useUpdateCustomer(customer.id);
  const [draft, setDraft] = useState<CustomerDraft>(() => restoreDraft(customer));
  const [localErrors, setLocalErrors] = useState<Partial<Record<DraftField, LocalFieldError>>>({});
  const [unchanged, setUnchanged] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const conflictRef = useRef<HTMLDivElement>(null);
  const e = t.edit;

  useEffect(() => {
    sessionStorage.setItem(draftKey(customer), JSON.stringify(draft));
  }, [customer, draft]);

  const error = mutation.error;
  const conflict = error instanceof ApiError && error.status === 409;
  const apiFieldErrors = new Map<DraftField, string>();
  const otherApiErrors: string[] = [];
  if (error instanceof ApiError && error.status === 400) {
    for (const item of error.problem?.errors ?? []) {
      const field = draftFieldOf(item.field);
      if (field && !apiFieldErrors.has(field))
        apiFieldErrors.set(field, e.fieldErrors[field] ?? item.message);
      else if (!field) otherApiErrors.push(`${item.field}: ${item.message}`);
    }
  }
  const messageFor = (field: DraftField): string | undefined => {
    const local = localErrors[field];
    if (local) return local === 'required' ? e.required : e.addressIncomplete;
    return apiFieldErrors.get(field);
  };
  const fieldsInError = (Object.keys(draft) as DraftField[]).filter((field) => messageFor(field));
  const showSummary = fieldsInError.length > 0 || otherApiErrors.length > 0;

  // The form is long: bring what went wrong into view, and to screen readers, at once.
  useEffect(() => {
    if (showSummary) summaryRef.current?.focus();
  }, [showSummary]);
  useEffect(() => {
    if (conflict) conflictRef.current?.focus();
  }, [conflict]);

  const set = (field: DraftField) => (event: { target: { value: string } }) => {
    setUnchanged(false);
    setDraft((current) => ({ ...current, [field]: event.target.value }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors = checkDraft(customer, draft);
    setLocalErrors(errors);
    if (Object.keys(errors).length > 0) return;
    const patch = buildCustomerPatch(customer, draft);
    if (Object.keys(patch).length === 0) {
      setUnchanged(true);
      return;
    }
    mutation.mutate(
      { ...patch, version: customer.version },
      {
        onSuccess: () => {
          sessionStorage.removeItem(draftKey(customer));
          navigate(`/customers/${encodeURIComponent(customer.id)}`, { state: { saved: true } });
        },
      },
    );
  };

  const reload = () => {
    sessionStorage.removeItem(draftKey(customer));
    onReload();
  };

  const label = (field: DraftField): string => e[field];

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
    <form className="edit-form" onSubmit={submit} noValidate>
      {conflict ? (
        <div className="alert alert-warning" role="alert" tabIndex={-1} ref={conflictRef}>
          <p className="alert-title">{e.conflictTitle}</p>
          <p>{e.conflict}</p>
          <button type="button" className="button button-primary" onClick={reload} disabled={reloading}>
            {e.reload}
          </button>
        </div>
      ) : null}
      {error && !conflict && !(error instanceof ApiError && error.status === 400) ? (
        <ErrorAlert error={error} focus />
      ) : null}
      {showSummary ? (
        <div className="alert alert-error" role="alert" tabIndex={-1} ref={summaryRef}>
          <p className="alert-title">{e.errorSummary}</p>
          <ul>
            {fieldsInError.map((field) => (
              <li key={field}>
                <a href={`#${field}`}>
                  {label(field)} — {messageFor(field)}
                </a>
              </li>
            ))}
            {otherApiErrors.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {unchanged ? (
        <p className="notice notice-info" role="status">
          {e.noChanges}
        </p>
      ) : null}

      <fieldset>
        <legend>{e.identity}</legend>
        <div className="field-row">
          {text('firstName', { autoComplete: 'off' })}
          {text('lastName', { autoComplete: 'off' })}
        </div>
      </fieldset>
      <fieldset>
        <legend>{e.contact}</legend>
        <div className="field-row">
          {text('email', { type: 'email', autoComplete: 'off', hint: e.emailHint })}
          {text('mobilePhone', { type: 'tel', autoComplete: 'off', hint: e.phoneHint })}
        </div>
      </fieldset>
      <fieldset>
        <legend>{e.address}</legend>
        {text('line1', { autoComplete: 'off' })}
        {text('line2', { autoComplete: 'off' })}
        <div className="field-row field-row-postal">
          {text('postalCode', { autoComplete: 'off' })}
          {text('city', { autoComplete: 'off' })}
        </div>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={mutation.isPending || conflict}>
          {mutation.isPending ? e.saving : e.save}
        </button>
        <Link
          to={`/customers/${encodeURIComponent(customer.id)}`}
          className="button button-secondary"
          onClick={() => sessionStorage.removeItem(draftKey(customer))}
        >
          {e.cancel}
        </Link>
      </div>
    </form>
  );
};
