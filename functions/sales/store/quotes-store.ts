/**
 * A deal's quotes in the main table: members of the customer's item collection, in its documents
 * band (`1#QUOTE#<deal id>#<number>`, `#shared/table/main-table.ts`), so the 360° file never reads
 * them. A quote is written once, with the deal's next version (its quote count) and its event in
 * one transaction: two advisors issuing at the same moment cannot both take a number.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Opportunity } from '#schemas/sales/opportunity.ts';
import { Quote } from '#schemas/sales/quote.ts';
import { documents } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/env.ts';
import type { OutboxEvent } from '#shared/outbox.ts';
import { queryAll } from '#shared/query-all.ts';
import { customerCollection } from '#shared/table/main-table.ts';
import { replaceOpportunity } from './opportunities-store.ts';

const table = () => tableName('main');

/** Writes the quote, the deal that counts it and its event; false when the deal changed first. */
export const addQuote = (
  previous: Opportunity,
  next: Opportunity,
  quote: Quote,
  event: OutboxEvent & { eventId: string },
) =>
  replaceOpportunity(
    previous,
    next,
    [event],
    [
      {
        pk: customerCollection.pk(quote.customerId),
        sk: customerCollection.quoteSk(quote.opportunityId, quote.number),
        entity: 'quote',
        ...quote,
      },
    ],
  );

/** A deal's quotes, the first one first. */
export const listQuotes = async (customerId: string, opportunityId: string): Promise<Quote[]> => {
  const items = await queryAll({
    TableName: table(),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :quotes)',
    ExpressionAttributeValues: {
      ':pk': customerCollection.pk(customerId),
      ':quotes': customerCollection.quotePrefix(opportunityId),
    },
  });
  return items.map((item) => Quote.parse(item));
};

export const getQuote = async (
  customerId: string,
  opportunityId: string,
  number: number,
): Promise<Quote | undefined> => {
  const { Item } = await documents.send(
    new GetCommand({
      TableName: table(),
      Key: { pk: customerCollection.pk(customerId), sk: customerCollection.quoteSk(opportunityId, number) },
    }),
  );
  return Item ? Quote.parse(Item) : undefined;
};
