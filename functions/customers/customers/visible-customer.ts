/** The one way a use case reaches a customer: within the caller's branch scope, or a 404. */
import type { AccessReason } from '#schemas/audit.ts';
import type { Customer } from '#schemas/customers/customer.ts';
import type { Caller } from '#schemas/roles.ts';
import { NotFound } from '#shared/errors.ts';
import { canSeeBranch } from '#shared/scope.ts';
import { recordAccess } from '../audit/record-access.ts';
import { getCustomer } from '../store/customers-store.ts';

/**
 * `found` (a customer, or a file holding one) if the caller's scope covers its customer. An
 * existing customer outside it is recorded as a refused attempt; the caller is answered the
 * same 404 either way, so a refusal never confirms that the customer exists.
 */
export const inScope = async <T>(
  caller: Caller,
  found: T | undefined,
  customerOf: (found: T) => Pick<Customer, 'id' | 'branchId'>,
  reason: AccessReason,
): Promise<T> => {
  const customer = found === undefined ? undefined : customerOf(found);
  if (found !== undefined && customer && canSeeBranch(caller, customer.branchId)) return found;
  if (customer) await recordAccess(caller, customer.id, 'customer.accessRefused', reason);
  throw new NotFound('This customer');
};

/** The customer if the caller may see it; otherwise a 404 (see `inScope`). */
export const visibleCustomer = async (caller: Caller, id: string, reason: AccessReason): Promise<Customer> =>
  inScope(caller, await getCustomer(id), (customer) => customer, reason);
