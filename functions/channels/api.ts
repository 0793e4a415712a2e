/**
 * The channels context over HTTP: event ingestion (authenticated by a channel's write key, not
 * a user), write key management, custom event schemas, and the identity links of a customer.
 */
import { randomBytes } from 'node:crypto';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { channelRoutes } from '#schemas/channels/routes.ts';
import type { WriteKey, WriteKeyWithSecret } from '#schemas/channels/write-key.ts';
import { NotFound } from '#shared/errors.ts';
import { httpApi, withStatus } from '#shared/http/api.ts';
import { onceByKey } from '#shared/http/idempotency.ts';
import { metrics } from '#shared/observability.ts';
import {
  looksLikeWriteKey,
  newWriteKey,
  newWriteKeySecret,
  revoked,
  rotated,
  type StoredWriteKey,
} from './domain/write-keys.ts';
import { identitiesOf, unlinkVisitor } from './identity-links.ts';
import { ingestEvents } from './ingest-events.ts';
import { listEventSchemas, registerEventSchema } from './store/event-schemas-store.ts';
import {
  authenticate,
  getWriteKey,
  insertWriteKey,
  listWriteKeys,
  replaceWriteKey,
} from './store/write-keys-store.ts';

const newKeyId = () =>
  `wk-${randomBytes(9)
    .toString('base64url')
    .replace(/[^A-Za-z0-9]/g, '0')}`;

/** The public record: never the hash, never the secret. */
const publicKey = ({ keyHash: _hash, ...key }: StoredWriteKey): WriteKey => key;

/** A new key with its secret, shown this once. */
const withSecret = (key: StoredWriteKey, secret: string): WriteKeyWithSecret => ({
  ...publicKey(key),
  key: secret,
});

const existingKey = async (id: string): Promise<StoredWriteKey> => {
  const key = await getWriteKey(id);
  if (!key) throw new NotFound('This write key');
  return key;
};

/** The channel of a usable write key; a refusal is counted (a spike means a leaked or old key). */
const authenticateWriteKey = async (secret: string | undefined) => {
  const writeKey = looksLikeWriteKey(secret) ? await authenticate(secret) : undefined;
  if (!writeKey) metrics.addMetric('IngestRefusedWriteKey', MetricUnit.Count, 1);
  return writeKey;
};

export const handler = httpApi(
  channelRoutes,
  {
    ingestEvents: async ({ body, event, writeKey }) => {
      const answer = await ingestEvents({
        request: body,
        writeKey,
        sourceIp: event.requestContext.http.sourceIp,
        receivedAt: new Date(),
      });
      return answer.status === 207 ? withStatus(207, answer.body) : answer.body;
    },

    createWriteKey: async ({ body, caller }) => {
      const secret = newWriteKeySecret(body.channel);
      const key = newWriteKey(
        { id: newKeyId(), channel: body.channel, label: body.label, secret },
        caller.id,
        new Date(),
      );
      await insertWriteKey(key);
      return withSecret(key, secret);
    },

    listWriteKeys: async () => ({ items: (await listWriteKeys()).map(publicKey) }),

    rotateWriteKey: async ({ params, body, caller }) => {
      const current = await existingKey(params.keyId);
      const now = new Date();
      const secret = newWriteKeySecret(current.channel);
      const replacement = newWriteKey(
        { id: newKeyId(), channel: current.channel, label: current.label, secret },
        caller.id,
        now,
      );
      await replaceWriteKey(current, rotated(current, replacement.id, body.graceHours, now), replacement);
      return withSecret(replacement, secret);
    },

    revokeWriteKey: async ({ params }) => {
      const current = await existingKey(params.keyId);
      if (current.status !== 'revoked') await replaceWriteKey(current, revoked(current, new Date()));
    },

    listEventSchemas: async () => ({ items: await listEventSchemas() }),

    registerEventSchema: async ({ body, caller }) =>
      registerEventSchema({ ...body, registeredAt: new Date().toISOString(), registeredBy: caller.id }),

    listIdentities: async ({ params, caller }) => ({ items: await identitiesOf(caller, params.customerId) }),

    unlinkIdentity: async ({ params, caller }) => {
      await unlinkVisitor(caller, params.customerId, params.anonymousId);
    },
  },
  { authenticateWriteKey, idempotency: onceByKey },
);
