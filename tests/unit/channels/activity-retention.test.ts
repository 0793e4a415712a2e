/**
 * A customer's channel activity goes after the audience data's retention (25 months, CNIL):
 * DynamoDB's time to live removes the entry, counted from the day it happened.
 */
import { describe, expect, it } from 'vitest';
import { activityExpiresAt } from '#functions/channels/store/activity-store.ts';

describe('activity entries', () => {
  it.each([
    ['2026-12-02T10:15:00.000Z', Date.UTC(2029, 0, 2)],
    ['2027-01-31T23:59:00.000Z', Date.UTC(2029, 1, 28)],
  ])('happened on %s, expire at the start of the day 25 months later', (occurredAt, expires) => {
    expect(activityExpiresAt(occurredAt)).toBe(expires / 1000);
  });
});
