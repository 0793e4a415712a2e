/**
 * The customer files past their retention on a day, for the privacy sweep, among those due to be
 * looked at (`byRetentionCheck`): a prospect's, with their last own contact since the retention
 * began — one who came back since is looked at again 3 years after that contact (unless
 * `dryRun`), the others are listed; a customer's whose relationship ended 5 years ago or more.
 */
import type { Customer } from '#schemas/customers/customer.ts';
import { shiftDay } from '#shared/calendar.ts';
import { prospectRetention, prospectRetentionVerdict, retentionCheckOn } from '../domain/retention.ts';
import { getCustomer } from '../store/customers-store.ts';
import { filesToLookAt, lastOwnContactSince, lookAgainOn } from '../store/retention-store.ts';

export type FilePastRetention = {
  customerId: string;
  firstName: string;
  lastName: string;
  kind: Customer['kind'];
  /** A prospect's last own contact, if any since the file was opened. */
  lastContactAt?: string;
  /** A customer's: the day the relationship ended. */
  relationshipEndedOn?: string;
  dueOn: string;
};

export type FilesPastRetention = {
  due: FilePastRetention[];
  /** Prospects who came back within the retention: looked at again later. */
  lookedAgainLater: number;
};

export const filesPastRetention = async (
  today: string,
  options: { dryRun: boolean },
): Promise<FilesPastRetention> => {
  const since = `${shiftDay(new Date(`${today}T00:00:00Z`), prospectRetention, -1)}T00:00:00.000Z`;
  const due: FilePastRetention[] = [];
  let lookedAgainLater = 0;
  for (const customerId of await filesToLookAt(today)) {
    const customer = await getCustomer(customerId);
    if (!customer) continue;
    if (customer.kind !== 'prospect') {
      // Looked at again only when the relationship ended (the index may lag behind a change).
      const dueOn = retentionCheckOn(customer);
      if (dueOn && dueOn <= today && customer.relationshipEndedOn) {
        due.push({
          customerId,
          firstName: customer.firstName,
          lastName: customer.lastName,
          kind: customer.kind,
          relationshipEndedOn: customer.relationshipEndedOn,
          dueOn,
        });
      }
      continue;
    }
    const lastContactAt = await lastOwnContactSince(customerId, since);
    const verdict = prospectRetentionVerdict(customer, lastContactAt, today);
    if (verdict.due) {
      due.push({
        customerId,
        firstName: customer.firstName,
        lastName: customer.lastName,
        kind: 'prospect',
        ...(lastContactAt ? { lastContactAt } : {}),
        dueOn: verdict.dueOn,
      });
    } else {
      lookedAgainLater++;
      if (!options.dryRun) await lookAgainOn(customerId, verdict.dueOn);
    }
  }
  return { due, lookedAgainLater };
};
