import { describe, expect, it } from 'vitest';
import { applyConsentChanges } from '#functions/customers/domain/consents.ts';
import type { Consents } from '#schemas/customers/consent.ts';
import { Conflict } from '#shared/errors.ts';

const current: Consents = {
  version: 4,
  items: [
    {
      channel: 'email',
      purpose: 'marketing',
      granted: true,
      updatedAt: '2026-01-01T00:00:00.000Z',
      source: 'web',
    },
  ],
};

describe('consent changes', () => {
  it('records a withdrawal and a new grant, and bumps the version once', () => {
    // Act
    const { next, changed } = applyConsentChanges(
      current,
      {
        changes: [
          { channel: 'email', purpose: 'marketing', granted: false, source: 'branch' },
          { channel: 'sms', purpose: 'marketing', granted: true, source: 'branch' },
        ],
      },
      4,
      '2026-11-23T10:00:00.000Z',
    );
    // Assess
    expect(changed).toHaveLength(2);
    expect(next.version).toBe(5);
    expect(next.items).toContainEqual({
      channel: 'email',
      purpose: 'marketing',
      granted: false,
      source: 'branch',
      updatedAt: '2026-11-23T10:00:00.000Z',
    });
  });

  it('ignores changes that change nothing', () => {
    const { next, changed } = applyConsentChanges(
      current,
      { changes: [{ channel: 'email', purpose: 'marketing', granted: true, source: 'app' }] },
      4,
      'later',
    );
    expect(changed).toEqual([]);
    expect(next).toBe(current);
  });

  it('refuses a stale version', () => {
    const act = () =>
      applyConsentChanges(
        current,
        { changes: [{ channel: 'post', purpose: 'profiling', granted: true, source: 'post' }] },
        3,
        'x',
      );
    expect(act).toThrow(Conflict);
  });
});
