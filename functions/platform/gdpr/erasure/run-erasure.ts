/**
 * The erasure job (GDPR art. 17), for a request whose plan the officer confirmed:
 * 1. `file` — the tombstones first (the customer's id and their linked visitor ids: from then on,
 *    no writer brings them back), then what the plan erases of the main table — the look-ups and
 *    the visitor links outside the collection, then the collection's members — the idempotency
 *    answers that name them and their earlier exports;
 * 2. `lake` — once every archiver batch begun before the tombstones has ended (one that read
 *    them before they were written may still write a row), their rows, raw and curated
 *    (`eraseLakeRowsAbout`);
 * 3. `report` — what went, where, what was kept and why; the request `completed`, and
 *    `CustomerErased` published.
 * Run again (a retry, a redelivered message), each step finds what is left and removes it; the
 * tombstone, written once, keeps the visitor ids a retry would no longer find in the file.
 */

import { eraseLakeRowsAbout } from '#functions/analytics/access.ts';
import { eraseVisitorLinks, listLinks } from '#functions/channels/access.ts';
import { eraseLookups } from '#functions/customers/access.ts';
import { CustomerErased } from '#schemas/events/customer-erased.ts';
import type { PrivacyRequest } from '#schemas/platform/privacy-request.ts';
import { tableName } from '#shared/env.ts';
import { domainEvent } from '#shared/outbox.ts';
import { type CustomerTombstone, customerTombstone, tombstoneItems } from '#shared/privacy/tombstones.ts';
import { secretValue } from '#shared/secrets.ts';
import { putAll } from '#shared/write-all.ts';
import { advance, jobActor, jobSteps } from '../domain/privacy-requests.ts';
import { completeErasure, listRequests, requestOfJob, saveFromJob } from '../store/privacy-requests-store.ts';
import { eraseCollectionMembers, eraseExports, eraseIdempotencyAnswers } from './erase-stores.ts';
import { erasureReport, itemTypesErased } from './erasure-report.ts';

/** How long a tombstone is kept (DynamoDB TTL): as long as the request that proves the erasure. */
const tombstoneYears = 5;

/** The customer's tombstone: the one a first run wrote, or a new one with their linked visitor ids. */
const tombstoneOf = async (request: PrivacyRequest, now: Date): Promise<CustomerTombstone> => {
  const existing = await customerTombstone(request.customerId);
  if (existing) return existing;
  const tombstone: CustomerTombstone = {
    id: request.customerId,
    erasedAt: now.toISOString(),
    requestId: request.id,
    anonymousIds: (await listLinks(request.customerId)).map((link) => link.anonymousId),
  };
  const expiresAt = Math.floor(now.getTime() / 1000) + tombstoneYears * 366 * 86_400;
  await putAll(
    tableName('main'),
    tombstoneItems(tombstone).map((item) => ({ ...item, expiresAt })),
  );
  return tombstone;
};

/** Removes what the plan erases of the operational stores; counts by location. */
const eraseStores = async (
  request: PrivacyRequest,
  tombstone: CustomerTombstone,
  itemTypes: ReadonlySet<string>,
): Promise<Map<string, number>> => {
  const removed = new Map<string, number>();
  // Outside the collection first: the look-ups are read from the profile, which may go next.
  if (itemTypes.has('lookup')) removed.set('item main/lookup', await eraseLookups(request.customerId));
  if (itemTypes.has('identityLink')) {
    removed.set(
      'item main/identityLink',
      await eraseVisitorLinks(request.customerId, tombstone.anonymousIds),
    );
  }
  for (const [type, count] of await eraseCollectionMembers(request.customerId, itemTypes)) {
    if (type !== 'lookup' && type !== 'identityLink') removed.set(`item main/${type}`, count);
  }
  removed.set('table idempotency', await eraseIdempotencyAnswers(request.customerId));
  const accessRequests = (await listRequests()).filter(
    (other) => other.customerId === request.customerId && other.kind === 'access',
  );
  removed.set('bucket privacyExports', await eraseExports(accessRequests.map((other) => other.id)));
  return removed;
};

export const runErasure = async (requestId: string, now: () => Date = () => new Date()): Promise<void> => {
  let request = await requestOfJob(requestId);
  if (request.kind !== 'erasure' || request.state === 'completed') return;
  const plan = request.erasurePlan;
  if (!plan || !request.confirmedBy) throw new Error(`erasure request ${requestId} was not confirmed`);
  const steps = jobSteps.erasure;

  request = await saveFromJob(advance(request, { state: 'inProgress', done: 0, step: steps[0] }, now()));
  const tombstone = await tombstoneOf(request, now());
  // An archiver batch begun before now may not have seen the tombstone: the lake waits for it.
  const tombstonesWritten = now();
  const removed = await eraseStores(request, tombstone, itemTypesErased(plan));

  request = await saveFromJob(advance(request, { state: 'inProgress', done: 1, step: steps[1] }, now()));
  const lake = await eraseLakeRowsAbout(
    { customerId: request.customerId, anonymousIds: tombstone.anonymousIds },
    await secretValue('pseudonymKey'),
    tombstonesWritten,
  );
  removed.set('lakeTable raw_events', lake.rows.raw);
  removed.set('lakeTable events', lake.rows.curated);
  removed.set('bucket lake', lake.filesDestroyed);

  request = await saveFromJob(advance(request, { state: 'inProgress', done: 2, step: steps[2] }, now()));
  const report = erasureReport(plan, removed, tombstone.erasedAt);
  const completed = {
    ...advance(request, { state: 'completed', done: steps.length }, now()),
    erasureReport: report,
  };
  await completeErasure(
    completed,
    domainEvent(
      CustomerErased,
      { requestId: completed.id, customerId: completed.customerId, scope: report.scope },
      jobActor,
      completed.updatedAt,
    ),
  );
};
