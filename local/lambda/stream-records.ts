/**
 * Stream records as Lambda hands them to a function: the SDK's records read with GetRecords
 * turned into the DynamoDB stream event's records (bytes in base64, creation time in epoch
 * seconds), and the split by record age that `MaximumRecordAgeInSeconds` applies.
 */
import type {
  _Record as StreamsRecord,
  AttributeValue as StreamsValue,
} from '@aws-sdk/client-dynamodb-streams';
import type { AttributeValue, DynamoDBRecord } from 'aws-lambda';
import { regionOfArn } from './lambda-context.ts';

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** The SDK's attribute value (bytes as `Uint8Array`) as Lambda's JSON event carries it (base64). */
const toEventValue = (value: StreamsValue): AttributeValue => {
  if (value.S !== undefined) return { S: value.S };
  if (value.N !== undefined) return { N: value.N };
  if (value.B !== undefined) return { B: base64(value.B) };
  if (value.BOOL !== undefined) return { BOOL: value.BOOL };
  if (value.NULL !== undefined) return { NULL: value.NULL };
  if (value.SS !== undefined) return { SS: value.SS };
  if (value.NS !== undefined) return { NS: value.NS };
  if (value.BS !== undefined) return { BS: value.BS.map(base64) };
  if (value.L !== undefined) return { L: value.L.map(toEventValue) };
  if (value.M !== undefined) return { M: toEventImage(value.M) };
  throw new Error(`unknown attribute value type: ${Object.keys(value).join(', ')}`);
};

const toEventImage = (image: Record<string, StreamsValue>): Record<string, AttributeValue> =>
  Object.fromEntries(Object.entries(image).map(([name, value]) => [name, toEventValue(value)]));

/** Lambda's record for a stream record read with GetRecords. */
export const toEventRecord = (record: StreamsRecord, streamArn: string): DynamoDBRecord => {
  const change = record.dynamodb ?? {};
  const created = change.ApproximateCreationDateTime;
  return {
    eventID: record.eventID,
    eventName: record.eventName,
    eventVersion: record.eventVersion ?? '1.1',
    eventSource: 'aws:dynamodb',
    // The stream's region: moto writes us-east-1 into every record whatever the table's region.
    awsRegion: regionOfArn(streamArn),
    dynamodb: {
      // Epoch seconds, rounded down, in Lambda's event (the SDK parses it into a Date).
      ...(created && { ApproximateCreationDateTime: Math.floor(created.getTime() / 1000) }),
      ...(change.Keys && { Keys: toEventImage(change.Keys) }),
      ...(change.NewImage && { NewImage: toEventImage(change.NewImage) }),
      ...(change.OldImage && { OldImage: toEventImage(change.OldImage) }),
      SequenceNumber: change.SequenceNumber,
      SizeBytes: change.SizeBytes,
      StreamViewType: change.StreamViewType,
    },
    eventSourceARN: streamArn,
    ...(record.userIdentity && { userIdentity: { ...record.userIdentity } }),
  };
};

/** The records older than `maxAgeSeconds` (by their approximate creation time), and the others. */
export const byRecordAge = (records: DynamoDBRecord[], maxAgeSeconds: number, nowMs: number) => {
  const tooOld = (record: DynamoDBRecord) =>
    maxAgeSeconds !== -1 &&
    record.dynamodb?.ApproximateCreationDateTime !== undefined &&
    nowMs / 1000 - record.dynamodb.ApproximateCreationDateTime > maxAgeSeconds;
  return { expired: records.filter(tooOld), fresh: records.filter((record) => !tooOld(record)) };
};
