/**
 * A prospect's file is kept 3 years after the last contact that came from them (CNIL,
 * prospection commerciale), the file's opening counting as the first; a customer's has no date of
 * its own (the relationship and the AML hold keep it). Dates worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { prospectRetentionVerdict, retentionCheckOn } from '#functions/customers/domain/retention.ts';

describe("a file's retention", () => {
  it("is first looked at 3 years after a prospect's file was opened, never for a customer's", () => {
    expect(retentionCheckOn({ kind: 'prospect', createdAt: '2023-03-15T10:00:00.000Z' })).toBe('2026-03-15');
    expect(retentionCheckOn({ kind: 'individual', createdAt: '2023-03-15T10:00:00.000Z' })).toBeUndefined();
    expect(retentionCheckOn({ kind: 'professional', createdAt: '2023-03-15T10:00:00.000Z' })).toBeUndefined();
  });

  it('is past for a prospect who never came back, from the day 3 years after the opening', () => {
    const prospect = { createdAt: '2022-06-01T14:00:00.000Z' };
    expect(prospectRetentionVerdict(prospect, undefined, '2025-05-31')).toEqual({
      due: false,
      dueOn: '2025-06-01',
    });
    expect(prospectRetentionVerdict(prospect, undefined, '2025-06-01')).toEqual({
      due: true,
      dueOn: '2025-06-01',
    });
  });

  it('runs again from their last own contact', () => {
    const prospect = { createdAt: '2022-06-01T14:00:00.000Z' };
    expect(prospectRetentionVerdict(prospect, '2025-01-15T09:00:00.000Z', '2026-12-03')).toEqual({
      due: false,
      dueOn: '2028-01-15',
    });
    // 29 February + 3 years: the last day of February.
    expect(prospectRetentionVerdict(prospect, '2024-02-29T09:00:00.000Z', '2027-02-28')).toEqual({
      due: true,
      dueOn: '2027-02-28',
    });
  });

  it('ignores a contact older than the file', () => {
    expect(
      prospectRetentionVerdict(
        { createdAt: '2022-06-01T14:00:00.000Z' },
        '2021-01-01T00:00:00.000Z',
        '2025-06-01',
      ),
    ).toEqual({ due: true, dueOn: '2025-06-01' });
  });
});
