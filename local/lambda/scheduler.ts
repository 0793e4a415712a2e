/**
 * The sandbox's EventBridge scheduler: runs each scheduled job at the times of its
 * `rate(...)`/`cron(...)` expression with the scheduled event EventBridge would send, one run
 * at a time per job (a run still going when the next is due makes that one be skipped). Times
 * missed while the clock jumped give a single run. The clock can be injected so tests need not wait.
 */
import { randomUUID } from 'node:crypto';
import type { ScheduledEvent } from 'aws-lambda';
import { sandboxAccountId, sandboxRegion } from './lambda-context.ts';
import { nextRun, parseScheduleExpression, type Schedule } from './schedule-expression.ts';

/** The event of a schedule rule: `detail` is always empty. */
export type ScheduleEvent = ScheduledEvent<Record<string, never>>;

export type ScheduledJob = {
  /** The rule's name, in the event's `resources` ARN. */
  name: string;
  /** `rate(5 minutes)` or `cron(0 2 * * ? *)`. */
  expression: string;
  /** Runs the job, typically a handler invoked with a Lambda context. */
  invoke: (event: ScheduleEvent) => Promise<unknown>;
};

export type SchedulerOptions = {
  jobs: readonly ScheduledJob[];
  /** @default () => new Date() */
  now?: () => Date;
  /** @default console.error */
  onError?: (error: Error, job: string) => void;
  /** Told of skipped runs. @default console.warn */
  log?: (message: string) => void;
  /** Longest wait between looks at the clock (an injected clock may jump). @default 1000 */
  tickMilliseconds?: number;
};

export type Scheduler = {
  /** Stops firing; resolves once the runs under way are finished. */
  stop(): Promise<void>;
};

type JobState = {
  job: ScheduledJob;
  schedule: Schedule;
  /** Undefined once a cron schedule has no run left. */
  next: Date | undefined;
  running: Promise<void> | undefined;
};

/** `2026-11-24T02:00:00Z`: EventBridge writes event times to the second. */
const eventTime = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The event EventBridge sends for a scheduled rule firing at `time`. */
export const scheduledEvent = (ruleName: string, time: Date): ScheduleEvent => {
  const region = sandboxRegion();
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: sandboxAccountId,
    time: eventTime(time),
    region,
    resources: [`arn:aws:events:${region}:${sandboxAccountId}:rule/${ruleName}`],
    detail: {},
  };
};

/**
 * Starts firing the jobs. Every expression is parsed first: an invalid one throws here, before
 * anything runs. Rate schedules count from the start (their first run is one period later).
 */
export const startScheduler = (options: SchedulerOptions): Scheduler => {
  const now = options.now ?? (() => new Date());
  const onError =
    options.onError ?? ((error: Error, job: string) => console.error(`[schedule ${job}]`, error));
  const log = options.log ?? ((message: string) => console.warn(message));
  const tickMs = options.tickMilliseconds ?? 1000;
  const startedAt = new Date(Math.floor(now().getTime() / 1000) * 1000);
  const states: JobState[] = options.jobs.map((job) => {
    const schedule = parseScheduleExpression(job.expression);
    return { job, schedule, next: nextRun(schedule, startedAt, startedAt), running: undefined };
  });
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const fire = (state: JobState, due: Date) => {
    const { name } = state.job;
    if (state.running) {
      log(`[schedule ${name}] run of ${eventTime(due)} skipped: the previous run is still going`);
      return;
    }
    state.running = (async () => {
      try {
        await state.job.invoke(scheduledEvent(name, due));
      } catch (error) {
        onError(error instanceof Error ? error : new Error(String(error)), name);
      } finally {
        state.running = undefined;
      }
    })();
  };

  const tick = () => {
    if (stopped) return;
    const current = now();
    for (const state of states) {
      let due = state.next;
      if (!due || current < due) continue;
      try {
        // Times missed while the clock jumped (a laptop asleep) give one run, for the latest.
        let following = nextRun(state.schedule, due, startedAt);
        while (following <= current) {
          due = following;
          following = nextRun(state.schedule, due, startedAt);
        }
        state.next = following;
      } catch (error) {
        state.next = undefined;
        onError(error as Error, state.job.name);
      }
      fire(state, due);
    }
    const soonest = Math.min(...states.map((s) => s.next?.getTime() ?? Number.POSITIVE_INFINITY));
    const wait = Math.max(0, Math.min(tickMs, soonest - now().getTime()));
    timer = setTimeout(tick, wait);
  };

  if (states.length > 0) timer = setTimeout(tick, 0);

  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await Promise.all(states.map((s) => s.running));
    },
  };
};
