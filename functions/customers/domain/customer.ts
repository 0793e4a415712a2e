/**
 * Customer rules, pure: creating a customer, applying an update of its details (what changed,
 * the new version), a KYC decision, a reassignment (segment, branch, advisor), and the
 * normalised names and terms search finds a customer by (accents, case, spaces and apostrophes
 * ignored). What the directory says about a
 * branch or an advisor is handed in by the caller.
 */
import type {
  ChangeKycStatusRequest,
  ContactPointsPatch,
  CreateCustomerRequest,
  Customer,
  ReassignCustomerRequest,
  RecordRelationshipEndRequest,
  UpdateCustomerRequest,
} from '#schemas/customers/customer.ts';
import type { Caller, Role } from '#schemas/roles.ts';
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
/** How lists name a customer: `LAST First` (the privacy officer's requests, the pipelines). */
export const displayName = (customer: Pick<Customer, 'lastName' | 'firstName'>): string =>
  `${customer.lastName.toLocaleUpperCase('fr-FR')} ${customer.firstName}`;

export const searchName = (customer: Pick<Customer, 'lastName' | 'firstName'>): string =>
  `${normaliseName(customer.lastName)} ${normaliseName(customer.firstName)}`;

/** `Le Goff-N'Diaye` → `legoffndiaye`: a name as search compares it, without spaces or punctuation. */
export const compactName = (name: string): string => normaliseName(name).replace(/[^\p{L}\p{N}]/gu, '');

/**
 * What a name search finds a customer by (prefixes of any of them): last then first name and
 * first then last name, each without spaces or apostrophes (`legoffeloise`, `eloiselegoff`),
 * each word of the last name (`goff`, `ndiaye`), and the company name and its words. A search
 * for "le goff", "legoff", "Éloïse Le", "N'Diaye" or "ndiaye" finds `Éloïse Le Goff-N'Diaye`.
 */
export const searchTerms = (customer: Pick<Customer, 'lastName' | 'firstName' | 'companyName'>): string[] => {
  const words = (text: string) =>
    normaliseName(text)
      .split(/[\s-]+/)
      .map(compactName)
      .filter((word) => word.length >= 2);
  const last = compactName(customer.lastName);
  const first = compactName(customer.firstName);
  const company = customer.companyName ? compactName(customer.companyName) : '';
  return [
    ...new Set([
      `${last}${first}`,
      `${first}${last}`,
      ...words(customer.lastName),
      ...(company ? [company, ...words(customer.companyName ?? '')] : []),
    ]),
  ].filter((term) => term.length > 0);
};

/** E-mail addresses are compared without case. */
export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

/** What the directory says about the branch and advisor a customer is assigned to. */
export type AssignmentFacts = {
  /** Whether the branch exists. */
  branchExists: boolean;
  /** The staff member named as advisor, if one was named and exists. */
  advisor?: { id: string; roles: readonly Role[]; branchId?: string };
};

/** Advisors and managers work within their branch; a customer outside it cannot be created there. */
const assertBranchAllowed = (caller: Caller, branchId: string) => {
  if (!canSeeBranch(caller, branchId)) {
    throw new Forbidden('You can only manage customers of your own branch.');
  }
};

/** The branch must exist, and a named advisor must be an advisor (or the manager) of that branch. */
const assertAssignment = (branchId: string, advisorId: string | undefined, facts: AssignmentFacts) => {
  if (!facts.branchExists) {
    throw new ValidationFailed([{ field: 'branchId', message: 'no branch has this id' }]);
  }
  if (advisorId === undefined) return;
  const advisor = facts.advisor;
  const advises = advisor?.roles.some((role) => role === 'advisor' || role === 'branch_manager');
  if (!advisor || advisor.id !== advisorId || !advises || advisor.branchId !== branchId) {
    throw new ValidationFailed([{ field: 'advisorId', message: 'no advisor of this branch has this id' }]);
  }
};

const assertCompanyName = (customer: Pick<Customer, 'kind' | 'companyName'>) => {
  if (customer.kind === 'professional' && !customer.companyName) {
    throw new ValidationFailed([
      { field: 'companyName', message: 'a professional customer needs a company name' },
    ]);
  }
};

