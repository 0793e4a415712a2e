/**
 * Data protection requests, pure: the legal month counted from receipt as the law counts it,
 * the steps a job shows, and which requests still wait for the bank.
 */
import { describe, expect, it } from 'vitest';
import { isOpen, openRequest } from '#functions/platform/gdpr/domain/privacy-requests.ts';
import type { Caller } from '#schemas/roles.ts';

const officer: Caller = { id: 'sub-dpo', name: 'Mathilde Perrin', roles: ['privacy_officer'] };
const customer = { id: 'cu-0nz4hyvxwx21', name: 'MARÉCHAL Hervé', kind: 'individual' as const };
const now = new Date('2026-12-02T10:15:00.000Z');

describe('opening a request', () => {
  it.each([
    ['2026-12-02', '2027-01-02'],
    ['2027-01-31', '2027-02-28'],
    ['2028-01-31', '2028-02-29'],
    ['2026-12-31', '2027-01-31'],
  ])('received on %s is due on %s', (receivedOn, dueOn) => {
    expect(openRequest({ kind: 'access', receivedOn }, customer, officer, now).dueOn).toBe(dueOn);
  });

  it('is received today when no day is given, and shows the steps of its kind', () => {
    const request = openRequest({ kind: 'access', customerId: customer.id }, customer, officer, now);
    expect(request).toMatchObject({
      receivedOn: '2026-12-02',
      state: 'received',
      progress: { done: 0, total: 4 },
      openedBy: { id: 'sub-dpo', name: 'Mathilde Perrin' },
      version: 1,
    });
    expect(request.id).toMatch(/^pr-[0-9a-z]+-[0-9a-f]{8}$/);
  });
});

describe('which requests are open', () => {
  it('are those not completed, and the exports not handed over yet', () => {
    expect(isOpen({ state: 'received' })).toBe(true);
    expect(isOpen({ state: 'inProgress' })).toBe(true);
    expect(isOpen({ state: 'failed' })).toBe(true);
    expect(isOpen({ state: 'ready' })).toBe(true);
    expect(isOpen({ state: 'ready', deliveredAt: '2026-12-03T09:00:00.000Z' })).toBe(false);
    expect(isOpen({ state: 'completed' })).toBe(false);
  });
});
