/**
 * The analytics context in the privacy registry (`#shared/privacy/registry.ts`): the lake of
 * pseudonymised events that analysts query, and the segmentation and scoring built on it.
 */
import { type ContextPrivacy, queueInFlight, type Retention } from '#shared/privacy/registry.ts';

/** CNIL guidance on audience measurement: the data collected kept 25 months at most. */
export const lakeRetention: Retention = {
  keep: 'P25M',
  from: 'collection',
  rule: 'CNIL, audience measurement: the data collected 25 months; the bucket keeps a deleted file’s version 30 more days',
  enforcement: 'scheduledPurge',
};

const pseudonymised = {
  activities: ['behaviourAnalysis', 'audienceMeasurement'],
  categories: ['behaviour', 'device'],
  subjects: ['customers', 'prospects', 'visitors'],
  retention: lakeRetention,
  access: { export: 'byPseudonym' },
  erasure: { erase: 'always' },
} as const;

export const analyticsPrivacy = {
  context: 'analytics',
  activities: {
    behaviourAnalysis: {
      purpose:
        'Analysing behaviour on the channels, segmenting and scoring customers, on pseudonymised data (no name, e-mail, phone or customer id)',
      legalBasis: 'legitimateInterest',
      legalReference:
        'customers may object at any time (GDPR art. 21): a refusal of profiling in their file keeps their events out of it from then on (no pseudonym in the lake); visitors: only with the tracking consent of the device',
      subjects: ['customers', 'prospects', 'visitors'],
      recipients: 'analysts and marketers (aggregates); no recipient outside the bank',
    },
  },
  holdings: [
    {
      where: { kind: 'lakeTable', name: 'raw_events' },
      holds:
        'every event as the bus delivered it, pseudonymised, IPs cut to their network (raw/, gzip NDJSON)',
      ...pseudonymised,
    },
    {
      where: { kind: 'lakeTable', name: 'events' },
      holds:
        'one row per event: type, channel, times, visitor id, customer pseudonym, page, product, properties (curated/, Parquet)',
      ...pseudonymised,
    },
    {
      where: { kind: 'bucket', bucket: 'lake' },
      holds: 'the files of the lake tables raw_events and events',
      ...pseudonymised,
    },
    {
      where: { kind: 'queryResults' },
      holds:
        'the answers of the analysts’ queries (Athena’s results bucket): aggregates and pseudonymised rows',
      ...pseudonymised,
      retention: {
        keep: 'P30D',
        from: 'collection',
        rule: 'as long as an analyst needs a result',
        enforcement: 's3Lifecycle',
      },
      access: { export: 'excluded', why: 'answers computed from the lake, whose rows are exported' },
      erasure: { erase: 'expires', within: '30 days' },
    },
    queueInFlight({
      queue: 'lakeIntake',
      holds:
        'every domain and channel event on its way to the lake, before pseudonymisation: customer ids in clear, full IP addresses, event properties',
      activities: ['behaviourAnalysis'],
      categories: ['relationship', 'behaviour', 'device'],
      subjects: ['customers', 'prospects', 'visitors'],
      dlqKeeps: 'a failed event',
      exportedInstead: 'the lake rows it becomes are exported',
    }),
  ],
} as const satisfies ContextPrivacy;
