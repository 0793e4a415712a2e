/**
 * The retention of customer files on the sandbox: a prospect's file goes 3 years after the last
 * contact that came from them, a customer's 5 years after their relationship ended (AML). The
 * daily sweep finds the files due, lists them in a dry run
 * without touching anything, then opens and confirms one erasure per file, which the erasure job
 * carries out; a prospect who came back is looked at again 3 years after that contact, and a
 * customer's file is never swept. The prospects here are opened through the API, then dated back
 * in the table (the sandbox cannot wait three years).
 */
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { handler as sweep } from '#functions/platform/gdpr/retention-sweeper.ts';
import { lambdaContext } from '#local/lambda/lambda-context.ts';
import type { Customer } from '#schemas/customers/customer.ts';
import type { PrivacyRequest } from '#schemas/platform/privacy-request.ts';
import { documents } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/env.ts';
import { customerCollection, retentionIndexKeys } from '#shared/table/main-table.ts';
import { eventually } from '../support/eventually.ts';
import { sandboxPerFile } from '../support/sandbox.ts';

const { bank, as, staffMember } = sandboxPerFile();

const home = bank.branches[0]!;
const advisor = staffMember('advisor', home.id);
const suffix = Date.now().toString(36);
const context = lambdaContext('retentionSweeper', 900);

/** A new file, opened through the API, dated back to `createdAt` in the table. */
const openedOn = async (kind: Customer['kind'], lastName: string, createdAt: string) => {
  const created = await (await as(advisor)).request<Customer>('POST', '/v1/customers', {
    body: {
      kind,
      firstName: 'Léa',
      lastName: `${lastName}${suffix}`,
      segment: 'mass_market',
      branchId: home.id,
    },
  });
  expect(created.status).toBe(201);
  const id = created.body.id;
  const checkOn = kind === 'prospect' ? shiftedThreeYears(createdAt) : undefined;
  await documents.send(
    new UpdateCommand({
      TableName: tableName('main'),
      Key: { pk: customerCollection.pk(id), sk: customerCollection.profileSk },
      UpdateExpression: checkOn ? 'SET createdAt = :at, byRetentionSk = :sk' : 'SET createdAt = :at',
      ExpressionAttributeValues: {
        ':at': createdAt,
        ...(checkOn ? { ':sk': retentionIndexKeys(id, checkOn).byRetentionSk } : {}),
      },
    }),
  );
  return id;
};
/** The day 3 years after an instant, for the dates used here (none on 29 February). */
const shiftedThreeYears = (at: string) => `${Number(at.slice(0, 4)) + 3}${at.slice(4, 10)}`;

/** Something the prospect did themselves, in their timeline (a visit of the website). */
const visitedOn = (customerId: string, occurredAt: string) =>
  documents.send(
    new PutCommand({
      TableName: tableName('main'),
      Item: {
        pk: customerCollection.pk(customerId),
        sk: customerCollection.timelineSk(occurredAt, `visit-${suffix}`),
        entity: 'activity',
        entry: {
          id: `visit-${suffix}`,
          type: 'Visit',
          source: 'relais.channels',
          occurredAt,
          actor: { id: customerId, name: 'web' },
          detail: { pages: 3 },
        },
      },
    }),
  );

/** The day the sweep looks at a file next (its index key), if ever. */
const nextCheckOf = async (customerId: string) => {
  const { Item } = await documents.send(
    new GetCommand({
      TableName: tableName('main'),
      Key: { pk: customerCollection.pk(customerId), sk: customerCollection.profileSk },
    }),
  );
  return typeof Item?.byRetentionSk === 'string' ? Item.byRetentionSk.slice(0, 10) : undefined;
};

const requestsAbout = async (customerId: string) =>
  (
    await (
      await as('privacy_officer')
    ).request<{ items: PrivacyRequest[] }>('GET', '/v1/privacy/requests?state=all')
  ).body.items.filter((request) => request.customerId === customerId);

