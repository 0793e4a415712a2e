/**
 * Consent rules, pure: applying changes per channel and purpose to the current state, and what
 * the consents allow — the one answer every context asks (marketing before any message,
 * profiling before any analysis).
 */
import type { Consent, ConsentChannel, Consents, UpdateConsentsRequest } from '#schemas/customers/consent.ts';
import { Conflict } from '#shared/errors.ts';

/** Changes that actually change something, and the next consent state. */
export const applyConsentChanges = (
  current: Consents,
  request: UpdateConsentsRequest,
  expectedVersion: number,
  now: string,
): { next: Consents; changed: UpdateConsentsRequest['changes'] } => {
  if (current.version !== expectedVersion) {
    throw new Conflict(
      `The consents changed since you read them (you read version ${expectedVersion}, they are now at ${current.version}). Reload and try again.`,
      current.version,
    );
  }
  const byKey = new Map(current.items.map((c) => [`${c.channel}/${c.purpose}`, c]));
  const changed = request.changes.filter(
    (change) => byKey.get(`${change.channel}/${change.purpose}`)?.granted !== change.granted,
  );
  for (const change of changed) {
    const consent: Consent = { ...change, updatedAt: now };
    byKey.set(`${change.channel}/${change.purpose}`, consent);
  }
  if (changed.length === 0) return { next: current, changed };
  const items = [...byKey.values()].sort((a, b) =>
    `${a.channel}/${a.purpose}`.localeCompare(`${b.channel}/${b.purpose}`),
  );
  return { next: { items, version: current.version + 1 }, changed };
};

/**
 * Whether the bank may send the customer marketing on `channel`: only with a consent given for
 * that channel and not withdrawn since. Never asked is no (opt-in, as the CNIL and the Code des
 * postes et des communications électroniques L34-5 require for e-mail and SMS).
 */
export const allowsMarketing = (consents: readonly Consent[], channel: ConsentChannel): boolean =>
  consents.some((c) => c.purpose === 'marketing' && c.channel === channel && c.granted);

/**
 * Whether the customer's events may feed profiling (segments, scores, the lake's customer
 * pseudonym): unless the customer objected (GDPR art. 21). The file records profiling per
 * channel, but profiling is about the customer: a refusal on any channel is an objection; never
 * asked is no objection.
 */
export const allowsProfiling = (consents: readonly Consent[]): boolean =>
  !consents.some((c) => c.purpose === 'profiling' && !c.granted);
