/** Consent rules, pure: applying changes per channel and purpose to the current state. */
import type { Consent, Consents, UpdateConsentsRequest } from '#schemas/customers/consent.ts';
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
