/**
 * What other contexts may use of the customers context, and nothing else (the dependency rules
 * in `biome.json` refuse any other import of it): reading a customer (within the caller's branch
 * scope, refusals audited: `visibleCustomer`), the timeline item of an
 * event, the item of a holding a won deal opens, what a customer's consents allow (profiling, marketing on a channel), an erasure's
 * part outside the customer's collection (the look-ups), the files past their retention. Its part of the
 * privacy registry is `privacy.ts`. The keys of the customer's item
 * collection, to which other contexts add their members, are the table model's
 * (`#shared/table/main-table.ts`).
 */
export { mayMarketTo, objectingToProfiling } from './consents/consent-checks.ts';
export { visibleCustomer } from './customers/visible-customer.ts';
export { displayName } from './domain/customer.ts';
export { type FilePastRetention, filesPastRetention } from './retention/files-past-retention.ts';
export { customerByNumber } from './store/customer-finders.ts';
export { eventItem, holdingItem } from './store/customer-items.ts';
export { getCustomer } from './store/customers-store.ts';
export { eraseLookups } from './store/erase-lookups.ts';
