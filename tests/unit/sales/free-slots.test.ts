/**
 * The agenda's clash and free-slot rules. Every expected slot is written by hand, in Paris wall
 * time turned into UTC (UTC+1 in winter, UTC+2 from 29 March 2026); the French public holidays of
 * 2026 are those of the official calendar (Easter Monday 6 April, Ascension 14 May, Whit Monday
 * 25 May; Alsace-Moselle adds Good Friday and 26 December).
 */
import { describe, expect, it } from 'vitest';
import {
  type AdvisorAgenda,
  branchFreeSlots,
  clashWith,
  freeSlots,
  publicHolidays,
} from '#functions/sales/agenda/free-slots.ts';

const week = [
  { from: '09:00', to: '12:30' },
  { from: '14:00', to: '18:00' },
];
const camille: AdvisorAgenda = {
  advisorId: 'camille',
  workingHours: { 1: week, 2: week, 3: week, 4: week, 5: week, 6: [{ from: '09:00', to: '12:00' }] },
  appointments: [],
  absences: [],
};
const starts = (slots: { start: string }[]) => slots.map((slot) => slot.start);

describe("an advisor's free slots", () => {
  it('fill the working ranges of a day with hour-long slots every half hour, in Paris time', () => {
    const monday = freeSlots(camille, { from: '2026-12-07', to: '2026-12-07', durationMinutes: 60 });
    expect(starts(monday)).toEqual([
      '2026-12-07T08:00:00.000Z',
      '2026-12-07T08:30:00.000Z',
      '2026-12-07T09:00:00.000Z',
      '2026-12-07T09:30:00.000Z',
      '2026-12-07T10:00:00.000Z',
      '2026-12-07T10:30:00.000Z',
      '2026-12-07T13:00:00.000Z',
      '2026-12-07T13:30:00.000Z',
      '2026-12-07T14:00:00.000Z',
      '2026-12-07T14:30:00.000Z',
      '2026-12-07T15:00:00.000Z',
      '2026-12-07T15:30:00.000Z',
      '2026-12-07T16:00:00.000Z',
    ]);
    expect(monday[0]).toEqual({
      start: '2026-12-07T08:00:00.000Z',
      end: '2026-12-07T09:00:00.000Z',
      advisorId: 'camille',
    });
  });

  it('leave out what overlaps a booked appointment, not what only touches it, nor a cancelled one', () => {
    const agenda: AdvisorAgenda = {
      ...camille,
      appointments: [
        { id: 'a1', start: '2026-12-07T09:00:00.000Z', end: '2026-12-07T10:00:00.000Z', status: 'booked' },
        { id: 'a2', start: '2026-12-07T13:00:00.000Z', end: '2026-12-07T17:00:00.000Z', status: 'cancelled' },
      ],
    };
    const morning = starts(
      freeSlots(agenda, { from: '2026-12-07', to: '2026-12-07', durationMinutes: 60 }),
    ).filter((start) => start < '2026-12-07T12:00:00.000Z');
    // 10:00–11:00 Paris is booked: 9:30, 10:00 and 10:30 would overlap it; 9:00 ends as it begins.
    expect(morning).toEqual([
      '2026-12-07T08:00:00.000Z',
      '2026-12-07T10:00:00.000Z',
      '2026-12-07T10:30:00.000Z',
    ]);
  });

  it('skip absences, Sundays and public holidays; Alsace-Moselle also keeps 26 December', () => {
    const absent: AdvisorAgenda = {
      ...camille,
      absences: [{ start: '2026-12-21T00:00:00.000Z', end: '2026-12-24T00:00:00.000Z' }],
    };
    const days = (slots: { start: string }[]) => [...new Set(slots.map((slot) => slot.start.slice(0, 10)))];
    // 21–23 absent, 24 Thursday, 25 Christmas, 26 Saturday morning, 27 Sunday.
    expect(days(freeSlots(absent, { from: '2026-12-21', to: '2026-12-27', durationMinutes: 60 }))).toEqual([
      '2026-12-24',
      '2026-12-26',
    ]);
    expect(
      days(
        freeSlots(absent, { from: '2026-12-21', to: '2026-12-27', durationMinutes: 60, alsaceMoselle: true }),
      ),
    ).toEqual(['2026-12-24']);
  });

  it('keep 9:00 at 9:00 across the change to summer time', () => {
    const [friday] = freeSlots(camille, { from: '2026-03-27', to: '2026-03-27', durationMinutes: 30 });
    const [monday] = freeSlots(camille, { from: '2026-03-30', to: '2026-03-30', durationMinutes: 30 });
    expect(friday?.start).toBe('2026-03-27T08:00:00.000Z');
    expect(monday?.start).toBe('2026-03-30T07:00:00.000Z');
  });

  it('start no earlier than asked (now, when booking)', () => {
    const slots = freeSlots(camille, {
      from: '2026-12-07',
      to: '2026-12-07',
      durationMinutes: 60,
      notBefore: '2026-12-07T15:10:00.000Z',
    });
    expect(starts(slots)).toEqual(['2026-12-07T15:30:00.000Z', '2026-12-07T16:00:00.000Z']);
  });
});

describe("a branch's free slots", () => {
  it("merge its advisors' slots, earliest first, then by advisor", () => {
    const hugo: AdvisorAgenda = {
      ...camille,
      advisorId: 'hugo',
      workingHours: { 1: [{ from: '08:30', to: '09:30' }] },
    };
    const slots = branchFreeSlots([camille, hugo], {
      from: '2026-12-07',
      to: '2026-12-07',
      durationMinutes: 60,
    });
    expect(slots.slice(0, 3).map((slot) => `${slot.start} ${slot.advisorId}`)).toEqual([
      '2026-12-07T07:30:00.000Z hugo',
      '2026-12-07T08:00:00.000Z camille',
      '2026-12-07T08:30:00.000Z camille',
    ]);
  });
});

describe('a clash', () => {
  const booked = [
    {
      id: 'a1',
      start: '2026-12-07T09:00:00.000Z',
      end: '2026-12-07T10:00:00.000Z',
      status: 'booked' as const,
    },
    {
      id: 'a2',
      start: '2026-12-07T11:00:00.000Z',
      end: '2026-12-07T12:00:00.000Z',
      status: 'cancelled' as const,
    },
  ];

  it('is the booked appointment a new one would overlap', () => {
    expect(
      clashWith(booked, { start: '2026-12-07T09:30:00.000Z', end: '2026-12-07T10:30:00.000Z' })?.id,
    ).toBe('a1');
  });

  it('is none for a slot that only touches it, or overlaps a cancelled one', () => {
    expect(
      clashWith(booked, { start: '2026-12-07T10:00:00.000Z', end: '2026-12-07T11:00:00.000Z' }),
    ).toBeUndefined();
    expect(
      clashWith(booked, { start: '2026-12-07T11:00:00.000Z', end: '2026-12-07T11:30:00.000Z' }),
    ).toBeUndefined();
  });
});

describe('the public holidays', () => {
  it('are the eleven French ones of 2026, thirteen in Alsace-Moselle', () => {
    expect([...publicHolidays(2026)].sort()).toEqual([
      '2026-01-01',
      '2026-04-06',
      '2026-05-01',
      '2026-05-08',
      '2026-05-14',
      '2026-05-25',
      '2026-07-14',
      '2026-08-15',
      '2026-11-01',
      '2026-11-11',
      '2026-12-25',
    ]);
    expect(publicHolidays(2026, true).has('2026-04-03')).toBe(true);
    expect(publicHolidays(2026, true).has('2026-12-26')).toBe(true);
  });
});
