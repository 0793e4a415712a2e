/**
 * The alert rules on facts written here; each expected alert, and each cause key, by hand.
 * « Never two alerts for the same cause »: the causes are checked as much as the alerts.
 */
import { describe, expect, it } from 'vitest';
import {
  birthdays,
  churnScoreJump,
  contractAnniversaries,
  largeBalanceChange,
  notYetRaised,
  overdueTasks,
  stalledDeals,
  tomorrowsAppointments,
  websiteLoanSimulation,
} from '#functions/sales/alerts/alert-rules.ts';

const today = '2026-12-04';

describe('the daily rules', () => {
  it('raise an overdue task the day after its due day, never a done one', () => {
    const alerts = overdueTasks(
      [
        { id: 't1', assigneeId: 'camille', customerId: 'cu-1', dueOn: '2026-12-03', status: 'open' },
        { id: 't2', assigneeId: 'camille', dueOn: '2026-12-04', status: 'open' },
        { id: 't3', assigneeId: 'camille', dueOn: '2026-11-01', status: 'done' },
      ],
      today,
    );
    expect(alerts).toEqual([
      {
        cause: 'taskOverdue#t1',
        kind: 'taskOverdue',
        advisorId: 'camille',
        customerId: 'cu-1',
        subjectId: 't1',
        on: '2026-12-03',
      },
    ]);
  });

  it('raise a stalled deal once per stay at a stage: a new stay is a new cause', () => {
    const deal = {
      id: 'o1',
      ownerId: 'camille',
      customerId: 'cu-1',
      family: 'loan' as const,
      stage: 'proposal' as const,
      stageEnteredAt: '2026-11-10T09:00:00.000Z',
    };
    // 21 days at a credit proposal: stalled after 1 December 09:00.
    expect(stalledDeals([deal], '2026-12-01T08:59:00.000Z')).toEqual([]);
    expect(stalledDeals([deal], '2026-12-04T08:00:00.000Z').map((alert) => alert.cause)).toEqual([
      'dealStalled#o1#proposal#2026-11-10T09:00:00.000Z',
    ]);
    const movedBackAndStuck = {
      ...deal,
      stage: 'needs_analysis' as const,
      stageEnteredAt: '2026-11-15T09:00:00.000Z',
    };
    expect(stalledDeals([movedBackAndStuck], '2026-12-04T08:00:00.000Z').map((alert) => alert.cause)).toEqual(
      ['dealStalled#o1#needs_analysis#2026-11-15T09:00:00.000Z'],
    );
  });

  it("raise tomorrow's booked appointments only", () => {
    const alerts = tomorrowsAppointments(
      [
        { id: 'a1', advisorId: 'camille', customerId: 'cu-1', startsOn: '2026-12-05', status: 'booked' },
        { id: 'a2', advisorId: 'camille', customerId: 'cu-2', startsOn: '2026-12-05', status: 'cancelled' },
        { id: 'a3', advisorId: 'camille', customerId: 'cu-3', startsOn: '2026-12-06', status: 'booked' },
      ],
      today,
    );
    expect(alerts.map((alert) => alert.cause)).toEqual(['appointmentTomorrow#a1']);
  });

  it('raise an anniversary within 30 days, once for that year, not on the opening day nor for a closed contract', () => {
    const holdings = [
      { id: 'h1', customerId: 'cu-1', advisorId: 'camille', openedOn: '2019-12-20' },
      { id: 'h2', customerId: 'cu-1', advisorId: 'camille', openedOn: '2019-01-10' },
      { id: 'h3', customerId: 'cu-2', advisorId: 'camille', openedOn: '2026-12-04' },
      { id: 'h4', customerId: 'cu-2', advisorId: 'camille', openedOn: '2020-12-10', closedOn: '2024-01-01' },
    ];
    // 20 December is 16 days away; 10 January 2027 is 37 days away.
    expect(contractAnniversaries(holdings, today)).toEqual([
      {
        cause: 'contractAnniversary#h1#2026',
        kind: 'contractAnniversary',
        advisorId: 'camille',
        customerId: 'cu-1',
        subjectId: 'h1',
        on: '2026-12-20',
      },
    ]);
    expect(contractAnniversaries(holdings, '2026-12-15').map((alert) => alert.cause)).toEqual([
      'contractAnniversary#h1#2026',
      'contractAnniversary#h2#2027',
    ]);
  });

  it('raise a birthday within 7 days, across the new year, on 28 February for a 29 February birthday', () => {
    const customers = [
      { id: 'cu-1', advisorId: 'camille', birthDate: '1980-12-10' },
      { id: 'cu-2', advisorId: 'camille', birthDate: '1980-12-12' },
      { id: 'cu-3', birthDate: '1980-12-05' },
      { id: 'cu-4', advisorId: 'camille', birthDate: '1996-02-29' },
      { id: 'cu-5', advisorId: 'camille', birthDate: '1990-01-02' },
    ];
    // 10 December is 6 days away, 12 December 8; cu-3 has no advisor.
    expect(birthdays(customers, today).map((alert) => `${alert.cause} ${alert.on}`)).toEqual([
      'birthday#cu-1#2026 2026-12-10',
    ]);
    expect(birthdays(customers, '2026-12-28').map((alert) => alert.cause)).toEqual(['birthday#cu-5#2027']);
    expect(birthdays(customers, '2027-02-25').map((alert) => `${alert.cause} ${alert.on}`)).toEqual([
      'birthday#cu-4#2027 2027-02-28',
    ]);
  });
});

