/**
 * The customers' part of an erasure outside the customer's collection: the look-up items of the
 * profile (e-mail, phones, number). Read from the profile, so done before the profile goes; run
 * again once it is gone, there is nothing left to do.
 */
import { tableName } from '#shared/env.ts';
import { deleteAll } from '#shared/write-all.ts';
import { customerLookups } from './customer-items.ts';
import { getCustomer } from './customers-store.ts';

/** Deletes the customer's look-up items; answers how many. */
export const eraseLookups = async (customerId: string): Promise<number> => {
  const customer = await getCustomer(customerId);
  if (!customer) return 0;
  const keys = customerLookups(customer);
  await deleteAll(tableName('main'), keys);
  return keys.length;
};
