/**
 * The channel history a fresh `npm start` imports into its lake: valid channel events of the
 * last 30 days, the same ones on every start, with every step of the product funnel, and a
 * customer named only from their login on.
 */
import { describe, expect, test } from 'vitest';
import { generateChannelHistory } from '#local/seed/channel-history.ts';
import { generateDemoBank } from '#local/seed/demo-bank.ts';
import { ChannelEventV1 } from '#schemas/events/channel-event.ts';

const bank = generateDemoBank({ customers: 40 });
const today = new Date('2026-12-02T10:00:00.000Z');

describe('the demo channel history', () => {
  const history = generateChannelHistory(bank, today);

  test('is made of valid channel events of the 30 days before today, the same on every start', () => {
    // Assess
    for (const event of history) expect(ChannelEventV1.safeParse(event).success, event.eventId).toBe(true);
    const days = [...new Set(history.map((event) => event.occurredAt.slice(0, 10)))].sort();
    expect(days[0]).toBe('2026-11-02');
    expect(days.at(-1)).toBe('2026-12-01');
    expect(days).toHaveLength(30);
    expect(generateChannelHistory(bank, today)).toEqual(history);
  });

  test('reaches every step of the product funnel', () => {
    // Assess
    const count = (type: string) => history.filter((event) => event.type === type).length;
    expect(count('product_view')).toBeGreaterThan(0);
    expect(count('simulation_completed')).toBeGreaterThan(0);
    expect(
      history.filter((e) => e.type === 'transaction' && e.properties.kind === 'subscription').length,
    ).toBeGreaterThan(0);
  });

  test('names a demo customer only from their login on, within the visit', () => {
    // Assess
    const customerIds = new Set(bank.customers.map((c) => c.customer.id));
    const bySession = new Map<string | undefined, typeof history>();
    for (const event of history)
      bySession.set(event.sessionId, [...(bySession.get(event.sessionId) ?? []), event]);
    let visitsWithLogin = 0;
    for (const events of bySession.values()) {
      const login = events.findIndex((event) => event.type === 'identify');
      if (login >= 0) visitsWithLogin++;
      events.forEach((event, i) => {
        if (login >= 0 && i >= login) expect(customerIds.has(event.customerId ?? '')).toBe(true);
        else expect(event.customerId).toBeUndefined();
      });
    }
    expect(visitsWithLogin).toBeGreaterThan(0);
  });
});
