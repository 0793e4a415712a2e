/** The channels context's routes: event ingestion, write keys, custom event schemas, identity links. */

import { Id } from '../common.ts';
import { CustomerParams } from '../customers/customer.ts';
import { customerReaders } from '../roles.ts';
import type { RouteDefinition } from '../route-definition.ts';
import * as z from '../zod.ts';
import { IngestRequest, IngestResponse, maxBatchKB } from './channel-event.ts';
import { EventSchemaDefinition, RegisterEventSchemaRequest } from './event-schema.ts';
import { AnonymousId, IdentityLink } from './identity.ts';
import { CreateWriteKeyRequest, RotateWriteKeyRequest, WriteKey, WriteKeyWithSecret } from './write-key.ts';

export const channelRoutes = [
  {
    id: 'ingestEvents',
    method: 'POST',
    path: '/v1/events',
    context: 'channels',
    summary: 'Post a batch of web or mobile events (write key in X-Write-Key)',
    roles: 'writeKey',
    body: IngestRequest,
    response: { status: 200, body: IngestResponse, alsoStatus: [207] },
    maxBodyKB: maxBatchKB,
  },
  {
    id: 'createWriteKey',
    method: 'POST',
    path: '/v1/write-keys',
    context: 'channels',
    summary: 'Create a write key for a channel (the key is shown once)',
    roles: ['admin'],
    body: CreateWriteKeyRequest,
    response: { status: 201, body: WriteKeyWithSecret },
  },
  {
    id: 'listWriteKeys',
    method: 'GET',
    path: '/v1/write-keys',
    context: 'channels',
    summary: 'The write keys, without their secrets',
    roles: ['admin'],
    response: { status: 200, body: z.object({ items: z.array(WriteKey) }) },
  },
  {
    id: 'rotateWriteKey',
    method: 'POST',
    path: '/v1/write-keys/{keyId}/rotate',
    context: 'channels',
    summary: 'Replace a write key; the old one works for a grace period',
    roles: ['admin'],
    params: z.object({ keyId: Id }),
    body: RotateWriteKeyRequest,
    response: { status: 200, body: WriteKeyWithSecret },
  },
  {
    id: 'revokeWriteKey',
    method: 'DELETE',
    path: '/v1/write-keys/{keyId}',
    context: 'channels',
    summary: 'Revoke a write key at once',
    roles: ['admin'],
    params: z.object({ keyId: Id }),
    response: { status: 204 },
  },
  {
    id: 'listEventSchemas',
    method: 'GET',
    path: '/v1/event-schemas',
    context: 'channels',
    summary: 'The custom event types developers registered',
    roles: ['admin', 'analyst'],
    response: { status: 200, body: z.object({ items: z.array(EventSchemaDefinition) }) },
  },
  {
    id: 'registerEventSchema',
    method: 'POST',
    path: '/v1/event-schemas',
    context: 'channels',
    summary: 'Register a custom event type (a new version if the name exists)',
    roles: ['admin'],
    body: RegisterEventSchemaRequest,
    response: { status: 201, body: EventSchemaDefinition },
    idempotent: true,
  },
  {
    id: 'listIdentities',
    method: 'GET',
    path: '/v1/customers/{customerId}/identities',
    context: 'channels',
    summary: 'The devices and browsers linked to a customer (identity stitching)',
    roles: customerReaders,
    params: CustomerParams,
    response: { status: 200, body: z.object({ items: z.array(IdentityLink) }) },
  },
  {
    id: 'unlinkIdentity',
    method: 'DELETE',
    path: '/v1/customers/{customerId}/identities/{anonymousId}',
    context: 'channels',
    summary: 'Undo a link between a device and a customer (recorded in the timeline)',
    roles: ['service_agent', 'admin'],
    params: z.object({ customerId: Id, anonymousId: AnonymousId }),
    response: { status: 204 },
  },
] as const satisfies readonly RouteDefinition[];
