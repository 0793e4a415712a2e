/**
 * The agenda's iCalendar feed, against RFC 5545's rules written here by hand: CRLF line ends, UTC
 * times, one VEVENT per appointment with a stable UID, a cancelled one kept as CANCELLED.
 */
import { describe, expect, it } from 'vitest';
import { icsFeed } from '#functions/sales/agenda/ics-feed.ts';

const appointments = [
  {
    id: 'ap-1',
    start: '2026-12-07T08:00:00.000Z',
    end: '2026-12-07T09:00:00.000Z',
    status: 'booked' as const,
    channel: 'branch' as const,
    customerName: 'DUPONT Marie',
    where: '12 boulevard Haussmann, 75009 Paris',
    sequence: 0,
    updatedAt: '2026-12-01T10:00:00.000Z',
  },
  {
    id: 'ap-2',
    start: '2026-12-08T13:30:00.000Z',
    end: '2026-12-08T14:00:00.000Z',
    status: 'cancelled' as const,
    channel: 'phone' as const,
    customerName: 'MARTIN Paul',
    sequence: 2,
    updatedAt: '2026-12-03T16:00:00.000Z',
  },
];

describe("an advisor's iCalendar feed", () => {
  const feed = icsFeed('Camille Martin', appointments, '2026-12-04T10:00:00.000Z');
  const lines = feed.split('\r\n');

  it('is a VCALENDAR with CRLF line ends and one VEVENT per appointment', () => {
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines.filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(2);
    expect(feed.replaceAll('\r\n', '')).not.toContain('\n');
  });

  it('gives each appointment a stable id, its UTC times, its customer and channel, and its place', () => {
    expect(lines).toContain('UID:ap-1@relais');
    expect(lines).toContain('DTSTART:20261207T080000Z');
    expect(lines).toContain('DTEND:20261207T090000Z');
    expect(lines).toContain('SUMMARY:Rendez-vous en agence — DUPONT Marie');
    // A comma in a text value is escaped (RFC 5545, 3.3.11).
    expect(lines).toContain('LOCATION:12 boulevard Haussmann\\, 75009 Paris');
    expect(lines).toContain('STATUS:CONFIRMED');
  });

  it('keeps a cancelled appointment as CANCELLED with its sequence, so calendars remove it', () => {
    const second = feed.slice(feed.indexOf('UID:ap-2@relais'));
    expect(second).toContain('STATUS:CANCELLED');
    expect(second).toContain('SEQUENCE:2');
    expect(second).toContain('SUMMARY:Rendez-vous par téléphone — MARTIN Paul');
  });
});
