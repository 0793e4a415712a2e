/**
 * The main table's model, in one place: its indexes, named for the access pattern each serves;
 * the customer's item collection (the 360° file, one Query) with the members each context adds
 * to it; and the keys of every other item family of the table. No key prefix of the main table
 * is written anywhere else, and its declaration (`infra/declaration/storage.ts`) takes the
 * indexes from here. Pure: no SDK, so the declaration and every context can import it.
 *
 * The customer's collection, under `CUSTOMER#<id>`, sorts in three bands, so that a descending
 * Query with a limit reads the file first, then the newest timeline entries, and the channels'
 * bookkeeping last, if at all:
 * - `P#` the file: `P#PROFILE` (indexed by branch, advisor and, for a prospect, the day their
 *   retention is next looked at), `P#CONSENTS`, `P#HOLDING#<id>` (customers context);
 *   `P#DEAL#<id>` the opportunities (sales context: indexed by owner and by branch, per stage),
 *   `P#TASK#<id>` the follow-up tasks (indexed by assignee and by branch, per status) and
 *   `P#REPORT#<id>` each meeting report's latest version (sales);
 * - `A#TL#<time>#<id>` the timeline: domain events (customers) and channel activity, visits
 *   included (channels);
 * - `1#` documents read by what they belong to, never by the file: `1#QUOTE#<deal id>#<number>`
 *   the quotes of a deal, `1#REPORT#<report id>#<version>` every version of a meeting report (sales);
 * - `0#` bookkeeping: the search terms `0#TERM#<term>` (customers), identity links
 *   `0#ID#<visitor id>` and visit pointers `0#VISIT#<key>` (channels).
 */

/** The global secondary indexes, by the access pattern they serve: attribute names of their keys. */
export const mainIndexes = {
  /** A branch's customers by name (branch lists, name search within a branch). */
  byBranchAndName: { partitionKey: 'byBranchPk', sortKey: 'byBranchSk' },
  /** An advisor's portfolio by name. */
  byAdvisorAndName: { partitionKey: 'byAdvisorPk', sortKey: 'byAdvisorSk' },
  /** Every customer by search term prefix, spread over partitions by the term's first two letters. */
  bySearchTerm: { partitionKey: 'byTermPk', sortKey: 'byTermSk' },
  /** Files by the day their retention is next looked at (prospects only: a sparse index). */
  byRetentionCheck: { partitionKey: 'byRetentionPk', sortKey: 'byRetentionSk' },
  /**
   * An advisor's opportunities at a stage, by the day they close (a column of their pipeline);
   * and their tasks in a status, by due day (`taskIndexKeys`).
   */
  byOwnerAndStage: { partitionKey: 'byOwnerPk', sortKey: 'byOwnerSk' },
  /**
   * A branch's opportunities at a stage, by the day they close (a column of the branch's
   * pipeline); and its tasks in a status, by due day.
   */
  byBranchAndStage: { partitionKey: 'byPipelinePk', sortKey: 'byPipelineSk' },
} as const;
export type MainIndex = keyof typeof mainIndexes;

