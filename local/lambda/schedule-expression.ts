/**
 * EventBridge schedule expressions, as the sandbox's scheduler needs them: parsing
 * `rate(5 minutes)` and AWS's six-field `cron(minutes hours day-of-month month day-of-week year)`
 * (lists, ranges, steps, month and day names, `?`, `L`, `W`, `#`), and the next run time in UTC.
 * Pure: no clock, no timers.
 */

export type RateSchedule = { kind: 'rate'; expression: string; periodMs: number };

/** Whether a calendar day (UTC) is allowed by the day-of-month or day-of-week field. */
type DayMatcher = (year: number, month: number, day: number) => boolean;

export type CronSchedule = {
  kind: 'cron';
  expression: string;
  minutes: ReadonlySet<number>;
  hours: ReadonlySet<number>;
  /** 1 to 12. */
  months: ReadonlySet<number>;
  years: ReadonlySet<number>;
  matchesDay: DayMatcher;
};

export type Schedule = RateSchedule | CronSchedule;

const minuteMs = 60_000;
const rateUnits: Record<string, number> = { minute: minuteMs, hour: 60 * minuteMs, day: 24 * 60 * minuteMs };
const monthNames = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
/** AWS numbers days of the week 1 (Sunday) to 7 (Saturday). */
const dayNames = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
const firstYear = 1970;
const lastYear = 2199;

type FieldSpec = { name: string; min: number; max: number; names?: readonly string[] };
const fields = {
  minutes: { name: 'minutes', min: 0, max: 59 },
  hours: { name: 'hours', min: 0, max: 23 },
  dayOfMonth: { name: 'day-of-month', min: 1, max: 31 },
  month: { name: 'month', min: 1, max: 12, names: monthNames },
  dayOfWeek: { name: 'day-of-week', min: 1, max: 7, names: dayNames },
  year: { name: 'year', min: firstYear, max: lastYear },
} as const satisfies Record<string, FieldSpec>;

/** Thrown for an expression EventBridge would refuse (or the sandbox cannot run). */
export class ScheduleExpressionError extends Error {
  override name = 'ScheduleExpressionError';
}

const fail = (expression: string, why: string): never => {
  throw new ScheduleExpressionError(`Invalid schedule expression "${expression}": ${why}`);
};

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
/** 1 (Sunday) to 7 (Saturday), as in AWS cron. */
const weekday = (year: number, month: number, day: number) =>
  new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 1;

const parseValue = (text: string, spec: FieldSpec, fieldText: string, expression: string): number => {
  const named = spec.names?.indexOf(text.toUpperCase()) ?? -1;
  if (named >= 0) return named + 1;
  if (!/^\d+$/.test(text)) {
    return fail(
      expression,
      `${spec.name} field "${fieldText}": "${text}" is not a number${spec.names ? ' or a name' : ''}`,
    );
  }
  const value = Number(text);
  if (value < spec.min || value > spec.max) {
    return fail(expression, `${spec.name} field "${fieldText}": ${value} is outside ${spec.min}-${spec.max}`);
  }
  return value;
};

/** A list of values, ranges (`MON-FRI`) and steps (`0/15`, `*\/5`, `8-18/2`). */
const parseSet = (text: string, spec: FieldSpec, expression: string): Set<number> => {
  const values = new Set<number>();
  for (const part of text.split(',')) {
    if (part === '') fail(expression, `${spec.name} field "${text}" has an empty list item`);
    const pieces = part.split('/');
    if (pieces.length > 2) fail(expression, `${spec.name} field "${text}": "${part}" has more than one "/"`);
    const [base = '', stepText] = pieces;
    let step = 1;
    if (stepText !== undefined) {
      step = /^\d+$/.test(stepText) ? Number(stepText) : 0;
      if (step < 1)
        fail(expression, `${spec.name} field "${text}": step "${stepText}" must be a positive integer`);
    }
    let low: number;
    let high: number;
    if (base === '*') {
      low = spec.min;
      high = spec.max;
    } else if (base.includes('-')) {
      const ends = base.split('-');
      if (ends.length !== 2) fail(expression, `${spec.name} field "${text}": "${base}" is not a range`);
      low = parseValue(ends[0] ?? '', spec, text, expression);
      high = parseValue(ends[1] ?? '', spec, text, expression);
      if (low > high) fail(expression, `${spec.name} field "${text}": range "${base}" runs backwards`);
    } else {
      low = parseValue(base, spec, text, expression);
      high = stepText === undefined ? low : spec.max;
    }
    for (let value = low; value <= high; value += step) values.add(value);
  }
  return values;
};

