/**
 * The customers context over HTTP: create, read (audited), update, search, lists, the 360°
 * file and consents. Each handler: authorise the branch scope, call the domain, persist, answer.
 */
import { randomBytes } from 'node:crypto';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Customer } from '#schemas/customers/customer.ts';
import { customerRoutes } from '#schemas/customers/routes.ts';
import { ConsentChanged } from '#schemas/events/consent-changed.ts';
import { CustomerCreated } from '#schemas/events/customer-created.ts';
import { CustomerUpdated } from '#schemas/events/customer-updated.ts';
import type { Caller } from '#schemas/roles.ts';
import { getStaffMember } from '#shared/directory.ts';
import { NotFound } from '#shared/errors.ts';
import { httpApi } from '#shared/http/api.ts';
import { metrics } from '#shared/observability.ts';
import { domainEvent } from '#shared/outbox.ts';
import { canSeeBranch, seesAllBranches } from '#shared/scope.ts';
import { applyConsentChanges } from './domain/consents.ts';
import { applyUpdate, newCustomer, normaliseName } from './domain/customer.ts';
import { appendAudit, listAudit } from './store/audit-store.ts';
import {
  getConsents,
  getCustomer,
  getCustomerFile,
  insertCustomer,
  listByAdvisor,
  listByBranch,
  lookup,
  nextCustomerNumber,
  replaceCustomer,
  saveConsents,
  searchByName,
} from './store/customers-store.ts';

const now = () => new Date().toISOString();
const newCustomerId = () =>
  `cu-${randomBytes(8)
    .toString('base64url')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '0')
    .slice(0, 12)}`;

/** The customer if the caller may see it; otherwise a 404 that does not confirm it exists. */
const visibleCustomer = async (caller: Caller, id: string): Promise<Customer> => {
  const customer = await getCustomer(id);
  if (!customer || !canSeeBranch(caller, customer.branchId)) throw new NotFound('This customer');
  return customer;
};

const audit = (
  caller: Caller,
  customerId: string,
  action: 'customer.read' | 'customer.read360',
  reason: string,
) =>
  appendAudit({
    at: now(),
    actorId: caller.id,
    actorName: caller.name,
    actorRoles: caller.roles,
    action,
    customerId,
    reason: reason as 'consultation',
  });

export const handler = httpApi(customerRoutes, {
  createCustomer: async ({ body, caller }) => {
    // A number collision (e.g. with imported customers) is retried with the next number.
    for (let attempt = 0; attempt < 3; attempt++) {
      const customer = newCustomer(
        body,
        caller,
        { id: newCustomerId(), customerNumber: await nextCustomerNumber() },
        now(),
      );
      const event = domainEvent(
        CustomerCreated,
        {
          customerId: customer.id,
          branchId: customer.branchId,
          advisorId: customer.advisorId,
          kind: customer.kind,
          segment: customer.segment,
        },
        caller,
        customer.createdAt,
      );
      if (await insertCustomer(customer, event)) {
        metrics.addMetric('CustomersCreated', MetricUnit.Count, 1);
        return customer;
      }
    }
    throw new Error('could not allocate a free customer number after 3 attempts');
  },

  getCustomer: async ({ params, caller, accessReason }) => {
    const customer = await visibleCustomer(caller, params.customerId);
    await audit(caller, customer.id, 'customer.read', accessReason);
    return customer;
  },

  updateCustomer: async ({ params, body, caller, expectedVersion }) => {
    const current = await visibleCustomer(caller, params.customerId);
    const { next, changedFields } = applyUpdate(current, body, caller, expectedVersion, now());
    if (changedFields.length === 0) return current;
    const event = domainEvent(
      CustomerUpdated,
      {
        customerId: next.id,
        branchId: next.branchId,
        ...(next.branchId !== current.branchId ? { previousBranchId: current.branchId } : {}),
        changedFields,
        version: next.version,
      },
      caller,
      next.updatedAt,
    );
    await replaceCustomer(current, next, event);
    return next;
  },

  getCustomer360: async ({ params, caller, accessReason }) => {
    const file = await getCustomerFile(params.customerId);
    if (!file || !canSeeBranch(caller, file.customer.branchId)) throw new NotFound('This customer');
    const [advisor] = await Promise.all([
      file.customer.advisorId ? getStaffMember(file.customer.advisorId) : undefined,
      audit(caller, file.customer.id, 'customer.read360', accessReason),
    ]);
    metrics.addMetric('CustomerFilesRead', MetricUnit.Count, 1);
    return { ...file, ...(advisor ? { advisor: { id: advisor.id, name: advisor.name } } : {}) };
  },

  updateConsents: async ({ params, body, caller, expectedVersion }) => {
    const customer = await visibleCustomer(caller, params.customerId);
    const current = await getConsents(customer.id);
    const at = now();
    const { next, changed } = applyConsentChanges(current, body, expectedVersion, at);
    if (changed.length === 0) return current;
    const event = domainEvent(
      ConsentChanged,
      { customerId: customer.id, branchId: customer.branchId, changes: changed },
      caller,
      at,
    );
    await saveConsents(customer.id, current.version, next, event);
    return next;
  },

  searchCustomers: async ({ query, caller }) => {
    const scope = seesAllBranches(caller) ? undefined : caller.branchId;
    if (query.q) {
      if (!seesAllBranches(caller) && !caller.branchId) return { items: [] };
      return searchByName(normaliseName(query.q), scope, query.cursor, query.limit);
    }
    const [kind, value] = query.email
      ? (['email', query.email] as const)
      : query.phone
        ? (['phone', query.phone] as const)
        : (['number', query.number ?? ''] as const);
    const found = await lookup(kind, value);
    return { items: found.filter((customer) => canSeeBranch(caller, customer.branchId)) };
  },

  listBranchCustomers: async ({ params, query, caller }) => {
    if (!canSeeBranch(caller, params.branchId)) throw new NotFound('This branch');
    return listByBranch(params.branchId, query.cursor, query.limit);
  },

  listAdvisorPortfolio: async ({ params, query, caller }) => {
    const advisor = await getStaffMember(params.advisorId);
    if (!advisor?.branchId || !canSeeBranch(caller, advisor.branchId)) throw new NotFound('This advisor');
    return listByAdvisor(params.advisorId, query.cursor, query.limit);
  },

  listCustomerAudit: async ({ params, query }) => listAudit(params.customerId, query.cursor, query.limit),
});
