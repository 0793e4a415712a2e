/**
 * The items of a customer's collection in the main table, built from the table model's keys:
 * the profile (with its index keys), holdings, consents, timeline events, the search-term items
 * and the look-ups by e-mail, phone and number. The store writes them; the demo-data seed too,
 * in bulk.
 */
import type { Consents } from '#schemas/customers/consent.ts';
import { type Customer, CustomerSummary } from '#schemas/customers/customer.ts';
import type { Holding } from '#schemas/customers/holding.ts';
import type { OutboxEvent } from '#shared/outbox.ts';
import {
  customerCollection,
  customerIndexKeys,
  type LookupKind,
  lookupKeys,
  searchTermIndexKeys,
} from '#shared/table/main-table.ts';
import { normaliseEmail, searchName, searchTerms } from '../domain/customer.ts';
import { retentionCheckOn } from '../domain/retention.ts';

type Event = OutboxEvent & { eventId: string };

/** The items of a customer's collection; exported for the demo-data seed, which writes them in bulk. */
export const profileItem = (customer: Customer) => ({
  pk: customerCollection.pk(customer.id),
  sk: customerCollection.profileSk,
  entity: 'customer',
  ...customerIndexKeys({
    ...customer,
    sortName: searchName(customer),
    retentionCheckOn: retentionCheckOn(customer),
  }),
  ...customer,
});

export const holdingItem = (customerId: string, holding: Holding) => ({
  pk: customerCollection.pk(customerId),
  sk: customerCollection.holdingSk(holding.id),
  entity: 'holding',
  ...holding,
});

export const consentsItem = (customerId: string, consents: Consents) => ({
  pk: customerCollection.pk(customerId),
  sk: customerCollection.consentsSk,
  entity: 'consents',
  ...consents,
});

/**
 * A domain event in the customer's timeline (and the outbox: the stream publishes it). Another
 * context's events may be a member type of their own (`entity`, with its retention as a TTL), so
 * that the privacy registry treats them as that context says — the channels' device links are
 * erased with the devices, where the file's history is held.
 */
export const eventItem = (
  customerId: string,
  event: Event,
  member?: { entity: string; expiresAt: number },
) => ({
  pk: customerCollection.pk(customerId),
  sk: customerCollection.timelineSk(String(event.detail.occurredAt), event.eventId),
  entity: 'event',
  ...member,
  event,
});

/** The look-up items a customer needs: e-mail and phones shared by several customers, a unique number. */
export const customerLookups = (customer: Customer): { pk: string; sk: string }[] => {
  const phones = [customer.contact.mobilePhone, customer.contact.homePhone].filter((p): p is string => !!p);
  const shared = (kind: LookupKind, value: string) => ({
    pk: lookupKeys.pk(kind, value),
    sk: customerCollection.pk(customer.id),
  });
  return [
    { pk: lookupKeys.pk('number', customer.customerNumber), sk: lookupKeys.uniqueSk },
    ...(customer.contact.email ? [shared('email', normaliseEmail(customer.contact.email))] : []),
    ...[...new Set(phones)].map((phone) => shared('phone', phone)),
  ];
};

/** The search term items of a customer: each carries the summary a search answers. */
export const searchTermItems = (customer: Customer) => {
  const summary = CustomerSummary.parse(customer);
  return searchTerms(customer).map((term) => ({
    pk: customerCollection.pk(customer.id),
    sk: customerCollection.searchTermSk(term),
    entity: 'searchTerm',
    ...searchTermIndexKeys(customer, term),
    ...summary,
  }));
};

export const lookupItems = (customer: Customer) =>
  customerLookups(customer).map((key) => ({
    ...key,
    entity: 'lookup',
    customerId: customer.id,
    branchId: customer.branchId,
  }));