describe('the retention of customer files', () => {
  it('erases a prospect 3 years after their last own contact, once, after a dry run that only lists them', async () => {
    // Prepare: a prospect who never came back (only the bank edited the file since), a prospect
    // who visited the website in January 2025, and a customer as old
    const silent = await openedOn('prospect', 'Silencieuse', '2022-06-01T14:00:00.000Z');
    const edit = await (await as(advisor)).request('PATCH', `/v1/customers/${silent}`, {
      body: { firstName: 'Léna', version: 1 },
    });
    expect(edit.status).toBe(200);
    const returning = await openedOn('prospect', 'Revenue', '2022-06-01T14:00:00.000Z');
    await visitedOn(returning, '2025-01-15T09:00:00.000Z');
    const customer = await openedOn('individual', 'Cliente', '2015-03-02T10:00:00.000Z');
    // … and two customers of the bank whose relationships ended: in March 2020 and in January 2024
    const [longGone, recentlyGone] = bank.customers
      .map((c) => c.customer)
      .filter((c) => c.kind !== 'prospect' && c.branchId === home.id && c.createdAt < '2019-01-01');
    const compliance = await as('compliance_officer');
    for (const [gone, endedOn] of [
      [longGone!, '2020-03-02'],
      [recentlyGone!, '2024-01-10'],
    ] as const) {
      const recorded = await compliance.request('PUT', `/v1/customers/${gone.id}/relationship`, {
        body: { endedOn, reason: 'Tous les comptes clôturés', version: gone.version },
      });
      expect(recorded.status).toBe(200);
    }
    const today = new Date().toISOString().slice(0, 10);

    // Act: a dry run, then two runs in a row (a retried schedule)
    const dryRun = await sweep({ dryRun: true }, context);
    const requestsAfterDryRun = await requestsAbout(silent);
    const checkAfterDryRun = await nextCheckOf(returning);
    const first = await sweep({}, context);
    const second = await sweep({}, context);

    // Assess: the dry run lists the silent prospect only, and opens nothing
    const dueIds = dryRun.due.map((file) => file.customerId);
    expect(dueIds).toContain(silent);
    expect(dueIds).not.toContain(returning);
    expect(dueIds).not.toContain(customer);
    expect(dryRun.due.find((file) => file.customerId === longGone!.id)).toMatchObject({
      dueOn: '2025-03-02',
      relationshipEndedOn: '2020-03-02',
    });
    expect(dueIds).not.toContain(recentlyGone!.id);
    expect(dryRun.due.find((file) => file.customerId === silent)).toMatchObject({ dueOn: '2025-06-01' });
    expect(requestsAfterDryRun).toEqual([]);
    expect(checkAfterDryRun).toBe('2025-06-01');
    // … the runs open one erasure, confirmed by the sweep, which the job carries out
    expect(first.due.map((file) => file.customerId)).toContain(silent);
    expect(second.alreadyUnderWay).toBeGreaterThanOrEqual(1);
    const [request, ...others] = await requestsAbout(silent);
    expect(others).toEqual([]);
    expect(request).toMatchObject({
      kind: 'erasure',
      customerKind: 'prospect',
      receivedOn: today,
      openedBy: { id: 'system:retentionSweeper' },
      retention: { dueOn: '2025-06-01' },
    });
    const done = await eventually(
      async () => (await requestsAbout(silent))[0],
      (found) => found?.state === 'completed' || found?.state === 'failed',
      150_000,
    );
    expect(done?.erasureReport?.scope).toBe('entirely');
    const api = await as(advisor);
    expect((await api.request('GET', `/v1/customers/${silent}`)).status).toBe(404);
    expect((await api.request('GET', `/v1/customers/${returning}`)).status).toBe(200);
    expect((await api.request('GET', `/v1/customers/${customer}`)).status).toBe(200);
    // … the customer whose relationship ended over 5 years ago goes entirely, the other stays
    const goneDone = await eventually(
      async () => (await requestsAbout(longGone!.id))[0],
      (found) => found?.state === 'completed' || found?.state === 'failed',
      150_000,
    );
    expect(goneDone?.erasureReport?.scope).toBe('entirely');
    expect(goneDone?.retention).toEqual({ dueOn: '2025-03-02', relationshipEndedOn: '2020-03-02' });
    expect((await api.request('GET', `/v1/customers/${longGone!.id}`)).status).toBe(404);
    expect((await api.request('GET', `/v1/customers/${recentlyGone!.id}`)).status).toBe(200);
    // … and the prospect who came back is looked at again 3 years after their visit
    expect(await nextCheckOf(returning)).toBe('2028-01-15');
    const beforeThen = await sweep({ dryRun: true, asOf: '2028-01-14' }, context);
    expect(beforeThen.due.map((file) => file.customerId)).not.toContain(returning);
    const then = await sweep({ dryRun: true, asOf: '2028-01-15' }, context);
    expect(then.due.find((file) => file.customerId === returning)).toMatchObject({
      dueOn: '2028-01-15',
      lastContactAt: '2025-01-15T09:00:00.000Z',
    });
    expect(then.due.map((file) => file.customerId)).not.toContain(customer);
  }, 240_000);
});
