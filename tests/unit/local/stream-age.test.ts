import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { byRecordAge } from '#local/lambda/stream-records.ts';

const at = (sequenceNumber: string, createdAtSeconds: number): DynamoDBRecord => ({
  dynamodb: { SequenceNumber: sequenceNumber, ApproximateCreationDateTime: createdAtSeconds },
});

describe("the sandbox's maximum record age, as Lambda's stream mapping applies it", () => {
  const now = Date.parse('2026-11-23T12:00:00Z');
  const nowSeconds = now / 1000;

  it('gives up on records older than the limit and keeps the others, in order', () => {
    const records = [at('1', nowSeconds - 7200), at('2', nowSeconds - 3599), at('3', nowSeconds - 10)];
    const { expired, fresh } = byRecordAge(records, 3600, now);
    expect(expired.map((r) => r.dynamodb?.SequenceNumber)).toEqual(['1']);
    expect(fresh.map((r) => r.dynamodb?.SequenceNumber)).toEqual(['2', '3']);
  });

  it('keeps every record without a limit', () => {
    const { expired } = byRecordAge([at('1', 0)], -1, now);
    expect(expired).toEqual([]);
  });
});
