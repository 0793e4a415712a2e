/**
 * The edit form's errors: each field's message (the form's own checks first, then the API's
 * 400), the other problems the API names, and the summary that lists them all with a link to
 * each field.
 */
import type { MouseEvent } from 'react';
import { useCustomersTranslation } from '#web/src/features/customers/i18n.ts';
import { type DraftField, draftFieldOf } from '#web/src/features/customers/utils/customer-patch.ts';
import {
  type DraftErrors,
  draftFields,
  type FieldError,
  maxLength,
} from '#web/src/features/customers/utils/customer-rules.ts';
import { ApiError } from '#web/src/lib/api-client.ts';

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

/** The messages of the form's fields and the API's other problems, in the fields' order. */
export const useEditErrors = (localErrors: DraftErrors, error: unknown) => {
  const { t } = useCustomersTranslation();
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
  return { messageFor, fieldsInError, otherApiErrors };
};

export type ErrorSummaryProps = ReturnType<typeof useEditErrors> & { label: (field: DraftField) => string };

/** Every error at once, each a link to its field (in a polite live region, read after the field). */
export const ErrorSummary = ({ messageFor, fieldsInError, otherApiErrors, label }: ErrorSummaryProps) => {
  const { t } = useCustomersTranslation();
  const goToField = (field: DraftField) => (event: MouseEvent) => {
    event.preventDefault();
    document.getElementById(field)?.focus();
  };
  return (
    <div aria-live="polite">
      {fieldsInError.length > 0 || otherApiErrors.length > 0 ? (
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
  );
};
