/**
 * Activities and meeting reports through the local HTTP API against the emulator, as advisors
 * and the contact centre use them: a meeting report whose next steps open follow-up tasks, once
 * per Idempotency-Key; its correction by a new version that leaves the first as it was and opens
 * only the new next steps' tasks; tasks done from the version read, listed by assignee and due
 * day; calls logged into the customer's history; the 360° file's open tasks and latest report;
 * and another branch's customer refused as if it did not exist.
 */
import { describe, expect, it } from 'vitest';
import type { Customer360 } from '#schemas/customers/customer-360.ts';
import type { TimelineEntry } from '#schemas/customers/timeline.ts';
import type { MeetingReport } from '#schemas/sales/meeting-report.ts';
import type { Task } from '#schemas/sales/task.ts';
import { eventually } from '../support/eventually.ts';
import { sandboxPerFile } from '../support/sandbox.ts';

const { bank, as, staffMember } = sandboxPerFile();

const [home, other] = bank.branches;
const advisor = staffMember('advisor', home!.id);
const otherAdvisor = staffMember('advisor', other!.id);
const homeCustomers = bank.customers.map((c) => c.customer).filter((c) => c.branchId === home!.id);
const otherCustomer = bank.customers.map((c) => c.customer).find((c) => c.branchId === other!.id)!;

type Problem = { status: number; errors?: { field: string; message: string }[]; currentVersion?: number };
type Page = { items: Task[]; nextCursor?: string };

const report = {
  meetingAt: '2026-12-01T09:30:00.000Z',
  channel: 'branch',
  notes: 'Mme souhaite changer de voiture au printemps ; budget 20 000 €.',
  productsDiscussed: ['pret-auto', 'livret-a'],
  needs: 'Financer un véhicule, garder une épargne de précaution',
  nextSteps: [
    { title: 'Envoyer une offre de crédit auto', dueOn: '2026-12-08' },
    { title: 'Rappeler après le salon auto', dueOn: '2027-01-20' },
  ],
};

const write = async (
  customerId: string,
  body: unknown = report,
  headers?: Record<string, string>,
  caller = advisor,
) =>
  (await as(caller)).request<MeetingReport & Problem>('POST', `/v1/customers/${customerId}/meeting-reports`, {
    body,
    ...(headers ? { headers } : {}),
  });
const openTasks = async (assigneeId = advisor.sub, extra = '') =>
  (await (await as(advisor)).request<Page>('GET', `/v1/tasks?assigneeId=${assigneeId}&limit=100${extra}`))
    .body.items;
const historyWith = async (customerId: string, type: string) =>
  eventually(
    async () =>
      (
        await (
          await as(advisor)
        ).request<{ items: TimelineEntry[] }>('GET', `/v1/customers/${customerId}/timeline`)
      ).body.items,
    (items) => items.some((entry) => entry.type === type),
  );

describe('a meeting report', () => {
  it('opens a follow-up task per next step, once per Idempotency-Key, and shows in the file', async () => {
    const customer = homeCustomers[0]!;
    const key = { 'Idempotency-Key': `report-${customer.id}` };
    const written = await write(customer.id, report, key);
    expect(written.status, JSON.stringify(written.body)).toBe(201);
    expect(written.body).toMatchObject({ version: 1, latest: { version: 1, writtenBy: advisor.sub } });
    expect(written.body.versions).toHaveLength(1);
    expect(written.body.latest.followUpTaskIds).toHaveLength(2);
    expect((await write(customer.id, report, key)).body.id).toBe(written.body.id);

    const mine = (await openTasks()).filter((task) => task.customerId === customer.id);
    expect(mine.map((task) => [task.title, task.dueOn, task.fromReport])).toEqual([
      ['Envoyer une offre de crédit auto', '2026-12-08', { reportId: written.body.id, version: 1 }],
      ['Rappeler après le salon auto', '2027-01-20', { reportId: written.body.id, version: 1 }],
    ]);
    const file = await (await as(advisor)).request<Customer360>('GET', `/v1/customers/${customer.id}/360`);
    expect(file.body.openTasks?.map((task) => task.title)).toEqual([
      'Envoyer une offre de crédit auto',
      'Rappeler après le salon auto',
    ]);
    expect(file.body.latestMeetingReport).toMatchObject({
      id: written.body.id,
      version: 1,
      needs: 'Financer un véhicule, garder une épargne de précaution',
    });
    // The contact centre sees the tasks, not the report.
    const agent = await (await as('service_agent')).request<Customer360>(
      'GET',
      `/v1/customers/${customer.id}/360`,
    );
    expect(agent.body.openTasks).toHaveLength(2);
    expect(agent.body.latestMeetingReport).toBeUndefined();
    const history = await historyWith(customer.id, 'MeetingReported');
    expect(history.filter((entry) => entry.type === 'ActivityLogged')).toHaveLength(2);
  });

  it('is corrected by a new version from the version read: the first stays, only new next steps open tasks', async () => {
    const customer = homeCustomers[1]!;
    const { body: first } = await write(customer.id);
    const path = `/v1/customers/${customer.id}/meeting-reports/${first.id}/versions`;
    const api = await as(advisor);
    const correction = {
      ...report,
      needs: 'Financer un véhicule électrique',
      nextSteps: [...report.nextSteps, { title: 'Simuler un LDDS', dueOn: '2026-12-15' }],
      reason: 'Le client a précisé son projet',
    };
    const second = await api.request<MeetingReport & Problem>('POST', path, {
      body: { ...correction, version: 1 },
    });
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    expect(second.body.latest).toMatchObject({
      version: 2,
      needs: 'Financer un véhicule électrique',
      reason: 'Le client a précisé son projet',
    });
    expect(second.body.latest.followUpTaskIds).toHaveLength(1);
    expect(second.body.versions.map((version) => [version.version, version.needs])).toEqual([
      [1, 'Financer un véhicule, garder une épargne de précaution'],
      [2, 'Financer un véhicule électrique'],
    ]);
    // Someone who read version 1 cannot correct over version 2.
    const stale = await api.request<Problem>('POST', path, { body: { ...correction, version: 1 } });
    expect(stale.status).toBe(409);
    expect(stale.body.currentVersion).toBe(2);
    const read = await api.request<MeetingReport>(
      'GET',
      `/v1/customers/${customer.id}/meeting-reports/${first.id}`,
    );
    expect(read.body.versions).toHaveLength(2);
    expect(read.body.versions[0]).toEqual(first.latest);
    expect((await openTasks()).filter((task) => task.customerId === customer.id)).toHaveLength(3);
  });

  it('refuses a next step for another branch’s advisor, saving nothing, and another branch’s customer', async () => {
    const customer = homeCustomers[2]!;
    const refused = await write(customer.id, {
      ...report,
      nextSteps: [{ title: 'Passer le relais', dueOn: '2026-12-20', assigneeId: otherAdvisor.sub }],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      {
        field: 'nextSteps.0.assigneeId',
        message: "the task goes to an advisor or the manager of the customer's branch",
      },
    ]);
    expect((await openTasks()).filter((task) => task.customerId === customer.id)).toHaveLength(0);
    expect((await write(otherCustomer.id)).status).toBe(404);
    const elsewhere = await (await as(otherAdvisor)).request(
      'GET',
      `/v1/customers/${customer.id}/meeting-reports/mr-x`,
    );
    expect(elsewhere.status).toBe(404);
  });
});

