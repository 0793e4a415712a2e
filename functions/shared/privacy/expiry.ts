/**
 * When a kept item goes, from its retention in the privacy registry: the DynamoDB TTL (epoch
 * seconds) at the start of the UTC day after its period, counted as the law counts periods.
 */
import { shiftDay } from '#shared/calendar.ts';
import type { Retention } from './registry.ts';

/** The TTL of what is kept `retention.keep` from `from` (an ISO instant or a date). */
export const expiresAfter = (from: string | Date, retention: Pick<Retention, 'keep'>): number =>
  Date.parse(`${shiftDay(new Date(from), retention.keep, 1)}T00:00:00Z`) / 1000;
