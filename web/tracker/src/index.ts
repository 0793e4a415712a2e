/**
 * The tracker script's entry: built as an IIFE whose exports become the global `RelaisTracker`
 * (`RelaisTracker.init({ apiUrl, writeKey })`, then `consent`, `track`, `identify`…). One
 * tracker per page: calls before `init` are ignored, a second `init` returns the first tracker.
 */
import { type ConsentStatus, createTracker, type Tracker, type TrackerOptions } from './tracker.ts';

export type { ConsentStatus, Tracker, TrackerOptions };

let tracker: Tracker | undefined;

/** Starts tracking on this page (nothing is stored or sent before consent). */
export const init = (options: TrackerOptions): Tracker => {
  tracker ??= createTracker(options);
  return tracker;
};
export const consent: Tracker['consent'] = (choice) => tracker?.consent(choice);
export const consentStatus = (): ConsentStatus => tracker?.consentStatus() ?? 'unknown';
export const page: Tracker['page'] = () => tracker?.page();
export const track = ((type: string, properties: Record<string, unknown>) =>
  tracker?.track(type, properties)) as Tracker['track'];
export const identify: Tracker['identify'] = (customerId, identityToken, properties) =>
  tracker?.identify(customerId, identityToken, properties);
export const reset: Tracker['reset'] = () => tracker?.reset();
export const flush: Tracker['flush'] = () => tracker?.flush() ?? Promise.resolve();
export const visitorId: Tracker['visitorId'] = () => tracker?.visitorId();
