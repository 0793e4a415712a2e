/**
 * An error as the user should read it: the API's problem `title` and `detail` when there is one,
 * a plain sentence for a network failure or an unexpected answer, and an optional retry.
 */
import { useEffect, useRef } from 'react';
import { ApiError } from '../../lib/api-client.ts';
import { useI18n } from '../../lib/i18n.ts';

export type ErrorAlertProps = {
  error: unknown;
  onRetry?: () => void;
  /** Move focus to the alert when it appears (after a user action such as submitting). */
  focus?: boolean;
};

/** The problem's title and detail, or a sentence in the user's language. */
export const useErrorText = (error: unknown): { title: string; detail?: string } => {
  const { t } = useI18n();
  if (error instanceof ApiError && error.status === 0)
    return { title: t.errors.title, detail: t.errors.network };
  if (error instanceof ApiError && error.problem) {
    return { title: error.problem.title, ...(error.problem.detail ? { detail: error.problem.detail } : {}) };
  }
  return { title: t.errors.title, detail: t.errors.generic };
};

export const ErrorAlert = ({ error, onRetry, focus }: ErrorAlertProps) => {
  const { t } = useI18n();
  const { title, detail } = useErrorText(error);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
    <div className="alert alert-error" role="alert" tabIndex={-1} ref={ref}>
      <p className="alert-title">{title}</p>
      {detail ? <p>{detail}</p> : null}
      {onRetry ? (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          {t.errors.retry}
        </button>
      ) : null}
    </div>
  );
};
