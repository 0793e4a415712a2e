/**
 * The shared agenda's rules, pure: an appointment clashing with another of the same advisor, and
 * the free slots of an advisor or a branch over a range of days — inside each advisor's working
 * hours (wall-clock times of the branch's time zone, Europe/Paris by default, so that 9:00 stays
 * 9:00 across the change to summer time), outside their absences, their booked appointments and
 * the French public holidays (with Alsace-Moselle's two more where the branch is there).
 */
import { TZDate } from '@date-fns/tz';
import joursFeries from '@socialgouv/jours-feries';

/** A span of time: ISO instants, the end excluded. */
export type Interval = { start: string; end: string };
export type Appointment = Interval & { id: string; status: 'booked' | 'cancelled' };
/** `HH:MM` wall-clock times. */
export type WorkingRange = { from: string; to: string };
/** Working hours by ISO weekday: 1 is Monday, 7 Sunday; a day absent is not worked. */
export type WorkingHours = Partial<Record<1 | 2 | 3 | 4 | 5 | 6 | 7, readonly WorkingRange[]>>;

export type AdvisorAgenda = {
  advisorId: string;
  workingHours: WorkingHours;
  appointments: readonly Appointment[];
  absences: readonly Interval[];
};

export type SlotSearch = {
  /** First and last day searched, ISO dates, both included. */
  from: string;
  to: string;
  durationMinutes: number;
  /** Slots start on this grid within a working range. @default 30 */
  stepMinutes?: number;
  /** No slot starts before this instant (now, when booking). */
  notBefore?: string;
  /** @default 'Europe/Paris' */
  timeZone?: string;
  /** The branch is in Alsace or Moselle (Good Friday and 26 December are holidays there). */
  alsaceMoselle?: boolean;
};

export type FreeSlot = Interval & { advisorId: string };

const overlaps = (a: Interval, b: Interval) => a.start < b.end && b.start < a.end;

/** The booked appointment the slot would overlap, if any (a cancelled one frees its time). */
export const clashWith = (appointments: readonly Appointment[], slot: Interval): Appointment | undefined =>
  appointments.find((appointment) => appointment.status === 'booked' && overlaps(appointment, slot));

/** The public holidays of `year` as ISO dates. */
export const publicHolidays = (year: number, alsaceMoselle = false): Set<string> =>
  new Set(
    // The library gives local midnights: the calendar day is read in local time.
    Object.values(joursFeries(year, { alsace: alsaceMoselle })).map(
      (day) => `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`,
    ),
  );

/** An advisor's free slots over the search's days, earliest first. */
export const freeSlots = (agenda: AdvisorAgenda, search: SlotSearch): FreeSlot[] => {
  const zone = search.timeZone ?? 'Europe/Paris';
  const step = search.stepMinutes ?? 30;
  const busy = [
    ...agenda.appointments.filter((appointment) => appointment.status === 'booked'),
    ...agenda.absences,
  ];
  const slots: FreeSlot[] = [];
  for (const day of daysBetween(search.from, search.to)) {
    const [year, month, date] = day.split('-').map(Number) as [number, number, number];
    if (publicHolidays(year, search.alsaceMoselle).has(day)) continue;
    const weekday = (((new Date(Date.UTC(year, month - 1, date)).getUTCDay() + 6) % 7) + 1) as 1;
    for (const range of agenda.workingHours[weekday] ?? []) {
      const [openAt, closeAt] = [minutesOf(range.from), minutesOf(range.to)];
      for (let at = openAt; at + search.durationMinutes <= closeAt; at += step) {
        const slot = {
          start: instant(year, month, date, at, zone),
          end: instant(year, month, date, at + search.durationMinutes, zone),
        };
        if (search.notBefore && slot.start < search.notBefore) continue;
        if (busy.some((taken) => overlaps(taken, slot))) continue;
        slots.push({ ...slot, advisorId: agenda.advisorId });
      }
    }
  }
  return slots;
};

/** The free slots of every advisor of a branch, earliest first, then by advisor. */
export const branchFreeSlots = (agendas: readonly AdvisorAgenda[], search: SlotSearch): FreeSlot[] =>
  agendas
    .flatMap((agenda) => freeSlots(agenda, search))
    .sort((a, b) => a.start.localeCompare(b.start) || a.advisorId.localeCompare(b.advisorId));

/** The UTC instant of a wall-clock time (`minutes` after midnight) on a day in `zone`. */
const instant = (year: number, month: number, date: number, minutes: number, zone: string) =>
  new Date(
    new TZDate(year, month - 1, date, Math.floor(minutes / 60), minutes % 60, zone).getTime(),
  ).toISOString();

const minutesOf = (time: string) => {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return hours * 60 + minutes;
};

const daysBetween = function* (from: string, to: string) {
  for (let day = Date.parse(`${from}T00:00:00Z`); day <= Date.parse(`${to}T00:00:00Z`); day += 86_400_000) {
    yield new Date(day).toISOString().slice(0, 10);
  }
};

const pad = (value: number) => String(value).padStart(2, '0');
