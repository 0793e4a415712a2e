/**
 * The Lambda functions, declared once: what each runs, what it may use (each use grants IAM and
 * sets an environment variable), the event-source mappings that feed them and the schedules.
 */
import type { HttpContext, RouteDefinition } from '../../schemas/route-definition.ts';
import type { QueueName } from './messaging.ts';
import type { BucketName, SecretName, TableName } from './storage.ts';

/** `append`: read, and put new items only — never update or delete (the audit trail). */
export type Access = 'read' | 'readWrite' | 'append';
/**
 * `append` on a bucket: put new objects only, never read or delete one (the audit archive).
 * `erase`: read and write, and delete an object's every version (an erasure's rewrite of the
 * lake, whose bucket keeps deleted versions otherwise).
 */
export type BucketAccess = 'read' | 'readWrite' | 'append' | 'erase';
export type FunctionDeclaration = {
  /** Source file exporting `handler`, relative to the repository root. */
  entry: string;
  description: string;
  memoryMB: number;
  timeoutSeconds: number;
  /** Tables the function uses; each grants IAM and sets `<NAME>_TABLE_NAME`. */
  tables?: Partial<Record<TableName, Access>>;
  /** Whether it puts events on the bus (`EVENT_BUS_NAME`). */
  putsEvents?: boolean;
  /** Queues it sends to (`<NAME>_QUEUE_URL`). */
  sendsTo?: readonly QueueName[];
  /** Buckets it uses (`<NAME>_BUCKET_NAME`). */
  buckets?: Partial<Record<BucketName, BucketAccess>>;
  /** Secrets it reads (`<NAME>_SECRET_ARN`). */
  secrets?: readonly SecretName[];
  /**
   * Runs saved queries: Athena in the workgroup (`ATHENA_WORKGROUP`), the Glue catalogue
   * (`GLUE_DATABASE`); locally DuckDB over the mirrored lake (`QUERY_ENGINE=duckdb`).
   */
  queriesLake?: boolean;
  /** Modules left out of the bundle (native modules used only by the sandbox). */
  externalModules?: readonly string[];
  /** Files the function reads at run time, copied next to its bundle (shell globs from the root). */
  bundledFiles?: readonly string[];
  /** HTTP functions: the bounded context whose routes it serves. */
  http?: HttpContext;
  /**
   * With `http`: serves its context's document routes (those answering a file, a PDF say) and
   * none of the others, so a rendering library loads only where a document is made.
   */
  documents?: boolean;
};

