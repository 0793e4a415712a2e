/** Follow-up tasks: who gets one, and a change from the version read, by hand. */
import { describe, expect, it } from 'vitest';
import {
  applyTaskUpdate,
  defaultAssigneeId,
  refuseAssignee,
} from '#functions/sales/activities/task-rules.ts';
import type { Task } from '#schemas/sales/task.ts';
import { Conflict, ValidationFailed } from '#shared/errors.ts';
import { advisor, now, openedAt } from './fixtures.ts';

const task: Task = {
  id: 'ta-1',
  customerId: 'cu-000000000001',
  customerName: 'DUPONT Marie',
  branchId: 'br-paris',
  assigneeId: 'st-camille',
  title: 'Envoyer l’offre',
  dueOn: '2026-12-08',
  priority: 'normal',
  status: 'open',
  createdAt: openedAt,
  updatedAt: openedAt,
  createdBy: 'st-camille',
  updatedBy: 'st-camille',
  version: 2,
};

describe('a follow-up task', () => {
  it('goes to the calling advisor, else to the customer’s advisor when the contact centre opens it', () => {
    expect(defaultAssigneeId(advisor, { advisorId: 'st-paul' })).toBe('st-camille');
    const agent = { id: 'st-agent', name: 'Agent', roles: ['service_agent' as const] };
    expect(defaultAssigneeId(agent, { advisorId: 'st-paul' })).toBe('st-paul');
  });

  it('goes only to an advisor or the manager of the customer’s branch', () => {
    const staff = (roles: string[], branchId: string) =>
      ({ id: 's', name: 'S', email: 's@x', roles, branchId }) as never;
    expect(() => refuseAssignee(staff(['advisor'], 'br-paris'), 'br-paris', 'assigneeId')).not.toThrow();
    expect(() =>
      refuseAssignee(staff(['branch_manager'], 'br-paris'), 'br-paris', 'assigneeId'),
    ).not.toThrow();
    expect(() => refuseAssignee(staff(['advisor'], 'br-lyon'), 'br-paris', 'assigneeId')).toThrow(
      ValidationFailed,
    );
    expect(() => refuseAssignee(staff(['service_agent'], 'br-paris'), 'br-paris', 'assigneeId')).toThrow(
      ValidationFailed,
    );
    expect(() => refuseAssignee(undefined, 'br-paris', 'assigneeId')).toThrow(ValidationFailed);
  });

  it('is a conflict carrying the stored version when someone changed it first', () => {
    try {
      applyTaskUpdate(task, { status: 'done' }, advisor, 1, now);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(Conflict);
      expect((error as Conflict).currentVersion).toBe(2);
    }
  });

  it('done keeps the moment it was closed; open again forgets it; one version up each time', () => {
    const { next: done, changed } = applyTaskUpdate(task, { status: 'done' }, advisor, 2, now);
    expect(changed).toEqual(['status']);
    expect(done).toEqual({
      ...task,
      status: 'done',
      closedAt: now,
      updatedAt: now,
      updatedBy: 'st-camille',
      version: 3,
    });
    const later = '2026-12-05T08:00:00.000Z';
    const { next: reopened } = applyTaskUpdate(done, { status: 'open' }, advisor, 3, later);
    expect(reopened).toEqual({ ...task, updatedAt: later, version: 4 });
  });

  it('names no change when the values sent are the stored ones', () => {
    expect(
      applyTaskUpdate(task, { title: 'Envoyer l’offre', priority: 'normal' }, advisor, 2, now).changed,
    ).toEqual([]);
  });
});
