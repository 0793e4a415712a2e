/**
 * An error as the user should read it, in their language: what the API's refusal means for its
 * status (the API answers in English, for developers), a plain sentence for a network failure
 * or an unexpected answer, and an optional retry.
 */
import { useEffect, useRef } from 'react';
import { ApiError } from '../../lib/api-client.ts';
import { useI18n } from '../../lib/i18n.ts';
import type { Messages } from '../../locales/fr.ts';

export type ErrorAlertProps = {
  error: unknown;
  onRetry?: () => void;
  /** Move focus to the alert when it appears (after a user action such as submitting). */
  focus?: boolean;
};

/** What to tell the user of `error`, in the language of `t`. */
export const errorText = (t: Messages, error: unknown): { title: string; detail?: string } => {
  if (error instanceof ApiError && error.status === 0)
    return { title: t.errors.title, detail: t.errors.network };
  const known = error instanceof ApiError ? t.errors.byStatus[error.status] : undefined;
  return known ?? { title: t.errors.title, detail: t.errors.generic };
};

/** `errorText` in the user's language. */
export const useErrorText = (error: unknown): { title: string; detail?: string } =>
  errorText(useI18n().t, error);

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
