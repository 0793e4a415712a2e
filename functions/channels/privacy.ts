/**
 * The channels context in the privacy registry (`#shared/privacy/registry.ts`): collecting
 * what visitors and customers do on the bank's sites and apps, linking a device to the customer
 * who logs in on it, and the configuration of the channels themselves.
 */
import {
  type ContextPrivacy,
  queueInFlight,
  type Retention,
  withoutPersonalData,
} from '#shared/privacy/registry.ts';

/** CNIL guidance on audience measurement: data kept 25 months at most (a TTL on each item). */
export const audienceRetention: Retention = {
  keep: 'P25M',
  from: 'collection',
  rule: 'CNIL, audience measurement: trackers 13 months, the data collected 25 months',
  enforcement: 'dynamodbTtl',
};

const configuration = (itemType: string, holds: string) =>
  withoutPersonalData(
    { kind: 'item', table: 'main', itemType },
    holds,
    'channelConfiguration',
    'while the channel is used',
  );

export const channelsPrivacy = {
  context: 'channels',
  activities: {
    audienceMeasurement: {
      purpose:
        'Measuring the audience of the bank’s sites and apps, and showing a customer’s visits in their file, for devices whose tracking consent was given',
      legalBasis: 'consent',
      legalReference:
        'ePrivacy directive art. 5(3), loi Informatique et Libertés art. 82; the tracker collects nothing before consent',
      subjects: ['visitors', 'customers'],
      recipients: 'the customer’s advisors (visits in the file); analysts (pseudonymised lake)',
    },
    identityStitching: {
      purpose: 'Linking a device to the customer who logs in on it, so that their visits join their file',
      legalBasis: 'consent',
      legalReference: 'given with the tracking consent of the device; undone by unlinking',
      subjects: ['visitors', 'customers'],
      recipients: 'the customer’s advisors; nobody outside the bank',
    },
    channelConfiguration: {
      purpose: 'Configuring the channels that send events: write keys and custom event schemas',
      legalBasis: 'legitimateInterest',
      subjects: [],
      recipients: 'administrators',
    },
  },
  holdings: [
    {
      where: { kind: 'item', table: 'main', itemType: 'activity' },
      holds:
        'the customer’s channel activity in their timeline: visits (pages, products), logins, simulations',
      activities: ['audienceMeasurement'],
      categories: ['behaviour', 'financial'],
      subjects: ['customers'],
      retention: audienceRetention,
      access: { export: 'included' },
      erasure: { erase: 'always' },
    },
    {
      where: { kind: 'item', table: 'main', itemType: 'deviceEvent' },
      holds:
        'the timeline’s entries of a device linked to or unlinked from the customer: visitor id, channel, the login that linked it',
      activities: ['identityStitching'],
      categories: ['device'],
      subjects: ['customers'],
      retention: audienceRetention,
      access: { export: 'included' },
      erasure: { erase: 'always' },
    },
    {
      where: { kind: 'item', table: 'main', itemType: 'visitPointer' },
      holds: 'which timeline entry a visit in progress adds to',
      activities: ['audienceMeasurement'],
      categories: ['device'],
      subjects: ['customers'],
      retention: {
        keep: 'P2D',
        from: 'collection',
        rule: 'only while a visit may go on',
        enforcement: 'dynamodbTtl',
      },
      access: { export: 'excluded', why: 'bookkeeping of a visit, gone within 2 days' },
      erasure: { erase: 'always' },
    },
    {
      where: { kind: 'item', table: 'main', itemType: 'identity' },
      holds: 'the devices (visitor ids) linked to the customer, in their file',
      activities: ['identityStitching'],
      categories: ['device'],
      subjects: ['customers'],
      retention: audienceRetention,
      access: { export: 'included' },
      erasure: { erase: 'always' },
    },
    {
      where: { kind: 'item', table: 'main', itemType: 'identityLink' },
      holds: 'the link from a visitor id to the customer who logged in on that device',
      activities: ['identityStitching'],
      categories: ['device'],
      subjects: ['customers', 'visitors'],
      retention: audienceRetention,
      access: {
        export: 'excluded',
        why: 'the same link as the device in the customer’s file, which the export holds',
      },
      erasure: { erase: 'always' },
    },
    configuration('writeKey', 'a channel’s write key: name, hash, state'),
    configuration('writeKeyHash', 'the lookup of a write key by its hash'),
    configuration('eventSchema', 'a custom event’s JSON Schema, by version'),
    {
      where: { kind: 'table', table: 'ingest' },
      holds:
        'the message ids already received per channel (deduplication), the events a visit counted, and daily counts of events sent without consent',
      activities: ['audienceMeasurement'],
      categories: [],
      subjects: [],
      retention: {
        keep: 'P7D',
        from: 'collection',
        rule: 'message ids and counted events 7 days (a sender retries within a week); the consent-less counts, which name no one, 400 days',
        enforcement: 'dynamodbTtl',
      },
      access: { export: 'excluded', why: 'ids of messages, not of people' },
      erasure: { erase: 'expires', within: '7 days' },
    },
    queueInFlight({
      queue: 'timelineIntake',
      holds: 'channel events of known customers on their way to the timeline',
      activities: ['audienceMeasurement'],
      categories: ['behaviour', 'device'],
      subjects: ['customers'],
      dlqKeeps: 'a failed event',
      exportedInstead: 'the timeline it feeds is exported',
    }),
  ],
} as const satisfies ContextPrivacy;
