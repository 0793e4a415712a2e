/**
 * How long a prospect's file is kept: 3 years after the last contact that came from them (CNIL,
 * prospection commerciale: « trois ans à compter de la fin de la relation commerciale ou du
 * dernier contact émanant du prospect ») — the file's creation, or the latest entry of their
 * timeline they made themselves (a visit, a login, a simulation on the website); the bank's own
 * edits of the file do not count. A customer's file is kept while the relationship lasts and 5
 * years after it ended (AML retention, CMF L561-12): from the day compliance or the branch
 * manager recorded as its end.
 *
 * The profile carries the day its file is next looked at (`retentionCheckOn`, an index key): the
 * daily sweep then, for a prospect, finds their last contact and either has the file erased or
 * looks again on the new date; for a customer whose relationship ended, has it erased.
 */
import type { Customer } from '#schemas/customers/customer.ts';
import { shiftDay } from '#shared/calendar.ts';
import { amlRetention } from '../privacy.ts';

/** A prospect's file is kept this long after their last contact. */
export const prospectRetention = 'P3Y';

/**
 * The day a file's retention is next looked at: 3 years after a prospect's file was opened, 5
 * years after a customer's relationship ended; never while it goes on.
 */
export const retentionCheckOn = (
  customer: Pick<Customer, 'kind' | 'createdAt' | 'relationshipEndedOn'>,
): string | undefined => {
  if (customer.kind === 'prospect') return shiftDay(new Date(customer.createdAt), prospectRetention, 1);
  return customer.relationshipEndedOn
    ? shiftDay(new Date(`${customer.relationshipEndedOn}T00:00:00Z`), amlRetention.keep, 1)
    : undefined;
};

export type RetentionVerdict =
  /** Past its retention on `dueOn`: the file is erased. */
  | { due: true; dueOn: string }
  /** Kept until `dueOn`, when it is looked at again. */
  | { due: false; dueOn: string };

/**
 * Whether a prospect's file is past its retention `today`, from when it was opened and their last
 * contact (an instant, or none since it was opened).
 */
export const prospectRetentionVerdict = (
  prospect: Pick<Customer, 'createdAt'>,
  lastContactAt: string | undefined,
  today: string,
): RetentionVerdict => {
  const from = lastContactAt && lastContactAt > prospect.createdAt ? lastContactAt : prospect.createdAt;
  const dueOn = shiftDay(new Date(from), prospectRetention, 1);
  return { due: dueOn <= today, dueOn };
};
