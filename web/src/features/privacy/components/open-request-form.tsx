/**
 * Opening a data protection request: its kind, the customer's number, the day it was received
 * (the legal month runs from it) and a note. One Idempotency-Key per form: sending it twice
 * opens one request; a new key once it is opened. An erasure opens awaiting confirmation: the
 * screen then shows its plan.
 */
import { type FormEvent, useState } from 'react';
import type { PrivacyRequest, PrivacyRequestKind } from '#schemas/platform/privacy-request.ts';
import { ErrorAlert } from '#web/src/components/ui/error-alert.tsx';
import { FormField } from '#web/src/components/ui/form-field.tsx';
import { ApiError } from '#web/src/lib/api-client.ts';
import { useLocale } from '#web/src/lib/i18n.ts';
import { useOpenPrivacyRequest } from '../api/privacy-requests.ts';
import { usePrivacyTranslation } from '../i18n.ts';
import '#web/src/features/privacy/privacy.css';

const kinds: readonly PrivacyRequestKind[] = ['access', 'erasure'];
const today = () => new Date().toISOString().slice(0, 10);

export type OpenRequestFormProps = {
  /** Called with the request once it is opened (an erasure's plan is then shown to confirm). */
  onOpened?: (request: PrivacyRequest) => void;
};

export const OpenRequestForm = ({ onOpened }: OpenRequestFormProps = {}) => {
  const { t } = usePrivacyTranslation();
  const { format } = useLocale();
  const open = useOpenPrivacyRequest();
  const [kind, setKind] = useState<PrivacyRequestKind>('access');
  const [customerNumber, setCustomerNumber] = useState('');
  const [receivedOn, setReceivedOn] = useState(today);
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!customerNumber.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    open.mutate(
      {
        body: { kind, customerNumber: customerNumber.trim(), receivedOn, ...(note.trim() ? { note } : {}) },
        idempotencyKey,
      },
      {
        onSuccess: (request) => {
          setCustomerNumber('');
          setNote('');
          setIdempotencyKey(crypto.randomUUID());
          onOpened?.(request);
        },
      },
    );
  };

  const notFound = open.error instanceof ApiError && open.error.status === 404;
  return (
    <form className="card privacy-open-form" onSubmit={submit} noValidate>
      <h2>{t('open.title')}</h2>
      <FormField
        id="privacy-kind"
        label={t('open.kind')}
        {...(kind === 'erasure' ? { hint: t('open.erasureHint') } : {})}
      >
        {(control) => (
          <select {...control} value={kind} onChange={(e) => setKind(e.target.value as PrivacyRequestKind)}>
            {kinds.map((option) => (
              <option key={option} value={option}>
                {t(`kinds.${option}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField
        id="privacy-customer-number"
        label={t('open.customerNumber')}
        hint={t('open.customerNumberHint')}
        {...(missing ? { error: t('open.required') } : notFound ? { error: t('open.notFound') } : {})}
      >
        {(control) => (
          <input {...control} value={customerNumber} onChange={(e) => setCustomerNumber(e.target.value)} />
        )}
      </FormField>
      <FormField id="privacy-received-on" label={t('open.receivedOn')} hint={t('open.receivedOnHint')}>
        {(control) => (
          <input
            {...control}
            type="date"
            max={today()}
            value={receivedOn}
            onChange={(e) => setReceivedOn(e.target.value)}
          />
        )}
      </FormField>
      <FormField id="privacy-note" label={t('open.note')} hint={t('open.noteHint')}>
        {(control) => (
          <textarea {...control} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
        )}
      </FormField>
      {open.error && !notFound ? <ErrorAlert error={open.error} focus /> : null}
      {open.isSuccess ? (
        <p className="notice" role="status">
          {t('open.opened', { name: open.data.customerName, due: format.date(open.data.dueOn) })}
        </p>
      ) : null}
      <button type="submit" className="button button-primary" disabled={open.isPending}>
        {open.isPending ? t('open.submitting') : t('open.submit')}
      </button>
    </form>
  );
};
