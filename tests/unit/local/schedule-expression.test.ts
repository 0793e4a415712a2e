/**
 * EventBridge schedule expressions of the sandbox's scheduler: which times each expression
 * fires at (UTC), and a clear refusal of the expressions EventBridge would refuse.
 */
import { describe, expect, it } from 'vitest';
import { nextRun, parseScheduleExpression } from '#local/lambda/schedule-expression.ts';

const at = (iso: string) => new Date(iso);
const next = (expression: string, after: string, anchor?: string) =>
  nextRun(parseScheduleExpression(expression), at(after), anchor ? at(anchor) : undefined).toISOString();

/** The first `count` runs after `after`. */
const runs = (expression: string, after: string, count: number) => {
  const schedule = parseScheduleExpression(expression);
  const found: string[] = [];
  let cursor = at(after);
  for (let i = 0; i < count; i++) {
    cursor = nextRun(schedule, cursor);
    found.push(cursor.toISOString());
  }
  return found;
};

describe('cron expressions', () => {
  it.each([
    // A nightly job after its hour has passed runs the next night.
    ['cron(0 2 * * ? *)', '2026-11-23T03:00:00Z', '2026-11-24T02:00:00.000Z'],
    ['cron(0 2 * * ? *)', '2026-11-23T01:59:30Z', '2026-11-23T02:00:00.000Z'],
    // Strictly after: a run at exactly the given time is not the next one.
    ['cron(0 2 * * ? *)', '2026-11-23T02:00:00Z', '2026-11-24T02:00:00.000Z'],
    // Every 15 minutes in office hours on weekdays (2026-11-23 is a Monday).
    ['cron(0/15 8-18 ? * MON-FRI *)', '2026-11-23T08:07:00Z', '2026-11-23T08:15:00.000Z'],
    ['cron(0/15 8-18 ? * MON-FRI *)', '2026-11-23T18:45:00Z', '2026-11-24T08:00:00.000Z'],
    ['cron(0/15 8-18 ? * MON-FRI *)', '2026-11-27T18:50:00Z', '2026-11-30T08:00:00.000Z'],
    ['cron(0/15 8-18 ? * MON-FRI *)', '2026-11-28T12:00:00Z', '2026-11-30T08:00:00.000Z'],
    ['cron(*/5 * * * ? *)', '2026-11-23T10:07:00Z', '2026-11-23T10:10:00.000Z'],
    ['cron(10-20/5 * * * ? *)', '2026-11-23T10:16:00Z', '2026-11-23T10:20:00.000Z'],
    ['cron(10-20/5 * * * ? *)', '2026-11-23T10:21:00Z', '2026-11-23T11:10:00.000Z'],
    // Lists and month names, lower case accepted.
    ['cron(0 9 1 JAN,jul ? *)', '2026-03-15T00:00:00Z', '2026-07-01T09:00:00.000Z'],
    ['cron(0 6,18 * * ? *)', '2026-11-23T07:00:00Z', '2026-11-23T18:00:00.000Z'],
    ['cron(0 9 ? * 1,7 *)', '2026-11-23T00:00:00Z', '2026-11-28T09:00:00.000Z'],
    // A day missing from a month is skipped (November has 30 days).
    ['cron(30 23 31 * ? *)', '2026-11-01T00:00:00Z', '2026-12-31T23:30:00.000Z'],
    // Year field, and rollover into the new year.
    ['cron(0 0 1 1 ? 2027-2030)', '2026-11-23T00:00:00Z', '2027-01-01T00:00:00.000Z'],
    ['cron(59 23 31 12 ? *)', '2026-12-31T23:59:00Z', '2027-12-31T23:59:00.000Z'],
    // Last day of the month, leap years included.
    ['cron(0 12 L * ? *)', '2028-02-10T00:00:00Z', '2028-02-29T12:00:00.000Z'],
    ['cron(0 12 L * ? *)', '2027-02-10T00:00:00Z', '2027-02-28T12:00:00.000Z'],
    // Nearest weekday: the 15th of November 2026 is a Sunday, so Monday the 16th.
    ['cron(0 9 15W * ? *)', '2026-11-01T00:00:00Z', '2026-11-16T09:00:00.000Z'],
    // 1 May 2027 is a Saturday: the nearest weekday stays in May, Monday the 3rd.
    ['cron(0 9 1W * ? *)', '2027-04-15T00:00:00Z', '2027-05-03T09:00:00.000Z'],
    // Last weekday: 31 January 2027 is a Sunday, so Friday the 29th.
    ['cron(0 9 LW * ? *)', '2027-01-01T00:00:00Z', '2027-01-29T09:00:00.000Z'],
    // Last Friday of the month, first Monday of the month, last day of the week (Saturday).
    ['cron(0 9 ? * 6L *)', '2026-11-23T00:00:00Z', '2026-11-27T09:00:00.000Z'],
    ['cron(0 9 ? * FRIL *)', '2026-11-28T00:00:00Z', '2026-12-25T09:00:00.000Z'],
    ['cron(0 9 ? * 2#1 *)', '2026-11-23T00:00:00Z', '2026-12-07T09:00:00.000Z'],
    ['cron(0 9 ? * MON#1 *)', '2026-11-23T00:00:00Z', '2026-12-07T09:00:00.000Z'],
    ['cron(0 9 ? * L *)', '2026-11-23T00:00:00Z', '2026-11-28T09:00:00.000Z'],
  ])('%s after %s runs at %s', (expression, after, expected) => {
    // Prepare
    const schedule = parseScheduleExpression(expression);

    // Act
    const run = nextRun(schedule, at(after));

    // Assess
    expect(run.toISOString()).toBe(expected);
  });

  it('fires every quarter hour of office hours, then jumps over the weekend', () => {
    // Prepare
    const expression = 'cron(0/15 8-18 ? * MON-FRI *)';

    // Act
    const found = runs(expression, '2026-11-27T18:00:00Z', 5);

    // Assess
    expect(found).toEqual([
      '2026-11-27T18:15:00.000Z',
      '2026-11-27T18:30:00.000Z',
      '2026-11-27T18:45:00.000Z',
      '2026-11-30T08:00:00.000Z',
      '2026-11-30T08:15:00.000Z',
    ]);
  });

  it('says when a schedule has no run left', () => {
    // Prepare
    const schedule = parseScheduleExpression('cron(0 0 1 1 ? 2027)');

    // Act
    const last = nextRun(schedule, at('2026-06-01T00:00:00Z'));

    // Assess
    expect(last.toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(() => nextRun(schedule, last)).toThrow(/no run after 2027-01-01T00:00:00.000Z/);
  });
});

describe('rate expressions', () => {
  it.each([
    // Without an anchor, periods count from the epoch: on the clock's round marks.
    ['rate(5 minutes)', '2026-11-23T10:02:30Z', undefined, '2026-11-23T10:05:00.000Z'],
    ['rate(5 minutes)', '2026-11-23T10:05:00Z', undefined, '2026-11-23T10:10:00.000Z'],
    ['rate(1 minute)', '2026-11-23T10:02:30Z', undefined, '2026-11-23T10:03:00.000Z'],
    ['rate(2 hours)', '2026-11-23T09:00:00Z', undefined, '2026-11-23T10:00:00.000Z'],
    ['rate(1 hour)', '2026-11-23T09:59:59Z', undefined, '2026-11-23T10:00:00.000Z'],
    ['rate(1 day)', '2026-11-23T09:00:00Z', undefined, '2026-11-24T00:00:00.000Z'],
    ['rate(3 days)', '2026-11-23T09:00:00Z', '2026-11-23T08:00:00Z', '2026-11-26T08:00:00.000Z'],
    // From the rule's creation: the first run is one period after it.
    ['rate(5 minutes)', '2026-11-23T10:01:10Z', '2026-11-23T10:01:10Z', '2026-11-23T10:06:10.000Z'],
    ['rate(5 minutes)', '2026-11-23T10:20:00Z', '2026-11-23T10:01:10Z', '2026-11-23T10:21:10.000Z'],
    ['rate(1 minute)', '2026-11-23T09:00:00Z', '2026-11-23T10:00:00Z', '2026-11-23T10:01:00.000Z'],
  ])('%s after %s (anchor %s) runs at %s', (expression, after, anchor, expected) => {
    // Prepare
    const schedule = parseScheduleExpression(expression);

    // Act
    const run = nextRun(schedule, at(after), anchor ? at(anchor) : undefined);

    // Assess
    expect(run.toISOString()).toBe(expected);
  });

  it('keeps the period between consecutive runs', () => {
    // Prepare
    const anchor = '2026-11-23T10:00:07Z';

    // Act
    const first = next('rate(2 hours)', anchor, anchor);
    const second = next('rate(2 hours)', first, anchor);

    // Assess
    expect([first, second]).toEqual(['2026-11-23T12:00:07.000Z', '2026-11-23T14:00:07.000Z']);
  });
});

describe('invalid expressions', () => {
  it.each([
    ['every 5 minutes', /expected rate\(value unit\) or cron/],
    ['rate(0 minutes)', /value "0" must be a positive whole number/],
    ['rate(five minutes)', /value "five"/],
    ['rate(1 minutes)', /unit "minutes" must be singular for 1/],
    ['rate(5 minute)', /unit "minute" must be plural above 1/],
    ['rate(5 weeks)', /unit "weeks" must be minute\(s\), hour\(s\) or day\(s\)/],
    ['rate(5minutes)', /write rate\(value unit\)/],
    ['cron(0 2 * * *)', /needs 6 fields .* found 5/],
    ['cron(0 25 * * ? *)', /hours field "25": 25 is outside 0-23/],
    ['cron(60 * * * ? *)', /minutes field "60": 60 is outside 0-59/],
    ['cron(0 2 32 * ? *)', /day-of-month field "32"/],
    ['cron(0 2 * 13 ? *)', /month field "13"/],
    ['cron(0 2 ? * 8 *)', /day-of-week field "8": 8 is outside 1-7/],
    ['cron(0 0 1 1 ? 1960)', /year field "1960": 1960 is outside 1970-2199/],
    ['cron(0 2 * * MON *)', /day-of-month "\*" and day-of-week "MON": exactly one of them must be "\?"/],
    ['cron(0 2 ? * ? *)', /exactly one of them must be "\?"/],
    ['cron(? 2 * * ? *)', /minutes field "\?": only day-of-month or day-of-week/],
    ['cron(0/0 * * * ? *)', /minutes field "0\/0": step "0" must be a positive integer/],
    ['cron(0 18-8 * * ? *)', /hours field "18-8": range "18-8" runs backwards/],
    ['cron(0 2 * FOO ? *)', /month field "FOO": "FOO" is not a number or a name/],
    ['cron(0 2 ? * MON-FUN *)', /day-of-week field "MON-FUN": "FUN"/],
    ['cron(0 2 1,,2 * ? *)', /day-of-month field "1,,2" has an empty list item/],
    ['cron(0 2 L-2 * ? *)', /day-of-month field "L-2": L and W must stand alone/],
    ['cron(0 2 ? * MON#6 *)', /day-of-week field "MON#6": #6 must be 1 to 5/],
    ['cron(0 2 ? * 1,6L *)', /day-of-week field "1,6L": L and # must stand alone/],
  ])('refuses %s', (expression, message) => {
    // Prepare
    const parse = () => parseScheduleExpression(expression);

    // Act, Assess
    expect(parse).toThrow(message);
    expect(parse).toThrow(`Invalid schedule expression "${expression}"`);
  });
});
