/**
 * An erasure's report, pure: the plan the officer confirmed, with what each place's eraser
 * removed. A place the plan erases that no eraser reported on fails the erasure — a new item
 * type registered as erased must come with its eraser — rather than report it done.
 */
import type { ErasurePlan } from '#functions/platform/gdpr/domain/erasure-plan.ts';
import type { ErasureReport } from '#schemas/platform/privacy-request.ts';

/** The item types of the main table an erasure plan removes (`item main/<type>`). */
export const itemTypesErased = (plan: ErasurePlan): Set<string> =>
  new Set(
    plan.erase.flatMap((place) =>
      place.location.startsWith('item main/') ? [place.location.slice('item main/'.length)] : [],
    ),
  );

/** The report of an erasure that removed `removed` (counts by location key) at `erasedAt`. */
export const erasureReport = (
  plan: ErasurePlan,
  removed: ReadonlyMap<string, number>,
  erasedAt: string,
): ErasureReport => {
  const unhandled = plan.erase.filter((place) => !removed.has(place.location));
  if (unhandled.length > 0) {
    throw new Error(
      `the erasure has no eraser for ${unhandled.map((place) => place.location).join(', ')}; nothing is reported done`,
    );
  }
  return {
    scope: plan.scope,
    erasedAt,
    removed: plan.erase.map((place) => ({ ...place, count: removed.get(place.location) ?? 0 })),
    kept: plan.keep,
    expiring: plan.expire,
  };
};
