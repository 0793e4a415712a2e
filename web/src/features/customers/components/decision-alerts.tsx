/**
 * What the decision forms (KYC, end of the relationship, assignment) say when the API refuses:
 * someone changed the file first (409: reload, the typed values stay), or fields the form does
 * not show (400), or anything else (the shared error alert). Each takes the focus when it
 * appears, after a submit.
 */
import { useEffect, useRef, useState } from 'react';
import { ErrorAlert } from '#web/src/components/ui/error-alert.tsx';
import { useCustomersTranslation } from '#web/src/features/customers/i18n.ts';
import { ApiError } from '#web/src/lib/api-client.ts';

export type ApiFieldErrors<F extends string> = {
  /** Our sentence for each field of the form the API refused. */
  fields: Map<F, string>;
  /** Fields the form does not show: `field: message` as the API said it. */
  others: string[];
};

/** Sorts a 400's field errors into those of the form's fields and the others. */
export const useApiFieldErrors = <F extends string>(
  error: unknown,
  fieldOf: (apiField: string) => F | undefined,
  sentence: (field: F) => string,
): ApiFieldErrors<F> => {
  const { t } = useCustomersTranslation();
  const fields = new Map<F, string>();
  const others: string[] = [];
  if (error instanceof ApiError && error.status === 400) {
    for (const item of error.problem?.errors ?? []) {
      const field = fieldOf(item.field);
      if (field) {
        if (!fields.has(field)) fields.set(field, sentence(field));
      } else others.push(t('decisions.otherError', { field: item.field, message: item.message }));
    }
    // A 400 without field errors still says something is wrong.
    if (fields.size === 0 && others.length === 0) others.push(error.problem?.detail ?? error.message);
  }
  return { fields, others };
};

/**
 * Where a decision form moves the focus: to its first field in error after a refusal (its own
 * checks, with `requestFocus`, or the API's field errors), and to its confirmation once saved.
 */
export const useDecisionFocus = <F extends string>(options: {
  firstInError: F | undefined;
  fieldIds: Record<F, string>;
  apiError: unknown;
  apiFieldErrors: number;
  saved: unknown;
}) => {
  const [focusRequest, setFocusRequest] = useState(0);
  const savedRef = useRef<HTMLParagraphElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each refusal on purpose
  useEffect(() => {
    if (focusRequest > 0 && options.firstInError) {
      document.getElementById(options.fieldIds[options.firstInError])?.focus();
    }
  }, [focusRequest]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each answer of the API
  useEffect(() => {
    if (options.apiFieldErrors > 0) setFocusRequest((n) => n + 1);
  }, [options.apiError]);
  useEffect(() => {
    if (options.saved) savedRef.current?.focus();
  }, [options.saved]);
  return { requestFocus: () => setFocusRequest((n) => n + 1), savedRef };
};

export const isConflict = (error: unknown): boolean => error instanceof ApiError && error.status === 409;

export type DecisionAlertsProps = {
  /** The id of the conflict alert (unique on the page). */
  id: string;
  error: unknown;
  others: string[];
  onReload: () => void;
  reloading: boolean;
};

/** The conflict, the unmapped field errors, or the error of another kind, for a form's error. */
export const DecisionAlerts = ({ id, error, others, onReload, reloading }: DecisionAlertsProps) => {
  const { t } = useCustomersTranslation();
  const conflictRef = useRef<HTMLDivElement>(null);
  const othersRef = useRef<HTMLDivElement>(null);
  const conflict = isConflict(error);
  const badRequest = error instanceof ApiError && error.status === 400;
  useEffect(() => {
    if (conflict) conflictRef.current?.focus();
  }, [conflict]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each answer of the API
  useEffect(() => {
    if (others.length > 0) othersRef.current?.focus();
  }, [error]);

  if (!error) return null;
  if (conflict) {
    return (
      <div className="alert alert-warning" role="alert" tabIndex={-1} id={id} ref={conflictRef}>
        <p className="alert-title">{t('decisions.conflictTitle')}</p>
        <p>{t('decisions.conflict')}</p>
        <button type="button" className="button button-secondary" onClick={onReload} disabled={reloading}>
          {t('decisions.reload')}
        </button>
      </div>
    );
  }
  if (badRequest) {
    return others.length > 0 ? (
      <div className="alert alert-error" role="alert" tabIndex={-1} ref={othersRef}>
        <p className="alert-title">{t('decisions.errorSummary')}</p>
        <ul>
          {others.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      </div>
    ) : null;
  }
  return <ErrorAlert error={error} focus />;
};
