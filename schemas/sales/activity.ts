/**
 * A call or an e-mail with a customer, logged by whoever took or sent it: its direction, when,
 * what about, and a summary. The log is the customer's history: it is written as its
 * `ActivityLogged` event in the customer's timeline, and never changes.
 */

import { Id, IsoDateTime } from '../common.ts';
import * as z from '../zod.ts';

export const LoggedActivityKind = z.enum(['call', 'email']);
export const Direction = z.enum(['inbound', 'outbound']);

export const LogActivityRequest = z
  .strictObject({
    kind: LoggedActivityKind,
    direction: Direction,
    occurredAt: IsoDateTime,
    subject: z.string().check(z.trim(), z.minLength(1), z.maxLength(160)),
    summary: z._default(z.string().check(z.trim(), z.maxLength(4000)), ''),
  })
  .register(z.globalRegistry, { id: 'LogActivityRequest' });
export type LogActivityRequest = z.infer<typeof LogActivityRequest>;

export const LoggedActivity = z
  .object({
    id: Id,
    customerId: Id,
    kind: LoggedActivityKind,
    direction: Direction,
    occurredAt: IsoDateTime,
    subject: z.string(),
    summary: z.string(),
    loggedBy: Id,
    loggedByName: z.string(),
  })
  .register(z.globalRegistry, { id: 'LoggedActivity' });
export type LoggedActivity = z.infer<typeof LoggedActivity>;
