/**
 * The privacy registry: every context's declaration (`functions/<context>/privacy.ts`, which
 * the dependency rules let the platform read, as they do `access.ts`), in one list, and the checks that keep it whole — each location
 * declared once, each holding serving activities that exist and naming whose data it holds.
 * The GDPR jobs (access, erasure, retention) and the record of processing activities read it.
 */
import { analyticsPrivacy } from '#functions/analytics/privacy.ts';
import { channelsPrivacy } from '#functions/channels/privacy.ts';
import { customersPrivacy } from '#functions/customers/privacy.ts';
import { salesPrivacy } from '#functions/sales/privacy.ts';
import {
  type ContextPrivacy,
  type DataHolding,
  locationKey,
  type ProcessingActivity,
} from '#shared/privacy/registry.ts';
import { platformPrivacy } from '../privacy.ts';

export const privacyRegistry: readonly ContextPrivacy[] = [
  customersPrivacy,
  channelsPrivacy,
  analyticsPrivacy,
  platformPrivacy,
  salesPrivacy,
];

/** Every processing activity, by its name, with the context that declares it. */
export const activitiesOf = (
  registry: readonly ContextPrivacy[],
): Map<string, ProcessingActivity & { context: string }> =>
  new Map(
    registry.flatMap(({ context, activities }) =>
      Object.entries(activities).map(([name, activity]) => [name, { ...activity, context }] as const),
    ),
  );

/** Every place personal data is kept, with the context that declares it. */
export const holdingsOf = (registry: readonly ContextPrivacy[]): (DataHolding & { context: string })[] =>
  registry.flatMap(({ context, holdings }) => holdings.map((holding) => ({ ...holding, context })));

/**
 * What is wrong with a registry, in words (none when whole): a location declared twice, an
 * activity declared twice, a holding serving no activity or one that does not exist, personal
 * data held about nobody, or about someone its activities do not concern.
 */
export const registryProblems = (registry: readonly ContextPrivacy[]): string[] => {
  const problems: string[] = [];
  const activityNames = registry.flatMap(({ activities }) => Object.keys(activities));
  for (const name of new Set(activityNames)) {
    if (activityNames.filter((n) => n === name).length > 1) problems.push(`activity ${name} declared twice`);
  }
  const activities = activitiesOf(registry);
  const seen = new Set<string>();
  for (const holding of holdingsOf(registry)) {
    const key = locationKey(holding.where);
    if (seen.has(key)) problems.push(`${key} declared twice`);
    seen.add(key);
    if (holding.activities.length === 0) problems.push(`${key} serves no activity`);
    const served = holding.activities.map((name) => activities.get(name));
    holding.activities.forEach((name, i) => {
      if (!served[i]) problems.push(`${key} serves ${name}, which no context declares`);
    });
    if (holding.categories.length > 0 && holding.subjects.length === 0) {
      problems.push(`${key} holds personal data about nobody`);
    }
    for (const subject of holding.subjects) {
      if (!served.some((activity) => activity?.subjects.includes(subject))) {
        problems.push(`${key} holds data about ${subject}, whom none of its activities concerns`);
      }
    }
  }
  return problems;
};
