/** Every domain event Relais publishes; the JSON Schemas in docs/ are generated from this list. */
import { ConsentChanged } from './consent-changed.ts';
import { CustomerCreated } from './customer-created.ts';
import { CustomerUpdated } from './customer-updated.ts';

export const domainEvents = [CustomerCreated, CustomerUpdated, ConsentChanged] as const;
export type DomainEventType = (typeof domainEvents)[number]['detailType'];