/** The customer's item collection and its members. */
export const customerCollection = {
  pk: (customerId: string) => `CUSTOMER#${customerId}`,
  /** The customer id of a collection's partition key. */
  customerIdOf: (pk: string) => pk.replace(/^CUSTOMER#/, ''),
  profileSk: 'P#PROFILE',
  consentsSk: 'P#CONSENTS',
  holdingSk: (holdingId: string) => `P#HOLDING#${holdingId}`,
  timelineSk: (occurredAt: string, entryId: string) => `A#TL#${occurredAt}#${entryId}`,
  timelinePrefix: 'A#TL#',
  /** One per term a name search finds the customer by, with the customer's summary. */
  searchTermSk: (term: string) => `0#TERM#${term}`,
  identityPrefix: '0#ID#',
  identitySk: (anonymousId: string) => `0#ID#${anonymousId}`,
  visitPointerSk: (visitKey: string) => `0#VISIT#${visitKey}`,
  opportunitySk: (opportunityId: string) => `P#DEAL#${opportunityId}`,
  /** A deal's quotes, numbered from 1; the number padded so that they sort in order. */
  quoteSk: (opportunityId: string, number: number) =>
    `1#QUOTE#${opportunityId}#${String(number).padStart(4, '0')}`,
  quotePrefix: (opportunityId: string) => `1#QUOTE#${opportunityId}#`,
  taskSk: (taskId: string) => `P#TASK#${taskId}`,
  /** The latest version of a meeting report, for the file. */
  reportSk: (reportId: string) => `P#REPORT#${reportId}`,
  /** Each version of a meeting report, written once; the version padded so that they sort in order. */
  reportVersionSk: (reportId: string, version: number) =>
    `1#REPORT#${reportId}#${String(version).padStart(4, '0')}`,
  reportVersionPrefix: (reportId: string) => `1#REPORT#${reportId}#`,
} as const;

/**
 * The index keys of a task, in the opportunities' indexes (their partitions start `TASKS#`):
 * under its assignee and its branch, per status, sorted by due day, so that an advisor's open
 * tasks read in order and the overdue ones are a range.
 */
export const taskIndexKeys = (task: {
  id: string;
  assigneeId: string;
  branchId: string;
  status: string;
  dueOn: string;
}) => ({
  byOwnerPk: taskIndexPartitions.assignee(task.assigneeId, task.status),
  byOwnerSk: `${task.dueOn}#${task.id}`,
  byPipelinePk: taskIndexPartitions.branch(task.branchId, task.status),
  byPipelineSk: `${task.dueOn}#${task.id}`,
});

export const taskIndexPartitions = {
  assignee: (assigneeId: string, status: string) => `TASKS#OWNER#${assigneeId}#${status}`,
  branch: (branchId: string, status: string) => `TASKS#BRANCH#${branchId}#${status}`,
} as const;

/**
 * The index keys of an opportunity: in its owner's and its branch's pipeline, under its stage,
 * sorted by the day it closed (won or lost) or is expected to close, so that a column reads in
 * order and a month is a range of it.
 */
export const opportunityIndexKeys = (opportunity: {
  id: string;
  ownerId: string;
  branchId: string;
  stage: string;
  expectedCloseOn: string;
  closedOn?: string | undefined;
}) => {
  const sortKey = opportunityIndexPartitions.closing(
    opportunity.closedOn ?? opportunity.expectedCloseOn,
    opportunity.id,
  );
  return {
    byOwnerPk: opportunityIndexPartitions.owner(opportunity.ownerId, opportunity.stage),
    byOwnerSk: sortKey,
    byPipelinePk: opportunityIndexPartitions.branch(opportunity.branchId, opportunity.stage),
    byPipelineSk: sortKey,
  };
};

/** The partitions and sort keys the opportunity indexes are queried with. */
export const opportunityIndexPartitions = {
  owner: (ownerId: string, stage: string) => `OWNER#${ownerId}#${stage}`,
  branch: (branchId: string, stage: string) => `PIPELINE#${branchId}#${stage}`,
  /** `<day>#<id>`: a month `2026-12` is the range from `2026-12` to `2026-12\uffff`. */
  closing: (day: string, opportunityId?: string) => (opportunityId ? `${day}#${opportunityId}` : day),
} as const;

/**
 * The index keys of a customer's profile, from its normalised sort name (`last first`) and the
 * day its retention is next looked at, if it has one.
 */
export const customerIndexKeys = (customer: {
  id: string;
  branchId: string;
  advisorId?: string | undefined;
  sortName: string;
  retentionCheckOn?: string | undefined;
}) => ({
  byBranchPk: customerIndexPartitions.branch(customer.branchId),
  byBranchSk: customerIndexPartitions.name(customer.sortName, customer.id),
  ...(customer.advisorId
    ? {
        byAdvisorPk: customerIndexPartitions.advisor(customer.advisorId),
        byAdvisorSk: customerIndexPartitions.name(customer.sortName, customer.id),
      }
    : {}),
  ...(customer.retentionCheckOn ? retentionIndexKeys(customer.id, customer.retentionCheckOn) : {}),
});

/**
 * Files by retention date: spread over `retentionShards` partitions by the id's last character
 * (so that no partition takes every prospect's writes), sorted by day then id.
 */
export const retentionShards = Array.from({ length: 8 }, (_, shard) => `RETENTION#${shard}`);
export const retentionIndexKeys = (customerId: string, checkOn: string) => ({
  byRetentionPk: retentionShards[
    customerId.charCodeAt(customerId.length - 1) % retentionShards.length
  ] as string,
  byRetentionSk: `${checkOn}#${customerId}`,
});
/** The sort key bound of the files to look at on `day` or before. */
export const retentionCheckedBy = (day: string) => `${day}#\uffff`;

/**
 * The index keys of a search term item: in its customer's branch (a search within the branch)
 * and among every customer's terms (a search across branches).
 */
export const searchTermIndexKeys = (customer: { id: string; branchId: string }, term: string) => ({
  byBranchPk: customerIndexPartitions.branch(customer.branchId),
  byBranchSk: customerIndexPartitions.term(term, customer.id),
  byTermPk: customerIndexPartitions.termPartition(term),
  byTermSk: `${term}#${customer.id}`,
});

/** The partitions and sort-key prefixes the customer indexes are queried with. */
export const customerIndexPartitions = {
  branch: (branchId: string) => `BRANCH#${branchId}`,
  advisor: (advisorId: string) => `ADVISOR#${advisorId}`,
  /** Within a branch's or advisor's partition: `NAME#<sort name>#<id>`; a prefix finds by name. */
  name: (sortNamePrefix: string, customerId?: string) =>
    `NAME#${sortNamePrefix}${customerId ? `#${customerId}` : ''}`,
  /** Within a branch's partition: `TERM#<term>#<id>`; a prefix finds by search term. */
  term: (termPrefix: string, customerId?: string) =>
    `TERM#${termPrefix}${customerId ? `#${customerId}` : ''}`,
  /** Searches across all branches are spread over partitions by the term's first two letters. */
  termPartition: (termPrefix: string) => `TERM#${termPrefix.slice(0, 2)}`,
} as const;

/** Exact look-ups of customers: by e-mail and phone (shared by several), by number (unique). */
export type LookupKind = 'email' | 'phone' | 'number';
export const lookupKeys = {
  pk: (kind: LookupKind, value: string) => `LOOKUP#${kind}#${value}`,
  /** A number belongs to one customer. */
  uniqueSk: 'UNIQUE',
} as const;

/** The customer-number counter. */
export const customerNumberCounterKey = { pk: 'COUNTER', sk: 'customerNumber' } as const;

/** The privacy officer's requests (access, erasure), listed together: a bank gets a few a week. */
export const privacyRequestKeys = {
  pk: 'PRIVACYREQUESTS',
  sk: (requestId: string) => `REQUEST#${requestId}`,
  prefix: 'REQUEST#',
  /** An event about a request published from its partition, not the customer's (an erasure's). */
  eventSk: (requestId: string, eventId: string) => `EVENT#${requestId}#${eventId}`,
} as const;

/**
 * The tombstones of erased customers and of the visitor ids that were linked to them: what the
 * erasure leaves so that a late event, a redrive or a replay of the archive does not bring them
 * back (`#shared/privacy/tombstones.ts`).
 */
export const tombstoneKeys = {
  customer: (customerId: string) => ({ pk: `ERASED#CUSTOMER#${customerId}`, sk: 'TOMBSTONE' }),
  visitor: (anonymousId: string) => ({ pk: `ERASED#VISITOR#${anonymousId}`, sk: 'TOMBSTONE' }),
} as const;

/** The bank's directory: branches and staff. */
export const directoryKeys = {
  pk: 'DIRECTORY',
  branchPrefix: 'BRANCH#',
  branchSk: (branchId: string) => `BRANCH#${branchId}`,
  staffPrefix: 'STAFF#',
  staffSk: (staffId: string) => `STAFF#${staffId}`,
  /** Written last by the seed: the demo bank is complete. */
  seededSk: 'SEEDED',
} as const;

/**
 * The channels' records: write keys (listed together under one partition, plus a look-up item
 * by hash that authentication reads in one GetItem), custom event schemas (latest = last), and
 * a visitor's link to a customer.
 */
export const channelKeys = {
  writeKeysPk: 'WRITEKEYS',
  writeKeySk: (keyId: string) => `WRITEKEY#${keyId}`,
  writeKeyHash: (hash: string) => ({ pk: `WRITEKEYHASH#${hash}`, sk: 'WRITEKEYHASH' }),
  eventSchemasPk: 'EVENTSCHEMAS',
  eventSchemaSk: (name: string, version: number) => `${name}#${String(version).padStart(6, '0')}`,
  anonymousLink: (anonymousId: string) => ({ pk: `ANON#${anonymousId}`, sk: 'LINK' }),
} as const;
