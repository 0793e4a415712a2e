/**
 * An advisor's agenda as an iCalendar feed (RFC 5545), pure: their appointments, each with its
 * customer, channel and place, for the calendar application they subscribe with. A cancelled
 * appointment stays in the feed as cancelled, so that calendars which already hold it remove it.
 * Written with ical-generator (line folding, escaping, time stamps): the format's details are the
 * library's, not ours.
 */
import ical, { ICalEventStatus } from 'ical-generator';

export type FeedAppointment = {
  id: string;
  start: string;
  end: string;
  status: 'booked' | 'cancelled';
  channel: 'branch' | 'phone' | 'video';
  customerName: string;
  /** The branch's address for an appointment in branch; the link of a video one. */
  where?: string;
  /** Changes since it was booked (reschedules), for the calendars to take the newest. */
  sequence: number;
  updatedAt: string;
};

const channelWords = { branch: 'en agence', phone: 'par téléphone', video: 'en visio' } as const;

/** The feed of `advisorName`'s appointments, stamped `now` (ISO instant). */
export const icsFeed = (
  advisorName: string,
  appointments: readonly FeedAppointment[],
  now: string,
): string => {
  const calendar = ical({
    name: `Relais — ${advisorName}`,
    prodId: { company: 'Relais', product: 'agenda', language: 'FR' },
  });
  for (const appointment of appointments) {
    calendar.createEvent({
      id: `${appointment.id}@relais`,
      start: new Date(appointment.start),
      end: new Date(appointment.end),
      stamp: new Date(now),
      lastModified: new Date(appointment.updatedAt),
      sequence: appointment.sequence,
      summary: `Rendez-vous ${channelWords[appointment.channel]} — ${appointment.customerName}`,
      ...(appointment.where ? { location: appointment.where } : {}),
      status: appointment.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
};
