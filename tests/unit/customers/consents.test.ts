import { describe, expect, it } from 'vitest';
import {
  allowsMarketing,
  allowsProfiling,
  applyConsentChanges,
} from '#functions/customers/domain/consents.ts';
import type { Consent, Consents } from '#schemas/customers/consent.ts';
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

describe('what consents allow', () => {
  const at = (day: string) => `2026-11-${day}T10:00:00.000Z`;
  const consent = (
    channel: Consent['channel'],
    purpose: Consent['purpose'],
    granted: boolean,
    day: string,
  ) => ({
    channel,
    purpose,
    granted,
    updatedAt: at(day),
    source: 'branch',
  });

  it('allows marketing on a channel only with a consent given for that channel', () => {
    const consents = [consent('email', 'marketing', true, '01'), consent('sms', 'marketing', false, '02')];
    expect(allowsMarketing(consents, 'email')).toBe(true);
    expect(allowsMarketing(consents, 'sms')).toBe(false);
    // Never asked is no, and a profiling consent says nothing of marketing.
    expect(allowsMarketing([consent('post', 'profiling', true, '01')], 'post')).toBe(false);
    expect(allowsMarketing([], 'email')).toBe(false);
  });

  it('allows profiling unless the customer refused it, on any channel', () => {
    expect(allowsProfiling([])).toBe(true);
    expect(
      allowsProfiling([consent('email', 'profiling', true, '01'), consent('sms', 'profiling', true, '02')]),
    ).toBe(true);
    expect(allowsProfiling([consent('email', 'profiling', false, '03')])).toBe(false);
    expect(
      allowsProfiling([consent('email', 'profiling', true, '01'), consent('sms', 'profiling', false, '05')]),
    ).toBe(false);
    expect(
      allowsProfiling([consent('email', 'profiling', false, '01'), consent('sms', 'profiling', true, '05')]),
    ).toBe(false);
    // A marketing refusal is no objection to profiling.
    expect(allowsProfiling([consent('email', 'marketing', false, '09')])).toBe(true);
  });
});
