/**
 * Customer rules, pure: creating a customer, applying an update (what changed, the new
 * version), and the normalised name used by search (accents and case ignored).
 */
import type {
  ContactPointsPatch,
  CreateCustomerRequest,
  Customer,
  UpdateCustomerRequest,
} from '#schemas/customers/customer.ts';
import type { Caller } from '#schemas/roles.ts';
import { Conflict, Forbidden, ValidationFailed } from '#shared/errors.ts';
import { canSeeBranch } from '#shared/scope.ts';

/** `Éloïse Le Goff-N'Diaye` → `eloise le goff-n'diaye`: what name search compares. */
export const normaliseName = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[’']/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/** Sort and search key of a customer: last name then first name, normalised. */
export const searchName = (customer: Pick<Customer, 'lastName' | 'firstName'>): string =>
  `${normaliseName(customer.lastName)} ${normaliseName(customer.firstName)}`;

/** E-mail addresses are compared without case. */
export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

/** Advisors and managers work within their branch; a customer outside it cannot be created there. */
const assertBranchAllowed = (caller: Caller, branchId: string) => {
  if (!canSeeBranch(caller, branchId)) {
    throw new Forbidden('You can only manage customers of your own branch.');
  }
};

/** A new customer from a creation request. */
export const newCustomer = (
  input: CreateCustomerRequest,
  caller: Caller,
  ids: { id: string; customerNumber: string },
  now: string,
): Customer => {
  assertBranchAllowed(caller, input.branchId);
  if (input.kind === 'professional' && !input.companyName) {
    throw new ValidationFailed([
      { field: 'companyName', message: 'a professional customer needs a company name' },
    ]);
  }
  return {
    ...input,
    id: ids.id,
    customerNumber: ids.customerNumber,
    createdAt: now,
    updatedAt: now,
    createdBy: caller.id,
    updatedBy: caller.id,
    version: 1,
  };
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Contact points after a merge patch: sent values replace, `null` removes, the rest stays. */
const mergeContact = (current: Customer['contact'], patch: ContactPointsPatch): Customer['contact'] => {
  const merged: Record<string, string | null | undefined> = { ...current, ...patch };
  return Object.fromEntries(
    Object.entries(merged).filter(([, value]) => value !== null && value !== undefined),
  );
};

/**
 * Applies a partial update read at `expectedVersion`. Returns the next state and the fields
 * that changed; a stale version is a `Conflict` carrying the current version.
 */
export const applyUpdate = (
  current: Customer,
  patch: UpdateCustomerRequest,
  caller: Caller,
  expectedVersion: number,
  now: string,
): { next: Customer; changedFields: string[] } => {
  if (current.version !== expectedVersion) {
    throw new Conflict(
      `This customer file changed since you read it (you read version ${expectedVersion}, it is now ${current.version}). Reload it and apply your change again.`,
      current.version,
    );
  }
  const { version: _ignored, contact: contactPatch, ...rest } = patch;
  const changes: Partial<Customer> = {
    ...rest,
    ...(contactPatch ? { contact: mergeContact(current.contact, contactPatch) } : {}),
  };
  if (changes.branchId !== undefined) assertBranchAllowed(caller, changes.branchId);
  const changedFields = Object.entries(changes)
    .filter(([field, value]) => value !== undefined && !same(value, current[field as keyof Customer]))
    .map(([field]) => field);
  const next: Customer = {
    ...current,
    ...Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)),
    updatedAt: now,
    updatedBy: caller.id,
    version: current.version + (changedFields.length > 0 ? 1 : 0),
  };
  if (next.kind === 'professional' && !next.companyName) {
    throw new ValidationFailed([
      { field: 'companyName', message: 'a professional customer needs a company name' },
    ]);
  }
  return { next: changedFields.length > 0 ? next : current, changedFields };
};
