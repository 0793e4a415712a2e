/**
 * When kept items go: the TTL each carries is the start of the UTC day its retention period
 * ends, months counted as the law counts them. Expected instants computed by hand (Python's
 * `datetime(…, tzinfo=utc).timestamp()`).
 */
import { describe, expect, it } from 'vitest';
import { audienceRetention } from '#functions/channels/privacy.ts';
import { auditItem } from '#shared/audit.ts';
import { expiresAfter } from '#shared/privacy/expiry.ts';

describe('the TTL of a kept item', () => {
  it('ends a period of months on the last day of a shorter month (31 January + 25 months: 29 February 2028)', () => {
    expect(expiresAfter('2026-01-31T10:00:00.000Z', audienceRetention)).toBe(1_835_395_200);
  });

  it('keeps an audit record five years from when it was made', () => {
    const item = auditItem({
      id: 'a1',
      at: '2026-12-02T15:30:00.000Z',
      actorId: 'u1',
      actorName: 'Lucie Bernard',
      actorRoles: ['advisor'],
      action: 'customer.read',
      customerId: 'c1',
      reason: 'consultation',
    });
    // 2031-12-02T00:00:00Z
    expect(item.expiresAt).toBe(1_953_936_000);
  });
});
