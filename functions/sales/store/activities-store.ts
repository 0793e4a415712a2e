/**
 * Activities in the main table. A logged call or e-mail is its event in the customer's timeline,
 * nothing else. Follow-up tasks are members of the customer's item collection (`P#TASK#`, so the
 * 360° file reads the open ones with the rest), indexed under their assignee and their branch per
 * status and due day (`taskIndexKeys`, `#shared/table/main-table.ts`). Each write goes with its
 * events in one transaction; a change is conditioned on the version read.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { eventItem } from '#functions/customers/access.ts';
import { Task, type TaskStatus } from '#schemas/sales/task.ts';
import { documents } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/env.ts';
import type { OutboxEvent } from '#shared/outbox.ts';
import { customerCollection, taskIndexKeys, taskIndexPartitions } from '#shared/table/main-table.ts';
import { writeTogether } from '#shared/transactions.ts';
import { indexPage } from './index-page.ts';

const table = () => tableName('main');

type Event = OutboxEvent & { eventId: string };

export const taskItem = (task: Task) => ({
  pk: customerCollection.pk(task.customerId),
  sk: customerCollection.taskSk(task.id),
  entity: 'task',
  ...task,
  ...taskIndexKeys(task),
});

/** The puts of new tasks and their events, for a transaction (a meeting report's follow-ups go in its own). */
export const newTaskWrites = (tasks: readonly { task: Task; event: Event }[]) =>
  tasks.flatMap(({ task, event }) => [
    { Put: { TableName: table(), Item: taskItem(task), ConditionExpression: 'attribute_not_exists(pk)' } },
    { Put: { TableName: table(), Item: eventItem(task.customerId, event) } },
  ]);

/** Writes a new task and its event; false if one of that id exists already. */
export const addTask = (task: Task, event: Event) => writeTogether(newTaskWrites([{ task, event }]));

/** Writes events alone in the customer's timeline (a logged call or e-mail is its event). */
export const addEvents = (customerId: string, events: readonly Event[]) =>
  writeTogether(events.map((event) => ({ Put: { TableName: table(), Item: eventItem(customerId, event) } })));

/** Replaces the task if it is still at `previous.version`; false when someone changed it first. */
export const replaceTask = (previous: Task, next: Task, events: readonly Event[]) =>
  writeTogether([
    {
      Put: {
        TableName: table(),
        Item: taskItem(next),
        ConditionExpression: 'version = :expected',
        ExpressionAttributeValues: { ':expected': previous.version },
      },
    },
    ...events.map((event) => ({ Put: { TableName: table(), Item: eventItem(next.customerId, event) } })),
  ]);

export const getTask = async (customerId: string, taskId: string): Promise<Task | undefined> => {
  const { Item } = await documents.send(
    new GetCommand({
      TableName: table(),
      Key: { pk: customerCollection.pk(customerId), sk: customerCollection.taskSk(taskId) },
    }),
  );
  return Item ? Task.parse(Item) : undefined;
};

export type TaskList = {
  of: { assigneeId: string } | { branchId: string };
  status: TaskStatus;
  /** Only the tasks due on this day or before. */
  dueBy?: string | undefined;
};

/** A page of an assignee's or a branch's tasks in a status, soonest due first. */
export const listTasks = async (
  list: TaskList,
  cursor: string | undefined,
  limit: number,
): Promise<{ items: Task[]; nextCursor?: string }> => {
  return indexPage(
    {
      index: 'assigneeId' in list.of ? 'byOwnerAndStage' : 'byBranchAndStage',
      partition:
        'assigneeId' in list.of
          ? taskIndexPartitions.assignee(list.of.assigneeId, list.status)
          : taskIndexPartitions.branch(list.of.branchId, list.status),
      ...(list.dueBy ? { to: `${list.dueBy}#\uffff` } : {}),
    },
    (item) => Task.parse(item),
    cursor,
    limit,
  );
};
