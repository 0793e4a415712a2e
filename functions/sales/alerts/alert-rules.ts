/**
 * The rules that raise alerts and reminders (relances) in an advisor's inbox, pure. Each rule
 * answers the alerts its facts call for, each with its cause: the key that says what the alert is
 * about (this task overdue, this deal stalled at this stage since this day, this customer's
 * birthday this year…). The inbox keeps one alert per cause, so a rule run twice, a redelivered
 * event or a daily job that runs again raises nothing twice; a new cause (the deal moved, then
 * stalled again) is a new alert.
 */
import type { ProductFamily, Stage } from '#schemas/sales/pipeline.ts';
import { isStalled } from '../opportunities/stage-machine.ts';

export type AlertKind =
  | 'taskOverdue'
  | 'dealStalled'
  | 'appointmentTomorrow'
  | 'largeBalanceChange'
  | 'contractAnniversary'
  | 'birthday'
  | 'websiteLoanSimulation'
  | 'churnScoreJump';

export type Alert = {
  /** What the alert is about: the inbox holds one alert per cause. */
  cause: string;
  kind: AlertKind;
  /** Whose inbox it goes to. */
  advisorId: string;
  customerId?: string;
  /** The task, deal, appointment, holding or event it is about. */
  subjectId: string;
  /** The day it is about (due day, birthday, anniversary…), ISO date. */
  on: string;
};

