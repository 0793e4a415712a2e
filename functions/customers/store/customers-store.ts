/**
 * The customer file in the main table: the customer number counter, creating and replacing a
 * customer with its look-ups, search terms and event in one transaction, the 360° read and the
 * timeline's pages, and the consents.
 */
import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type Consents, Consents as ConsentsSchema } from '#schemas/customers/consent.ts';
import { Customer } from '#schemas/customers/customer.ts';
import { type Holding, Holding as HoldingSchema } from '#schemas/customers/holding.ts';
import { type TimelineEntry, TimelineEntry as TimelineSchema } from '#schemas/customers/timeline.ts';
import { type MeetingReportSummary, MeetingReportVersion } from '#schemas/sales/meeting-report.ts';
import { OpportunitySummary } from '#schemas/sales/opportunity.ts';
import { Task } from '#schemas/sales/task.ts';
import { documents } from '#shared/clients/dynamodb.ts';
import { type CursorScope, decodeCursor, encodeCursor } from '#shared/cursor.ts';
import { tableName } from '#shared/env.ts';
import { Conflict } from '#shared/errors.ts';
import type { OutboxEvent } from '#shared/outbox.ts';
import { customerCollection, customerNumberCounterKey } from '#shared/table/main-table.ts';
import { writeTogether } from '#shared/transactions.ts';
import { searchTerms } from '../domain/customer.ts';

import {
  consentsItem,
  customerLookups,
  eventItem,
  lookupItems,
  profileItem,
  searchTermItems,
} from './customer-items.ts';

const table = () => tableName('main');

/** How many items the 360° read fetches: the whole file (a few dozen at most) and the latest events. */
const fileReadLimit = 100;
/** Timeline entries the 360° view shows. */
const timelineLength = 20;

import type { Page } from './customer-finders.ts';

type Event = OutboxEvent & { eventId: string };

