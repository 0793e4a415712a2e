/**
 * The channels context over HTTP: event ingestion (authenticated by a channel's write key, not
 * a user), write key management, custom event schemas, and the identity links of a customer.
 * Composes one handler per use case, nothing else.
 */
import { channelRoutes } from '#schemas/channels/routes.ts';
import { httpApi } from '#shared/http/api.ts';
import { onceByKey } from '#shared/http/idempotency.ts';
import { listEventSchemas } from './event-schemas/list-event-schemas.ts';
import { registerEventSchema } from './event-schemas/register-event-schema.ts';
import { postEvents } from './events/post-events.ts';
import { listIdentities } from './identities/list-identities.ts';
import { unlinkIdentity } from './identities/unlink-identity.ts';
import { authenticateWriteKey } from './write-keys/authenticate-write-key.ts';
import { createWriteKey } from './write-keys/create-write-key.ts';
import { listWriteKeys } from './write-keys/list-write-keys.ts';
import { revokeWriteKey } from './write-keys/revoke-write-key.ts';
import { rotateWriteKey } from './write-keys/rotate-write-key.ts';

export const handler = httpApi(
  channelRoutes,
  {
    ingestEvents: postEvents,
    createWriteKey,
    listWriteKeys,
    rotateWriteKey,
    revokeWriteKey,
    listEventSchemas,
    registerEventSchema,
    listIdentities,
    unlinkIdentity,
  },
  { authenticateWriteKey, idempotency: onceByKey },
);
