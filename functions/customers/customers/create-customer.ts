/** Creates a customer or prospect in the caller's branch, with its first event; KYC starts pending. */
import { randomBytes } from 'node:crypto';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { customerIdLength, customerIdPrefix } from '#schemas/customers/customer-id.ts';
import { CustomerCreated } from '#schemas/events/customer-created.ts';
import type { Route } from '#schemas/routes.ts';
import type { RouteHandler } from '#shared/http/api.ts';
import { metrics } from '#shared/observability.ts';
import { domainEvent } from '#shared/outbox.ts';
import { newCustomer } from '../domain/customer.ts';
import { insertCustomer, nextCustomerNumber } from '../store/customers-store.ts';
import { assignmentFacts } from './assignment-facts.ts';

const newCustomerId = () =>
  `${customerIdPrefix}${randomBytes(8)
    .toString('base64url')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '0')
    .slice(0, customerIdLength)}`;

export const createCustomer: RouteHandler<Route<'createCustomer'>> = async ({ body, caller }) => {
  const facts = await assignmentFacts(body.branchId, body.advisorId);
  // A number collision (e.g. with imported customers) is retried with the next number.
  for (let attempt = 0; attempt < 3; attempt++) {
    const ids = { id: newCustomerId(), customerNumber: await nextCustomerNumber() };
    const customer = newCustomer(body, caller, ids, facts, new Date().toISOString());
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
};