describe('a follow-up task', () => {
  it('is done from the version read, leaves the open list for the done one, and lists by due day', async () => {
    const customer = homeCustomers[3]!;
    const api = await as(advisor);
    const create = (title: string, dueOn: string) =>
      api.request<Task & Pick<Problem, 'errors'>>('POST', `/v1/customers/${customer.id}/tasks`, {
        body: { title, dueOn },
      });
    const overdue = (await create('Relancer pour les justificatifs', '2026-11-02')).body;
    const later = (await create('Point annuel', '2027-03-01')).body;
    expect(overdue).toMatchObject({
      assigneeId: advisor.sub,
      status: 'open',
      priority: 'normal',
      version: 1,
    });
    const dueByToday = await openTasks(advisor.sub, `&dueBy=${new Date().toISOString().slice(0, 10)}`);
    expect(dueByToday.map((task) => task.id)).toContain(overdue.id);
    expect(dueByToday.map((task) => task.id)).not.toContain(later.id);

    const path = `/v1/customers/${customer.id}/tasks/${overdue.id}`;
    const done = await api.request<Task>('PATCH', path, { body: { status: 'done', version: 1 } });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'done', version: 2 });
    expect(done.body.closedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(
      (await api.request<Problem>('PATCH', path, { body: { priority: 'high', version: 1 } })).status,
    ).toBe(409);
    expect((await openTasks()).map((task) => task.id)).not.toContain(overdue.id);
    expect((await openTasks(advisor.sub, '&status=done')).map((task) => task.id)).toContain(overdue.id);
  });

  it('goes to the customer’s advisor when the contact centre opens it; never to another branch', async () => {
    const customer = homeCustomers.find((c) => c.advisorId !== undefined)!;
    const agent = await as('service_agent');
    const task = await agent.request<Task & Pick<Problem, 'errors'>>(
      'POST',
      `/v1/customers/${customer.id}/tasks`,
      {
        body: { title: 'Rappeler la cliente : question sur sa carte', dueOn: '2026-12-07', priority: 'high' },
      },
    );
    expect(task.status, JSON.stringify(task.body)).toBe(201);
    expect(task.body.assigneeId).toBe(customer.advisorId);
    const elsewhere = await (await as(advisor)).request<Problem>(
      'POST',
      `/v1/customers/${customer.id}/tasks`,
      {
        body: { title: 'Passer le relais', dueOn: '2026-12-07', assigneeId: otherAdvisor.sub },
      },
    );
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.errors?.[0]?.field).toBe('assigneeId');
    const otherBranch = await (await as(advisor)).request('POST', `/v1/customers/${otherCustomer.id}/tasks`, {
      body: { title: 'x', dueOn: '2026-12-07' },
    });
    expect(otherBranch.status).toBe(404);
    const otherList = await (await as(advisor)).request('GET', `/v1/tasks?branchId=${other!.id}`);
    expect(otherList.status).toBe(404);
  });
});

describe('a logged call', () => {
  it('goes in the customer’s history with its subject and summary, as it was logged', async () => {
    const customer = homeCustomers[4]!;
    const logged = await (await as('service_agent')).request<{ id: string } & Problem>(
      'POST',
      `/v1/customers/${customer.id}/activities`,
      {
        body: {
          kind: 'call',
          direction: 'inbound',
          occurredAt: '2026-12-02T14:05:00.000Z',
          subject: 'Opposition sur carte',
          summary: 'Carte perdue, opposition faite, nouvelle carte commandée',
        },
      },
    );
    expect(logged.status).toBe(201);
    const history = await historyWith(customer.id, 'ActivityLogged');
    expect(history.find((entry) => entry.type === 'ActivityLogged')?.detail).toMatchObject({
      activityId: logged.body.id,
      kind: 'call',
      direction: 'inbound',
      subject: 'Opposition sur carte',
      summary: 'Carte perdue, opposition faite, nouvelle carte commandée',
    });
  });
});
