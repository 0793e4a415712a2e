/**
 * An error as the user should read it, in their language: what the API's refusal means for its
 * status (the API answers in English, for developers), a plain sentence for a network failure
 * or an unexpected answer, and an optional retry.
 */
import type { TFunction } from 'i18next';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '#web/src/lib/api-client.ts';

export type ErrorAlertProps = {
  error: unknown;
  onRetry?: () => void;
  /** Move focus to the alert when it appears (after a user action such as submitting). */
  focus?: boolean;
};

type ErrorText = { title: string; detail?: string };

/** What to tell the user of `error`, in the language of `t`. */
export const errorText = (t: TFunction<'common'>, error: unknown): ErrorText => {
  if (error instanceof ApiError && error.status === 0)
    return { title: t('errors.title'), detail: t('errors.network') };
  const byStatus: Partial<Record<number, ErrorText>> = t('errors.byStatus', { returnObjects: true });
  const known = error instanceof ApiError ? byStatus[error.status] : undefined;
  return known ?? { title: t('errors.title'), detail: t('errors.generic') };
};

export const ErrorAlert = ({ error, onRetry, focus }: ErrorAlertProps) => {
  const { t } = useTranslation();
  const { title, detail } = errorText(t, error);
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
          {t('errors.retry')}
        </button>
      ) : null}
    </div>
  );
};