export const functions = {
  customersApi: {
    entry: 'functions/customers/api.ts',
    description: 'Customers context: profiles, holdings, consents, 360° file, search',
    memoryMB: 1024,
    timeoutSeconds: 10,
    http: 'customers',
    tables: { main: 'readWrite', audit: 'read', idempotency: 'readWrite' },
    sendsTo: ['auditIntake'],
  },
  platformApi: {
    entry: 'functions/platform/api.ts',
    description: 'Platform: caller identity, branch directory, OpenAPI document, privacy requests',
    memoryMB: 512,
    timeoutSeconds: 10,
    http: 'platform',
    tables: { main: 'readWrite', idempotency: 'readWrite' },
    sendsTo: ['auditIntake'],
    buckets: { privacyExports: 'read' },
  },
  channelsApi: {
    entry: 'functions/channels/api.ts',
    description: 'Channels context: event ingestion (write keys), identity stitching, event schemas',
    memoryMB: 1024,
    timeoutSeconds: 15,
    http: 'channels',
    tables: { main: 'readWrite', ingest: 'readWrite', idempotency: 'readWrite' },
    secrets: ['identityKey'],
    putsEvents: true,
  },
  timelineProjector: {
    entry: 'functions/channels/timeline-projector.ts',
    description: "Summarises known customers' channel events into their timeline",
    memoryMB: 512,
    timeoutSeconds: 30,
    tables: { main: 'readWrite', ingest: 'readWrite' },
  },
  lakeArchiver: {
    entry: 'functions/analytics/lake-archiver.ts',
    description: 'Writes every event to the lake: raw gzip NDJSON and curated Parquet, pseudonymised',
    memoryMB: 1769,
    timeoutSeconds: 60,
    // The consents of the batch's customers: an objection to profiling keeps their pseudonym out.
    // Its batches under way, in the ingest table: an erasure waits for those begun before it.
    tables: { main: 'read', ingest: 'readWrite' },
    buckets: { lake: 'readWrite' },
    secrets: ['pseudonymKey'],
  },
  lakeCompactor: {
    entry: 'functions/analytics/lake-compactor.ts',
    description: 'Merges small lake files of an hour into one (late and small batches)',
    memoryMB: 1769,
    timeoutSeconds: 300,
    // The lease of a partition it merges: an erasure rewriting the same files waits for it.
    tables: { ingest: 'readWrite' },
    buckets: { lake: 'readWrite' },
  },
  lakePurger: {
    entry: 'functions/analytics/lake-purger.ts',
    description: 'Deletes the lake days past their retention (25 months); a dry run lists them',
    memoryMB: 512,
    timeoutSeconds: 300,
    buckets: { lake: 'readWrite' },
    putsEvents: true,
  },
  retentionSweeper: {
    entry: 'functions/platform/gdpr/retention-sweeper.ts',
    description:
      'Opens the erasure of every customer file past its retention (prospects: 3 years after their last contact)',
    memoryMB: 512,
    timeoutSeconds: 900,
    // The files due, their timeline (the last contact), the requests (one erasure per file).
    tables: { main: 'readWrite' },
    sendsTo: ['auditIntake'],
  },
  privacyJobs: {
    entry: 'functions/platform/gdpr/privacy-jobs.ts',
    description: "Runs the privacy officer's requests: a customer's export (access, portability) or erasure",
    memoryMB: 1024,
    timeoutSeconds: 900,
    // Erasure: the customer's items, the idempotency answers about them, the lake leases.
    tables: { main: 'readWrite', audit: 'read', idempotency: 'readWrite', ingest: 'readWrite' },
    buckets: { privacyExports: 'readWrite', lake: 'erase' },
    secrets: ['pseudonymKey'],
    // The lake rows about the customer: Athena in the cloud, DuckDB locally.
    queriesLake: true,
    externalModules: ['@duckdb/node-api'],
  },
  analyticsApi: {
    entry: 'functions/analytics/api.ts',
    description: "Analytics context: the analysts' saved queries, run on the lake",
    memoryMB: 1024,
    timeoutSeconds: 30,
    http: 'analytics',
    buckets: { lake: 'read' },
    queriesLake: true,
    externalModules: ['@duckdb/node-api'],
    bundledFiles: ['functions/analytics/queries/*.sql'],
  },
  salesApi: {
    entry: 'functions/sales/api.ts',
    description: 'Sales context: product catalogue, simulators, opportunities',
    memoryMB: 512,
    timeoutSeconds: 10,
    http: 'sales',
    tables: { main: 'readWrite', idempotency: 'readWrite' },
    sendsTo: ['auditIntake'],
  },
  salesDocuments: {
    entry: 'functions/sales/documents.ts',
    description: 'Sales context: the documents a customer takes home (a quote as a PDF)',
    memoryMB: 1024,
    timeoutSeconds: 10,
    http: 'sales',
    documents: true,
    tables: { main: 'read' },
    sendsTo: ['auditIntake'],
  },
  streamPublisher: {
    entry: 'functions/platform/stream-publisher.ts',
    description: 'Publishes domain events from the table stream to the bus (no dual writes)',
    memoryMB: 512,
    timeoutSeconds: 30,
    putsEvents: true,
    sendsTo: ['publisherFailures'],
  },
  auditWriter: {
    entry: 'functions/platform/audit-writer.ts',
    description: 'Adds audit records to the audit table, never replacing one, and to the locked archive',
    memoryMB: 256,
    timeoutSeconds: 10,
    tables: { audit: 'append' },
    buckets: { auditArchive: 'append' },
  },
  eventRepublisher: {
    entry: 'functions/platform/event-republisher.ts',
    description: 'Puts on the bus again the domain events the stream publisher parked',
    memoryMB: 256,
    timeoutSeconds: 30,
    putsEvents: true,
  },
} as const satisfies Record<string, FunctionDeclaration>;
export type FunctionName = keyof typeof functions;