/** A new customer from a creation request; its KYC status starts `pending`. */
export const newCustomer = (
  input: CreateCustomerRequest,
  caller: Caller,
  ids: { id: string; customerNumber: string },
  facts: AssignmentFacts,
  now: string,
): Customer => {
  assertBranchAllowed(caller, input.branchId);
  assertAssignment(input.branchId, input.advisorId, facts);
  assertCompanyName(input);
  return {
    ...input,
    kycStatus: 'pending',
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

/** A stale version is a `Conflict` carrying the current version. */
const assertVersion = (current: Customer, expectedVersion: number) => {
  if (current.version !== expectedVersion) {
    throw new Conflict(
      `This customer file changed since you read it (you read version ${expectedVersion}, it is now ${current.version}). Reload it and apply your change again.`,
      current.version,
    );
  }
};

export type CustomerChange = { next: Customer; changedFields: string[] };

/**
 * The customer with `changes` applied (`null` removes a field): the fields that changed, and a
 * new version only if something did.
 */
const withChanges = (
  current: Customer,
  changes: Record<string, unknown>,
  caller: Caller,
  now: string,
): CustomerChange => {
  const changedFields = Object.entries(changes)
    .filter(
      ([field, value]) => value !== undefined && !same(value ?? undefined, current[field as keyof Customer]),
    )
    .map(([field]) => field);
  if (changedFields.length === 0) return { next: current, changedFields };
  const next = { ...current } as Record<string, unknown>;
  for (const field of changedFields) {
    if (changes[field] === null) delete next[field];
    else next[field] = changes[field];
  }
  return {
    next: { ...(next as Customer), updatedAt: now, updatedBy: caller.id, version: current.version + 1 },
    changedFields,
  };
};

/** Applies a partial update of the customer's details read at `expectedVersion`. */
export const applyUpdate = (
  current: Customer,
  patch: UpdateCustomerRequest,
  caller: Caller,
  expectedVersion: number,
  now: string,
): CustomerChange => {
  assertVersion(current, expectedVersion);
  const { version: _ignored, contact: contactPatch, ...rest } = patch;
  const change = withChanges(
    current,
    { ...rest, ...(contactPatch ? { contact: mergeContact(current.contact, contactPatch) } : {}) },
    caller,
    now,
  );
  assertCompanyName(change.next);
  return change;
};

/** A KYC decision read at `expectedVersion`; the same status again changes nothing. */
export const applyKycDecision = (
  current: Customer,
  decision: ChangeKycStatusRequest,
  caller: Caller,
  expectedVersion: number,
  now: string,
): CustomerChange => {
  assertVersion(current, expectedVersion);
  return withChanges(current, { kycStatus: decision.status }, caller, now);
};

/**
 * The end of the business relationship read at `expectedVersion` (or its withdrawal): only a
 * customer's, not before the file was opened nor after `today`. The same day again changes nothing.
 */
export const applyRelationshipEnd = (
  current: Customer,
  request: RecordRelationshipEndRequest,
  caller: Caller,
  expectedVersion: number,
  now: string,
): CustomerChange => {
  assertVersion(current, expectedVersion);
  if (current.kind === 'prospect') {
    throw new ValidationFailed([
      { field: 'endedOn', message: 'a prospect has no business relationship to end' },
    ]);
  }
  const { endedOn } = request;
  if (endedOn !== null && (endedOn > now.slice(0, 10) || endedOn < current.createdAt.slice(0, 10))) {
    throw new ValidationFailed([
      { field: 'endedOn', message: 'must be between the opening of the file and today' },
    ]);
  }
  return withChanges(current, { relationshipEndedOn: endedOn }, caller, now);
};

/**
 * A reassignment read at `expectedVersion`. Only an administrator moves a customer to another
 * branch; the advisor must belong to the (new) branch, and a move without a new advisor leaves
 * the customer unassigned rather than with an advisor of the old branch.
 */
export const applyReassignment = (
  current: Customer,
  request: ReassignCustomerRequest,
  caller: Caller,
  facts: AssignmentFacts,
  expectedVersion: number,
  now: string,
): CustomerChange => {
  assertVersion(current, expectedVersion);
  const branchId = request.branchId ?? current.branchId;
  const moves = branchId !== current.branchId;
  if (moves && !caller.roles.includes('admin')) {
    throw new Forbidden('Only an administrator moves a customer to another branch.');
  }
  assertBranchAllowed(caller, branchId);
  assertAssignment(branchId, request.advisorId ?? undefined, facts);
  const advisorId = request.advisorId !== undefined ? request.advisorId : moves ? null : undefined;
  return withChanges(current, { segment: request.segment, branchId, advisorId }, caller, now);
};