describe('the event rules', () => {
  const change = {
    eventId: 'e1',
    advisorId: 'camille',
    customerId: 'cu-1',
    holdingId: 'h1',
    on: today,
  };

  it('raise a balance change of 10,000 € or more, or of half a balance of 1,000 € or more', () => {
    expect(largeBalanceChange({ ...change, previousCents: 5_000_000, currentCents: 4_000_000 })).toHaveLength(
      1,
    );
    expect(largeBalanceChange({ ...change, previousCents: 5_000_000, currentCents: 4_000_100 })).toEqual([]);
    expect(largeBalanceChange({ ...change, previousCents: 200_000, currentCents: 100_000 })).toHaveLength(1);
    expect(largeBalanceChange({ ...change, previousCents: 90_000, currentCents: 10_000 })).toEqual([]);
  });

  it('raise one website loan simulation a day per customer, and none for a customer without an advisor', () => {
    const first = websiteLoanSimulation({
      customerId: 'cu-1',
      advisorId: 'camille',
      simulationId: 's1',
      on: today,
    });
    const second = websiteLoanSimulation({
      customerId: 'cu-1',
      advisorId: 'camille',
      simulationId: 's2',
      on: today,
    });
    expect(first[0]?.cause).toBe('websiteLoanSimulation#cu-1#2026-12-04');
    expect(notYetRaised([...first, ...second], new Set())).toHaveLength(1);
    expect(websiteLoanSimulation({ customerId: 'cu-1', simulationId: 's3', on: today })).toEqual([]);
  });

  it('raise a churn score up by 20 points or more', () => {
    const score = { customerId: 'cu-1', advisorId: 'camille', scoredOn: today };
    expect(churnScoreJump({ ...score, previous: 30, current: 50 })).toHaveLength(1);
    expect(churnScoreJump({ ...score, previous: 30, current: 49 })).toEqual([]);
  });
});

describe('the inbox', () => {
  it('takes no alert whose cause it already holds', () => {
    const alerts = overdueTasks(
      [
        { id: 't1', assigneeId: 'camille', dueOn: '2026-12-01', status: 'open' },
        { id: 't2', assigneeId: 'camille', dueOn: '2026-12-02', status: 'open' },
      ],
      today,
    );
    expect(notYetRaised(alerts, new Set(['taskOverdue#t1'])).map((alert) => alert.cause)).toEqual([
      'taskOverdue#t2',
    ]);
  });
});