/** The function serving an HTTP route: its context's documents function for a document, else its context's. */
export const functionForRoute = (route: RouteDefinition): FunctionName => {
  const serving = (Object.keys(functions) as FunctionName[]).filter(
    (name) => (functions[name] as FunctionDeclaration).http === route.context,
  );
  const documents = serving.find((name) => (functions[name] as FunctionDeclaration).documents);
  const name = (route.response.document && documents) || serving.find((candidate) => candidate !== documents);
  if (!name) throw new Error(`No function of infra/declaration/functions.ts serves route ${route.id}`);
  return name;
};

export type EventSourceMapping =
  | {
      kind: 'tableStream';
      table: TableName;
      function: FunctionName;
      batchSize: number;
      maxRetries: number;
      /** Records older than this are given up on (to `onFailure`) unread; -1 for none. */
      maxRecordAgeSeconds: number;
      /** Where records go once retries or their age are exhausted. */
      onFailure: QueueName;
    }
  | {
      kind: 'queue';
      queue: QueueName;
      function: FunctionName;
      batchSize: number;
      maxBatchingWindowSeconds: number;
      /** Invocations at once, 2 (the least Lambda allows) to 1,000; the sandbox runs as many. */
      maxConcurrency: number;
    };

export const eventSourceMappings = [
  {
    kind: 'tableStream',
    table: 'main',
    function: 'streamPublisher',
    batchSize: 100,
    maxRetries: 10,
    maxRecordAgeSeconds: 6 * 60 * 60,
    onFailure: 'streamFailures',
  },
  {
    kind: 'queue',
    queue: 'auditIntake',
    function: 'auditWriter',
    batchSize: 100,
    maxBatchingWindowSeconds: 1,
    maxConcurrency: 2,
  },
  {
    kind: 'queue',
    queue: 'publisherFailures',
    function: 'eventRepublisher',
    batchSize: 10,
    maxBatchingWindowSeconds: 0,
    maxConcurrency: 2,
  },
  // One request at a time: an export reads a whole customer file and writes its archive.
  {
    kind: 'queue',
    queue: 'privacyJobs',
    function: 'privacyJobs',
    batchSize: 1,
    maxBatchingWindowSeconds: 0,
    maxConcurrency: 2,
  },
  // Large batches with a window: fewer, bigger lake files (compaction handles the rest).
  {
    kind: 'queue',
    queue: 'lakeIntake',
    function: 'lakeArchiver',
    batchSize: 1000,
    maxBatchingWindowSeconds: 20,
    maxConcurrency: 2,
  },
  // Records of a batch are applied one after the other (a visit's events must not race):
  // small batches keep an invocation well within its timeout.
  {
    kind: 'queue',
    queue: 'timelineIntake',
    function: 'timelineProjector',
    batchSize: 25,
    maxBatchingWindowSeconds: 2,
    maxConcurrency: 2,
  },
] as const satisfies readonly EventSourceMapping[];

export type ScheduleDeclaration = {
  /** `rate(5 minutes)` or `cron(0 2 * * ? *)`, as EventBridge writes them. */
  expression: string;
  function: FunctionName;
  description: string;
};

/** Scheduled jobs (SLA clocks arrive with later contexts). */
export const schedules: Record<string, ScheduleDeclaration> = {
  lakeCompaction: {
    expression: 'cron(15 * * * ? *)',
    function: 'lakeCompactor',
    description: 'Compacts the lake files of the hours that received late or small batches',
  },
  lakeRetention: {
    expression: 'cron(30 3 * * ? *)',
    function: 'lakePurger',
    description: 'Deletes the lake days past their retention',
  },
  customerRetention: {
    expression: 'cron(0 3 * * ? *)',
    function: 'retentionSweeper',
    description: 'Opens the erasure of the customer files past their retention',
  },
};

/** Environment variable through which a function finds a resource. */
export const envName = {
  table: (t: TableName) => `${t.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}_TABLE_NAME`,
  queue: (q: QueueName) => `${q.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}_QUEUE_URL`,
  bucket: (b: BucketName) => `${b.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}_BUCKET_NAME`,
  secret: (n: SecretName) => `${n.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}_SECRET_ARN`,
  bus: 'EVENT_BUS_NAME',
} as const;
