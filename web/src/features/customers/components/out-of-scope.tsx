/**
 * The refusal of a customer file (404 or 403 alike): one message, no data, so a user cannot
 * tell a customer of another branch from one that does not exist.
 */
import { Refusal } from '#web/src/components/ui/refusal.tsx';
import { useCustomersTranslation } from '#web/src/features/customers/i18n.ts';
import { ApiError } from '#web/src/lib/api-client.ts';

/** 404 and 403 read the same to the user: not found, or not theirs to see. */
export const isOutOfScope = (error: unknown): boolean =>
  error instanceof ApiError && (error.status === 404 || error.status === 403);

export const OutOfScope = () => {
  const { t } = useCustomersTranslation();
  return (
    <Refusal
      title={t('customer.outOfScope')}
      hint={t('customer.outOfScopeHint')}
      homeLabel={t('customer.back')}
    />
  );
};