/** The next customer number, e.g. `C9000000042`, from an atomic counter. */
export const nextCustomerNumber = async (): Promise<string> => {
  const result = await documents.send(
    new UpdateCommand({
      TableName: table(),
      Key: customerNumberCounterKey,
      UpdateExpression: 'ADD n :one SET entity = :entity',
      ExpressionAttributeValues: { ':one': 1, ':entity': 'customerNumberCounter' },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  return `C${String(9_000_000_000 + Number(result.Attributes?.n)).padStart(10, '0')}`;
};

/** Writes a new customer, empty consents and its creation event; false if its number is taken. */
export const insertCustomer = async (customer: Customer, event: Event): Promise<boolean> => {
  const empty: Consents = { items: [], version: 0 };
  return writeTogether([
    {
      Put: {
        TableName: table(),
        Item: profileItem(customer),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Put: {
        TableName: table(),
        Item: {
          pk: customerCollection.pk(customer.id),
          sk: customerCollection.consentsSk,
          entity: 'consents',
          ...empty,
        },
      },
    },
    { Put: { TableName: table(), Item: eventItem(customer.id, event) } },
    ...lookupItems(customer).map((Item) => ({
      Put: { TableName: table(), Item, ConditionExpression: 'attribute_not_exists(pk)' },
    })),
    ...searchTermItems(customer).map((Item) => ({ Put: { TableName: table(), Item } })),
  ]);
};

export const getCustomer = async (id: string): Promise<Customer | undefined> => {
  const result = await documents.send(
    new GetCommand({
      TableName: table(),
      Key: { pk: customerCollection.pk(id), sk: customerCollection.profileSk },
    }),
  );
  return result.Item ? Customer.parse(result.Item) : undefined;
};

/**
 * Replaces the profile if it is still at `previous.version`, with its lookups and search terms
 * (terms gone are deleted, the others rewritten: they carry the summary) and the event.
 */
export const replaceCustomer = async (previous: Customer, next: Customer, event: Event): Promise<void> => {
  const before = customerLookups(previous);
  const after = lookupItems(next);
  const key = (k: { pk: string; sk: string }) => `${k.pk}|${k.sk}`;
  const afterKeys = new Set(after.map(key));
  const beforeKeys = new Set(before.map(key));
  const nextTerms = searchTermItems(next);
  const written = await writeTogether([
    {
      Put: {
        TableName: table(),
        Item: profileItem(next),
        ConditionExpression: 'version = :expected',
        ExpressionAttributeValues: { ':expected': previous.version },
      },
    },
    { Put: { TableName: table(), Item: eventItem(next.id, event) } },
    ...before.filter((k) => !afterKeys.has(key(k))).map((Key) => ({ Delete: { TableName: table(), Key } })),
    ...after.filter((k) => !beforeKeys.has(key(k))).map((Item) => ({ Put: { TableName: table(), Item } })),
    ...searchTerms(previous)
      .filter((term) => !nextTerms.some((item) => item.sk === customerCollection.searchTermSk(term)))
      .map((term) => ({
        Delete: {
          TableName: table(),
          Key: { pk: customerCollection.pk(previous.id), sk: customerCollection.searchTermSk(term) },
        },
      })),
    ...nextTerms.map((Item) => ({ Put: { TableName: table(), Item } })),
  ]);
  if (!written) {
    throw new Conflict(
      'This customer file was changed by someone else at the same moment. Reload it and try again.',
    );
  }
};

export type CustomerFile = {
  customer: Customer;
  holdings: Holding[];
  consents: Consents;
  /** The sales context's members of the collection: the deals still open, soonest to close first. */
  openOpportunities: OpportunitySummary[];
  /** The follow-up tasks still open, soonest due first. */
  openTasks: Task[];
  /** The latest version of the most recent meeting's report. */
  latestMeetingReport?: MeetingReportSummary;
  timeline: TimelineEntry[];
  /** Where the timeline pages back from, when older entries exist. */
  timelineCursor?: string;
};

/**
 * A timeline item as the customer sees it: a domain event, or channel activity the timeline
 * projector summarised (visits, logins, simulations…: items of entity `activity` holding their
 * ready-made entry).
 */
export const timelineEntryOf = (item: Record<string, unknown>): TimelineEntry => {
  if (item.entity === 'activity') return TimelineSchema.parse(item.entry);
  const event = item.event as Event & { detail: { occurredAt: string; actor?: unknown } };
  return TimelineSchema.parse({
    id: event.eventId,
    type: event.detailType,
    source: event.source,
    occurredAt: event.detail.occurredAt,
    actor: event.detail.actor,
    detail: event.detail,
  });
};
/** Whatever sorts in the timeline's band: events of any context, and channel activity. */
export const isTimelineItem = (item: Record<string, unknown>) =>
  String(item.sk).startsWith(customerCollection.timelinePrefix);
const timelineScope = (customerId: string): CursorScope => ({
  keyNames: ['pk', 'sk'],
  partitionKey: 'pk',
  partition: customerCollection.pk(customerId),
});

/**
 * The 360° file: one Query of the customer's item collection, newest timeline entries first
 * (they sort by time under `A#TL#`); `timelineCursor` when there are older ones.
 */
export const getCustomerFile = async (id: string): Promise<CustomerFile | undefined> => {
  const result = await documents.send(
    new QueryCommand({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': customerCollection.pk(id) },
      ScanIndexForward: false,
      Limit: fileReadLimit,
    }),
  );
  const items = result.Items ?? [];
  const profile = items.find((item) => item.entity === 'customer');
  if (!profile) return undefined;
  const consents = items.find((item) => item.entity === 'consents');
  const timelineItems = items.filter(isTimelineItem);
  const shown = timelineItems.slice(0, timelineLength);
  const last = shown.at(-1);
  const older =
    timelineItems.length > timelineLength || (result.LastEvaluatedKey && shown.length === timelineLength);
  const timelineCursor = older && last ? encodeCursor({ pk: last.pk, sk: last.sk }) : undefined;
  return {
    customer: Customer.parse(profile),
    holdings: items.filter((item) => item.entity === 'holding').map((item) => HoldingSchema.parse(item)),
    consents: consents ? ConsentsSchema.parse(consents) : { items: [], version: 0 },
    openOpportunities: items
      .filter((item) => item.entity === 'opportunity' && item.stage !== 'won' && item.stage !== 'lost')
      .map((item) => OpportunitySummary.parse(item))
      .sort((a, b) => a.expectedCloseOn.localeCompare(b.expectedCloseOn)),
    openTasks: items
      .filter((item) => item.entity === 'task' && item.status === 'open')
      .map((item) => Task.parse(item))
      .sort((a, b) => a.dueOn.localeCompare(b.dueOn)),
    ...latestMeeting(items),
    timeline: shown.map(timelineEntryOf),
    ...(timelineCursor ? { timelineCursor } : {}),
  };
};

/** The most recent meeting's report, as its latest version says it. */
const latestMeeting = (
  items: readonly Record<string, unknown>[],
): { latestMeetingReport?: MeetingReportSummary } => {
  const [latest] = items
    .filter((item) => item.entity === 'meetingReport')
    .map((item) => ({ id: String(item.id), version: MeetingReportVersion.parse(item.latest) }))
    .sort((a, b) => b.version.meetingAt.localeCompare(a.version.meetingAt));
  if (!latest) return {};
  const { version } = latest;
  return {
    latestMeetingReport: {
      id: latest.id,
      version: version.version,
      meetingAt: version.meetingAt,
      channel: version.channel,
      writtenByName: version.writtenByName,
      productsDiscussed: version.productsDiscussed,
      needs: version.needs,
      notes: version.notes,
    },
  };
};

/** A page of the customer's timeline, newest first, from the 360° file's cursor or the previous page's. */
export const listTimeline = async (
  customerId: string,
  cursor: string | undefined,
  limit: number,
): Promise<Page<TimelineEntry>> => {
  const result = await documents.send(
    new QueryCommand({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :timeline)',
      ExpressionAttributeValues: {
        ':pk': customerCollection.pk(customerId),
        ':timeline': customerCollection.timelinePrefix,
      },
      ScanIndexForward: false,
      Limit: limit,
      ExclusiveStartKey: decodeCursor(cursor, timelineScope(customerId)),
    }),
  );
  const nextCursor = encodeCursor(result.LastEvaluatedKey);
  return {
    items: (result.Items ?? []).filter(isTimelineItem).map(timelineEntryOf),
    ...(nextCursor ? { nextCursor } : {}),
  };
};

export const getConsents = async (customerId: string): Promise<Consents> => {
  const result = await documents.send(
    new GetCommand({
      TableName: table(),
      Key: { pk: customerCollection.pk(customerId), sk: customerCollection.consentsSk },
    }),
  );
  return result.Item ? ConsentsSchema.parse(result.Item) : { items: [], version: 0 };
};

/** Saves consents if still at `previousVersion`, with the ConsentChanged event. */
export const saveConsents = async (
  customerId: string,
  previousVersion: number,
  next: Consents,
  event: Event,
): Promise<void> => {
  const written = await writeTogether([
    {
      Put: {
        TableName: table(),
        Item: consentsItem(customerId, next),
        ConditionExpression: 'attribute_not_exists(version) OR version = :expected',
        ExpressionAttributeValues: { ':expected': previousVersion },
      },
    },
    { Put: { TableName: table(), Item: eventItem(customerId, event) } },
  ]);
  if (!written) {
    throw new Conflict(
      'The consents were changed by someone else at the same moment. Reload them and try again.',
    );
  }
};
