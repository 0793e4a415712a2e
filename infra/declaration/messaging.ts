/**
 * Messaging, declared once: the SQS queues (each with its DLQ), the event bus, how rules
 * deliver, and the static rules. Campaign rules are created at run time, not here.
 */
export type QueueDeclaration = {
  /** Seconds a received message stays invisible; 6x the consumer's timeout, as AWS advises. */
  visibilityTimeout: number;
  /** Receives before a message goes to the queue's DLQ. */
  maxReceiveCount: number;
};

/** Every queue has a DLQ named `<queue>-dlq`, kept 14 days. */
export const queues = {
  /** Audit records on their way to the audit writer, the only writer of the audit table. */
  auditIntake: { visibilityTimeout: 60, maxReceiveCount: 10 },
  /** Every domain and channel event, for the lake archiver. */
  lakeIntake: { visibilityTimeout: 360, maxReceiveCount: 5 },
  /** Channel events of known customers, for their timeline. */
  timelineIntake: { visibilityTimeout: 180, maxReceiveCount: 5 },
  /**
   * Domain events the stream publisher could not put on the bus, with their item image: the
   * republisher tries each again 5 times, 3 minutes apart (an outage of up to ~15 minutes loses
   * nothing), then the DLQ, which the alarm watches and `npm run redrive` replays.
   */
  publisherFailures: { visibilityTimeout: 180, maxReceiveCount: 5 },
  /**
   * Stream batches Lambda gave up on (retries or record age exhausted): where they were in the
   * stream, not their data, which can be read back from the stream for its 24 hours.
   */
  streamFailures: { visibilityTimeout: 30, maxReceiveCount: 3 },
  /** Access requests, for the privacy jobs (one request per invocation). */
  privacyJobs: { visibilityTimeout: 5400, maxReceiveCount: 3 },
} as const satisfies Record<string, QueueDeclaration>;
export type QueueName = keyof typeof queues;

/**
 * The custom event bus; archived so events can be replayed after an incident. Thirty days: long
 * enough to find and mend one, short enough that the archive (customer ids in clear, channel
 * events as sent) is no second store of personal data; the lake keeps the history.
 */
export const bus = { name: 'relais', archiveRetentionDays: 30 } as const;

export type RuleDeclaration = {
  description: string;
  /** EventBridge event pattern. */
  pattern: {
    source?: readonly string[] | { prefix: string }[];
    'detail-type'?: readonly string[];
    detail?: Record<string, readonly unknown[]>;
  };
  target: { queue: QueueName };
};

/**
 * How EventBridge delivers to every rule's queue: retried for a day, then into that queue's DLQ
 * (where `npm run redrive` takes it back into the queue). Campaign rules use the same.
 */
export const ruleDelivery = { retryAttempts: 185, maxEventAgeSeconds: 24 * 60 * 60 } as const;

/** Static rules (campaign rules are created at run time by the campaign API, not here). */
export const rules = {
  everything: {
    description: 'Every Relais event goes to the lake',
    pattern: { source: [{ prefix: 'relais.' }] },
    target: { queue: 'lakeIntake' },
  },
  privacyRequests: {
    description: 'The privacy officer opened an access request or confirmed an erasure: its job starts',
    pattern: { source: ['relais.platform'], 'detail-type': ['DataAccessRequested', 'ErasureRequested'] },
    target: { queue: 'privacyJobs' },
  },
  knownCustomerActivity: {
    description: 'Channel events of identified customers go to their timeline',
    pattern: {
      source: ['relais.channels'],
      'detail-type': ['ChannelEvent'],
      detail: { customerId: [{ exists: true }] },
    },
    target: { queue: 'timelineIntake' },
  },
} as const satisfies Record<string, RuleDeclaration>;