/** Days from one ISO date to another. */
const daysFrom = (from: string, to: string) =>
  (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;

const nextDay = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** Tasks past their due day and still open, to their assignee. */
export const overdueTasks = (
  tasks: readonly {
    id: string;
    assigneeId: string;
    customerId?: string;
    dueOn: string;
    status: 'open' | 'done';
  }[],
  today: string,
): Alert[] =>
  tasks
    .filter((task) => task.status === 'open' && task.dueOn < today)
    .map((task) => ({
      cause: `taskOverdue#${task.id}`,
      kind: 'taskOverdue',
      advisorId: task.assigneeId,
      ...(task.customerId ? { customerId: task.customerId } : {}),
      subjectId: task.id,
      on: task.dueOn,
    }));

/** Deals that sat at their stage longer than its threshold, to their owner: once per stay at a stage. */
export const stalledDeals = (
  deals: readonly {
    id: string;
    ownerId: string;
    customerId: string;
    family: ProductFamily;
    stage: Stage;
    stageEnteredAt: string;
  }[],
  now: string,
): Alert[] =>
  deals
    .filter((deal) => isStalled(deal.family, deal.stage, deal.stageEnteredAt, now))
    .map((deal) => ({
      cause: `dealStalled#${deal.id}#${deal.stage}#${deal.stageEnteredAt}`,
      kind: 'dealStalled',
      advisorId: deal.ownerId,
      customerId: deal.customerId,
      subjectId: deal.id,
      on: deal.stageEnteredAt.slice(0, 10),
    }));

/** Tomorrow's booked appointments, to their advisor (`startsOn` is the day in the branch's time zone). */
export const tomorrowsAppointments = (
  appointments: readonly {
    id: string;
    advisorId: string;
    customerId: string;
    startsOn: string;
    status: 'booked' | 'cancelled';
  }[],
  today: string,
): Alert[] =>
  appointments
    .filter((appointment) => appointment.status === 'booked' && appointment.startsOn === nextDay(today))
    .map((appointment) => ({
      cause: `appointmentTomorrow#${appointment.id}`,
      kind: 'appointmentTomorrow',
      advisorId: appointment.advisorId,
      customerId: appointment.customerId,
      subjectId: appointment.id,
      on: appointment.startsOn,
    }));

/** A balance change worth a call: 10,000 € or more, or half the balance of an account that held 1,000 € or more. */
export const largeBalanceChange = (change: {
  eventId: string;
  advisorId: string;
  customerId: string;
  holdingId: string;
  previousCents: number;
  currentCents: number;
  on: string;
}): Alert[] => {
  const moved = Math.abs(change.currentCents - change.previousCents);
  const large = moved >= 1_000_000 || (change.previousCents >= 100_000 && moved * 2 >= change.previousCents);
  return large
    ? [
        {
          cause: `largeBalanceChange#${change.eventId}`,
          kind: 'largeBalanceChange',
          advisorId: change.advisorId,
          customerId: change.customerId,
          subjectId: change.holdingId,
          on: change.on,
        },
      ]
    : [];
};

/**
 * The day of a yearly date (`MM-DD` of an opening or a birth) in `year`; 29 February is kept on
 * 28 February in the other years.
 */
const dayInYear = (isoDate: string, year: number) => {
  const monthDay = isoDate.slice(5);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return `${year}-${monthDay === '02-29' && !leap ? '02-28' : monthDay}`;
};

/** The next occurrence of a yearly date on or after `today`, and how many days away it is. */
const nextOccurrence = (isoDate: string, today: string) => {
  const year = Number(today.slice(0, 4));
  const thisYear = dayInYear(isoDate, year);
  const day = thisYear >= today ? thisYear : dayInYear(isoDate, year + 1);
  return { day, inDays: daysFrom(today, day) };
};

/** Contracts whose anniversary (the day they were opened) comes within 30 days: time to review them. */
export const contractAnniversaries = (
  holdings: readonly {
    id: string;
    customerId: string;
    advisorId: string;
    openedOn: string;
    closedOn?: string;
  }[],
  today: string,
): Alert[] =>
  holdings.flatMap((holding) => {
    if (holding.closedOn) return [];
    const next = nextOccurrence(holding.openedOn, today);
    if (next.inDays > 30 || next.day <= holding.openedOn) return [];
    return [
      {
        cause: `contractAnniversary#${holding.id}#${next.day.slice(0, 4)}`,
        kind: 'contractAnniversary',
        advisorId: holding.advisorId,
        customerId: holding.customerId,
        subjectId: holding.id,
        on: next.day,
      },
    ];
  });

/** Customers whose birthday comes within 7 days, to their advisor: once a year. */
export const birthdays = (
  customers: readonly { id: string; advisorId?: string; birthDate?: string }[],
  today: string,
): Alert[] =>
  customers.flatMap((customer) => {
    if (!customer.advisorId || !customer.birthDate) return [];
    const next = nextOccurrence(customer.birthDate, today);
    if (next.inDays > 7) return [];
    return [
      {
        cause: `birthday#${customer.id}#${next.day.slice(0, 4)}`,
        kind: 'birthday',
        advisorId: customer.advisorId,
        customerId: customer.id,
        subjectId: customer.id,
        on: next.day,
      },
    ];
  });

/** A loan simulation on the website by an advisor's customer: one alert a day per customer. */
export const websiteLoanSimulation = (simulation: {
  customerId: string;
  advisorId?: string | undefined;
  simulationId: string;
  on: string;
}): Alert[] =>
  simulation.advisorId
    ? [
        {
          cause: `websiteLoanSimulation#${simulation.customerId}#${simulation.on}`,
          kind: 'websiteLoanSimulation',
          advisorId: simulation.advisorId,
          customerId: simulation.customerId,
          subjectId: simulation.simulationId,
          on: simulation.on,
        },
      ]
    : [];

/** A churn score up by 20 points or more since the last one (customer intelligence, to come). */
export const churnScoreJump = (score: {
  customerId: string;
  advisorId?: string | undefined;
  previous: number;
  current: number;
  scoredOn: string;
}): Alert[] =>
  score.advisorId && score.current - score.previous >= 20
    ? [
        {
          cause: `churnScoreJump#${score.customerId}#${score.scoredOn}`,
          kind: 'churnScoreJump',
          advisorId: score.advisorId,
          customerId: score.customerId,
          subjectId: score.customerId,
          on: score.scoredOn,
        },
      ]
    : [];

/** The alerts whose cause the inbox does not hold yet, each cause once. */
export const notYetRaised = (alerts: readonly Alert[], raisedCauses: ReadonlySet<string>): Alert[] => {
  const seen = new Set(raisedCauses);
  return alerts.filter((alert) => !seen.has(alert.cause) && Boolean(seen.add(alert.cause)));
};
