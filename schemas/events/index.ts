/** Every event Relais publishes; the JSON Schemas in docs/ are generated from this list. */
import { ActivityLogged, MeetingReported } from './activity-logged.ts';
import { ChannelEventOnBus } from './channel-event.ts';
import { ConsentChanged } from './consent-changed.ts';
import { CustomerCreated } from './customer-created.ts';
import { CustomerErased } from './customer-erased.ts';
import { CustomerUpdated } from './customer-updated.ts';
import { DataAccessRequested } from './data-access-requested.ts';
import { DataExported } from './data-exported.ts';
import { ErasureRequested } from './erasure-requested.ts';
import { IdentityLinked } from './identity-linked.ts';
import { IdentityUnlinked } from './identity-unlinked.ts';
import { KycStatusChanged } from './kyc-status-changed.ts';
import { OpportunityCreated } from './opportunity-created.ts';
import { OpportunityLost, OpportunityStageChanged, OpportunityWon } from './opportunity-stage-changed.ts';
import { OpportunityUpdated } from './opportunity-updated.ts';
import { QuoteAccepted, QuoteIssued } from './quote-issued.ts';
import { RelationshipEndRecorded } from './relationship-end-recorded.ts';
import { RetentionPurged } from './retention-purged.ts';

export const domainEvents = [
  CustomerCreated,
  CustomerUpdated,
  KycStatusChanged,
  RelationshipEndRecorded,
  ConsentChanged,
  IdentityLinked,
  IdentityUnlinked,
  DataAccessRequested,
  DataExported,
  ErasureRequested,
  CustomerErased,
  RetentionPurged,
  OpportunityCreated,
  OpportunityUpdated,
  OpportunityStageChanged,
  OpportunityWon,
  OpportunityLost,
  QuoteIssued,
  QuoteAccepted,
  ActivityLogged,
  MeetingReported,
  ChannelEventOnBus,
] as const;
export type DomainEventType = (typeof domainEvents)[number]['detailType'];
