/**
 * Writes the demo bank into the sandbox's table with the same item builders the customers
 * store uses, in bulk (BatchWriteItem, a few requests at a time). Each customer also gets its
 * CustomerCreated event, so the stream publisher and the timeline see the demo data as they
 * would see real customers.
 */
import { BatchWriteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import {
  consentsItem,
  eventItem,
  holdingItem,
  lookupItems,
  profileItem,
  searchTermItems,
} from '#functions/customers/store/customer-items.ts';
import { CustomerCreated } from '#schemas/events/customer-created.ts';
import type { Caller } from '#schemas/roles.ts';
import { documents } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/env.ts';
import { domainEvent } from '#shared/outbox.ts';
import { directoryKeys } from '#shared/table/main-table.ts';
import type { DemoBank } from './demo-bank.ts';

/** BatchWriteItem takes at most 25 items; a few requests in flight keep the emulator busy, not drowned. */
const itemsPerRequest = 25;
const requestsInFlight = 4;

/** Who the demo data's events say acted: the data's import. */
export const seedCaller: Caller = { id: 'seed', name: 'Reprise des données', roles: [] };

/** Whether the sandbox already holds the demo bank (its directory is written last). */
export const isSeeded = async (): Promise<boolean> => {
  const result = await documents.send(
    new GetCommand({
      TableName: tableName('main'),
      Key: { pk: directoryKeys.pk, sk: directoryKeys.seededSk },
    }),
  );
  return result.Item !== undefined;
};

/** Puts `items` in the main table, 25 at a time, retrying what the emulator leaves unprocessed. */
export const writeBatch = async (items: Record<string, unknown>[]) => {
  let requests = items.map((Item) => ({ PutRequest: { Item } }));
  for (let attempt = 0; requests.length > 0; attempt++) {
    if (attempt > 8) throw new Error(`${requests.length} demo items could not be written after 8 retries`);
    const result = await documents.send(
      new BatchWriteCommand({ RequestItems: { [tableName('main')]: requests } }),
    );
    requests = (result.UnprocessedItems?.[tableName('main')] ?? []) as typeof requests;
    if (requests.length > 0) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
  }
};

/** Writes the bank; `onCustomers(n)` is called as customers are written (for a progress bar). */
export const writeDemoBank = async (
  bank: DemoBank,
  onCustomers: (written: number) => void,
): Promise<void> => {
  const directory = [
    ...bank.branches.map((branch) => ({
      pk: directoryKeys.pk,
      sk: directoryKeys.branchSk(branch.id),
      entity: 'branch',
      ...branch,
    })),
    ...bank.staff.map((member) => ({
      pk: directoryKeys.pk,
      sk: directoryKeys.staffSk(member.sub),
      entity: 'staff',
      id: member.sub,
      name: member.name,
      roles: member.roles,
      ...(member.branchId ? { branchId: member.branchId } : {}),
    })),
  ];
  await writeBatch(directory.slice(0, itemsPerRequest));
  for (let i = itemsPerRequest; i < directory.length; i += itemsPerRequest) {
    await writeBatch(directory.slice(i, i + itemsPerRequest));
  }

  // Whole customers per request group, so progress counts customers that are fully written.
  let next = 0;
  let written = 0;
  const worker = async () => {
    while (next < bank.customers.length) {
      const slice = bank.customers.slice(next, next + 5);
      next += slice.length;
      const items = slice.flatMap(({ customer, holdings, consents }) => [
        profileItem(customer),
        consentsItem(customer.id, { items: consents, version: 1 }),
        ...holdings.map((holding) => holdingItem(customer.id, holding)),
        ...lookupItems(customer),
        ...searchTermItems(customer),
        eventItem(
          customer.id,
          domainEvent(
            CustomerCreated,
            {
              customerId: customer.id,
              branchId: customer.branchId,
              advisorId: customer.advisorId,
              kind: customer.kind,
              segment: customer.segment,
            },
            seedCaller,
            customer.createdAt,
          ),
        ),
      ]);
      for (let i = 0; i < items.length; i += itemsPerRequest)
        await writeBatch(items.slice(i, i + itemsPerRequest));
      written += slice.length;
      onCustomers(written);
    }
  };
  await Promise.all(Array.from({ length: requestsInFlight }, worker));
  await documents.send(
    new PutCommand({
      TableName: tableName('main'),
      Item: {
        pk: directoryKeys.pk,
        sk: directoryKeys.seededSk,
        entity: 'seedMarker',
        customers: bank.customers.length,
      },
    }),
  );
};
