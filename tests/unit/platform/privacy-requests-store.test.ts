/**
 * Reading the requests stored before an erasure's plan and report were said in English and
 * French: their texts, plain English strings, are read as `{ en, fr }` with that string in both
 * (they are kept 5 years); what is stored now is read as it is, and the schema still refuses what
 * is neither. DynamoDB is mocked with an item written by hand as the store wrote it then.
 */
import { DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { getRequest, listRequests } from '#functions/platform/gdpr/store/privacy-requests-store.ts';
import { envName } from '#infra/declaration/functions.ts';

const documents = mockClient(DynamoDBDocumentClient);
Object.assign(process.env, { [envName.table('main')]: 'main' });

/** A completed erasure of a customer under the AML retention, as stored before `{ en, fr }`. */
const storedBefore = {
  pk: 'PRIVACYREQUESTS',
  sk: 'REQUEST#pr-mh1x2k3l-4a5b6c7d',
  entity: 'privacyRequest',
  id: 'pr-mh1x2k3l-4a5b6c7d',
  kind: 'erasure',
  customerId: 'cu-0nz4hyvxwx21',
  customerName: 'MARÉCHAL Hervé',
  customerKind: 'individual',
  receivedOn: '2026-12-02',
  dueOn: '2027-01-02',
  state: 'completed',
  progress: { done: 4, total: 4 },
  openedBy: { id: 'sub-dpo', name: 'Mathilde Perrin' },
  erasurePlan: {
    scope: 'exceptHeld',
    erase: [{ location: 'item main/consents', what: 'the customer’s consents per channel and purpose' }],
    keep: [
      {
        location: 'item main/customer',
        what: 'the customer’s profile: names, birth date',
        why: 'identity of a customer (CMF L561-12) (active relationship)',
      },
    ],
    expire: [{ location: 'busArchive', what: 'every event put on the bus', within: '30 days' }],
  },
  confirmedBy: { id: 'sub-dpo', name: 'Mathilde Perrin', at: '2026-12-02T10:20:00.000Z' },
  erasureReport: {
    scope: 'exceptHeld',
    erasedAt: '2026-12-02T10:22:00.000Z',
    removed: [
      { location: 'item main/consents', what: 'the customer’s consents per channel and purpose', count: 1 },
    ],
    kept: [
      {
        location: 'item main/customer',
        what: 'the customer’s profile: names, birth date',
        why: 'identity of a customer (CMF L561-12) (active relationship)',
      },
    ],
    expiring: [{ location: 'busArchive', what: 'every event put on the bus', within: '30 days' }],
  },
  createdAt: '2026-12-02T10:15:00.000Z',
  updatedAt: '2026-12-02T10:22:00.000Z',
  version: 4,
  expiresAt: 1_938_414_120,
};

/** The same text in both languages, as an upgraded request says it. */
const both = (text: string) => ({ en: text, fr: text });

beforeEach(() => {
  documents.reset();
});

describe('a request stored before its texts were said in two languages', () => {
  it('is read with each text of its plan and report in both languages, the rest as stored', async () => {
    // Prepare
    documents.on(GetCommand).resolves({ Item: storedBefore });

    // Act
    const request = await getRequest(storedBefore.id);

    // Assess
    expect(request?.erasurePlan).toEqual({
      scope: 'exceptHeld',
      erase: [
        { location: 'item main/consents', what: both('the customer’s consents per channel and purpose') },
      ],
      keep: [
        {
          location: 'item main/customer',
          what: both('the customer’s profile: names, birth date'),
          why: both('identity of a customer (CMF L561-12) (active relationship)'),
        },
      ],
      expire: [{ location: 'busArchive', what: both('every event put on the bus'), within: both('30 days') }],
    });
    expect(request?.erasureReport).toEqual({
      scope: 'exceptHeld',
      erasedAt: '2026-12-02T10:22:00.000Z',
      removed: [
        {
          location: 'item main/consents',
          what: both('the customer’s consents per channel and purpose'),
          count: 1,
        },
      ],
      kept: [
        {
          location: 'item main/customer',
          what: both('the customer’s profile: names, birth date'),
          why: both('identity of a customer (CMF L561-12) (active relationship)'),
        },
      ],
      expiring: [
        { location: 'busArchive', what: both('every event put on the bus'), within: both('30 days') },
      ],
    });
    expect(request).toMatchObject({ id: storedBefore.id, state: 'completed', version: 4 });
  });

  it('is upgraded in the list too, beside a request stored today, which is read as it is', async () => {
    // Prepare
    const storedNow = {
      ...storedBefore,
      sk: 'REQUEST#pr-mh1x2k3l-9e8f7a6b',
      id: 'pr-mh1x2k3l-9e8f7a6b',
      dueOn: '2027-01-03',
      state: 'awaitingConfirmation',
      erasurePlan: {
        scope: 'entirely',
        erase: [
          {
            location: 'item main/consents',
            what: { en: 'the customer’s consents', fr: 'les consentements du client' },
          },
        ],
        keep: [],
        expire: [
          {
            location: 'busArchive',
            what: { en: 'every event put on the bus', fr: 'chaque événement déposé sur le bus' },
            within: { en: '30 days', fr: 'dans les 30 jours' },
          },
        ],
      },
      confirmedBy: undefined,
      erasureReport: undefined,
    };
    documents.on(QueryCommand).resolves({ Items: [storedNow, storedBefore] });

    // Act
    const [before, now] = await listRequests();

    // Assess
    expect(before?.erasureReport?.kept[0]?.why).toEqual(
      both('identity of a customer (CMF L561-12) (active relationship)'),
    );
    expect(now?.erasurePlan).toEqual(storedNow.erasurePlan);
    expect(now?.erasureReport).toBeUndefined();
  });

  it('is still refused when a text is neither a string nor said in both languages', async () => {
    // Prepare
    documents.on(GetCommand).resolves({
      Item: {
        ...storedBefore,
        erasurePlan: { ...storedBefore.erasurePlan, erase: [{ location: 'item main/consents', what: 42 }] },
      },
    });

    // Act, Assess
    await expect(getRequest(storedBefore.id)).rejects.toThrow();
  });
});