const parseDayOfMonth = (text: string, expression: string): DayMatcher => {
  const spec = fields.dayOfMonth;
  if (text === '*') return () => true;
  if (text === 'L') return (y, m, d) => d === daysInMonth(y, m);
  const nearestWeekday = /^(\d+|L)W$/.exec(text);
  if (nearestWeekday) {
    const target = nearestWeekday[1] ?? '';
    const fixed = target === 'L' ? undefined : parseValue(target, spec, text, expression);
    return (y, m, d) => {
      const last = daysInMonth(y, m);
      const wanted = fixed ?? last;
      if (wanted > last) return false;
      const wd = weekday(y, m, wanted);
      // The weekday nearest the wanted day, never leaving the month (Quartz rules).
      let chosen = wanted;
      if (wd === 7) chosen = wanted === 1 ? 3 : wanted - 1;
      else if (wd === 1) chosen = wanted === last ? wanted - 2 : wanted + 1;
      return d === chosen;
    };
  }
  if (/[LW#]/i.test(text)) {
    fail(expression, `day-of-month field "${text}": L and W must stand alone (L, LW, 15W)`);
  }
  const days = parseSet(text, spec, expression);
  return (_y, _m, d) => days.has(d);
};

const parseDayOfWeek = (text: string, expression: string): DayMatcher => {
  const spec = fields.dayOfWeek;
  if (text === '*') return () => true;
  // `L` alone is the last day of the week, Saturday.
  if (text === 'L') return (y, m, d) => weekday(y, m, d) === 7;
  const lastOfMonth = /^(\w+)L$/.exec(text);
  if (lastOfMonth) {
    const wanted = parseValue(lastOfMonth[1] ?? '', spec, text, expression);
    return (y, m, d) => weekday(y, m, d) === wanted && d + 7 > daysInMonth(y, m);
  }
  const nth = /^(\w+)#(\d+)$/.exec(text);
  if (nth) {
    const wanted = parseValue(nth[1] ?? '', spec, text, expression);
    const instance = Number(nth[2]);
    if (instance < 1 || instance > 5)
      fail(expression, `day-of-week field "${text}": #${instance} must be 1 to 5`);
    return (y, m, d) => weekday(y, m, d) === wanted && Math.ceil(d / 7) === instance;
  }
  if (/[L#]/i.test(text)) {
    fail(expression, `day-of-week field "${text}": L and # must stand alone (L, 6L, 2#1)`);
  }
  const days = parseSet(text, spec, expression);
  return (y, m, d) => days.has(weekday(y, m, d));
};

const parseRate = (expression: string, body: string): RateSchedule => {
  const match = /^(\S+) (\S+)$/.exec(body);
  if (!match) return fail(expression, 'write rate(value unit), e.g. rate(5 minutes)');
  const [, valueText = '', unit = ''] = match;
  if (!/^\d+$/.test(valueText) || Number(valueText) < 1) {
    return fail(expression, `value "${valueText}" must be a positive whole number`);
  }
  const value = Number(valueText);
  const singular = unit.replace(/s$/, '');
  const unitMs = rateUnits[singular];
  if (unitMs === undefined) return fail(expression, `unit "${unit}" must be minute(s), hour(s) or day(s)`);
  if (value === 1 && unit !== singular)
    return fail(expression, `unit "${unit}" must be singular for 1: ${singular}`);
  if (value > 1 && unit === singular)
    return fail(expression, `unit "${unit}" must be plural above 1: ${unit}s`);
  return { kind: 'rate', expression, periodMs: value * unitMs };
};

const parseCron = (expression: string, body: string): CronSchedule => {
  const parts = body.trim().split(/\s+/);
  if (parts.length !== 6) {
    return fail(
      expression,
      `cron needs 6 fields (minutes hours day-of-month month day-of-week year), found ${parts.length}`,
    );
  }
  const [minutes = '', hours = '', dayOfMonth = '', month = '', dayOfWeek = '', year = ''] = parts;
  const domAny = dayOfMonth === '?';
  const dowAny = dayOfWeek === '?';
  if (domAny === dowAny) {
    fail(
      expression,
      `day-of-month "${dayOfMonth}" and day-of-week "${dayOfWeek}": exactly one of them must be "?"`,
    );
  }
  for (const [text, spec] of [
    [minutes, fields.minutes],
    [hours, fields.hours],
    [month, fields.month],
    [year, fields.year],
  ] as const) {
    if (text === '?') fail(expression, `${spec.name} field "?": only day-of-month or day-of-week may be "?"`);
  }
  const matchesDay = domAny ? parseDayOfWeek(dayOfWeek, expression) : parseDayOfMonth(dayOfMonth, expression);
  return {
    kind: 'cron',
    expression,
    minutes: parseSet(minutes, fields.minutes, expression),
    hours: parseSet(hours, fields.hours, expression),
    months: parseSet(month, fields.month, expression),
    years: parseSet(year, fields.year, expression),
    matchesDay,
  };
};

/**
 * Parses an EventBridge schedule expression. Throws a `ScheduleExpressionError` naming the
 * offending part, e.g. `Invalid schedule expression "cron(0 25 * * ? *)": hours field "25":
 * 25 is outside 0-23`.
 */
export const parseScheduleExpression = (expression: string): Schedule => {
  const match = /^(rate|cron)\((.*)\)$/s.exec(expression.trim());
  if (!match)
    return fail(
      expression,
      'expected rate(value unit) or cron(minutes hours day-of-month month day-of-week year)',
    );
  const [, kind, body = ''] = match;
  return kind === 'rate' ? parseRate(expression, body) : parseCron(expression, body);
};

/**
 * The first run strictly after `after`, in UTC. A rate schedule runs every period from
 * `anchor` (when the rule was created; the first run is one period after it), by default the
 * Unix epoch so that `rate(5 minutes)` falls on :00, :05... Throws when a cron schedule has no
 * run left before 2200 (e.g. `cron(0 0 31 FEB ? *)`).
 */
export const nextRun = (schedule: Schedule, after: Date, anchor: Date = new Date(0)): Date => {
  if (schedule.kind === 'rate') {
    const periods = Math.max(1, Math.floor((after.getTime() - anchor.getTime()) / schedule.periodMs) + 1);
    return new Date(anchor.getTime() + periods * schedule.periodMs);
  }
  const { minutes, hours, months, years, matchesDay } = schedule;
  const lastAllowedYear = Math.max(...years);
  // Date.UTC carries overflows (minute 60, day 32, month 13) into the next unit.
  let cursor = new Date(Math.floor(after.getTime() / minuteMs) * minuteMs + minuteMs);
  while (cursor.getUTCFullYear() <= lastAllowedYear) {
    const [y, m, d, h, min] = [
      cursor.getUTCFullYear(),
      cursor.getUTCMonth(),
      cursor.getUTCDate(),
      cursor.getUTCHours(),
      cursor.getUTCMinutes(),
    ];
    if (!years.has(y)) cursor = new Date(Date.UTC(y + 1, 0, 1));
    else if (!months.has(m + 1)) cursor = new Date(Date.UTC(y, m + 1, 1));
    else if (!matchesDay(y, m + 1, d)) cursor = new Date(Date.UTC(y, m, d + 1));
    else if (!hours.has(h)) cursor = new Date(Date.UTC(y, m, d, h + 1));
    else if (!minutes.has(min)) cursor = new Date(Date.UTC(y, m, d, h, min + 1));
    else return cursor;
  }
  throw new ScheduleExpressionError(`"${schedule.expression}" has no run after ${after.toISOString()}`);
};
