/** How long to wait before retrying a call that failed for a passing reason. */

/** Backoff before retry `attempt` (1, 2…) of a failed call (PutEvents entries, a throttled transaction): exponential, with full jitter. */
export const backoffMs = (
  attempt: number,
  random: () => number = Math.random,
  baseMs = 50,
  capMs = 2_000,
): number => Math.round(random() * Math.min(capMs, baseMs * 2 ** attempt));
