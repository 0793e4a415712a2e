/**
 * Summarises known customers' channel events into their 360° timeline (consumer of the
 * `timelineIntake` queue, which the `knownCustomerActivity` rule feeds); events naming a
 * customer id that is no customer's are left to the lake. Page and screen views
 * update the customer's visit; logins, completed simulations, form submits, product views,
 * transactions and app opens get entries of their own. Records are processed one after the
 * other (events of one visit must not race each other), each idempotent by event id; a record
 * that fails is reported alone (partial batch failure) and comes back.
 */
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { ChannelEventOnBus, ChannelEventV1 } from '#schemas/events/channel-event.ts';
import { entryPoint } from '#shared/entry-point.ts';
import { logger } from '#shared/observability.ts';
import { customerTombstone } from '#shared/privacy/tombstones.ts';
import {
  type ActivityEvent,
  activityRole,
  addToVisit,
  eventEntry,
  isFull,
  startVisit,
  visitKeyOf,
  visitPlacement,
} from './domain/activity.ts';
import {
  countedInVisit,
  customerExists,
  getVisit,
  getVisitPointer,
  insertVisit,
  putEntry,
  updateVisit,
} from './store/activity-store.ts';

/** Attempts at a visit change when other writers keep winning the race. */
const visitAttempts = 8;

const processor = new BatchProcessor(EventType.SQS);

/**
 * Adds the event to its visit: joins the current one, or starts one; retried on a race. A write
 * refused because the customer was erased meanwhile ends it (their tombstone).
 */
const recordInVisit = async (event: ActivityEvent): Promise<void> => {
  const visitKey = visitKeyOf(event);
  for (let attempt = 0; attempt < visitAttempts; attempt++) {
    if (attempt > 0 && (await customerTombstone(event.customerId))) return;
    // A redelivered event (or one whose write lost a race to its own copy) is counted already.
    if (await countedInVisit(event.eventId)) return;
    const pointer = await getVisitPointer(event.customerId, visitKey);
    const placement = visitPlacement(pointer, event);
    if (placement === 'join' && pointer) {
      const current = await getVisit(event.customerId, pointer.visitSk);
      if (current && !isFull(current.visit)) {
        const next = addToVisit(current.visit, event);
        if (!next) return;
        if (await updateVisit(event.eventId, current, next, visitKey, true)) return;
        continue;
      }
      // The visit is full (or gone): a new one takes over the pointer.
      if (await insertVisit(event.eventId, startVisit(event), visitKey, pointer, true)) return;
      continue;
    }
    if (await insertVisit(event.eventId, startVisit(event), visitKey, pointer, placement === 'newLatest'))
      return;
  }
  throw new Error(`visit of ${visitKey} kept changing under us; the record will be retried`);
};

const recordHandler = async (record: SQSRecord): Promise<void> => {
  const envelope = JSON.parse(record.body) as { 'detail-type'?: string; detail?: unknown };
  // The rule also matches other channels events about a customer (IdentityLinked…): not ours.
  if (envelope['detail-type'] !== ChannelEventOnBus.detailType) return;
  const detail = ChannelEventV1.parse(envelope.detail);
  if (!detail.customerId || !(await customerExists(detail.customerId))) return;
  const event: ActivityEvent = { ...detail, customerId: detail.customerId };
  const role = activityRole(event.type);
  if (role === 'visit' || role === 'both') await recordInVisit(event);
  if (role === 'entry' || role === 'both') {
    const entry = eventEntry(event);
    if (entry) await putEntry(event.customerId, entry);
  }
};

export const handler = entryPoint(
  'queue',
  async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> => {
    const response = await processPartialResponse(event, recordHandler, processor, {
      context,
      processInParallel: false,
    });
    if (response.batchItemFailures.length > 0) {
      logger.warn('timeline records will be retried', { failed: response.batchItemFailures.length });
    }
    return response;
  },
);
