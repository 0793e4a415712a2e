/**
 * A customer's data protection request, handled by the privacy officer on their behalf: access
 * and portability (GDPR art. 15 and 20: one archive of everything the bank holds about them),
 * or erasure (art. 17, within the bank's legal holds). The law gives the bank one month from
 * receipt to answer (art. 12(3)); `dueOn` is that day.
 */
import { Id, IsoDate, IsoDateTime } from '../common.ts';
import { CustomerKind } from '../customers/customer.ts';
import * as z from '../zod.ts';

export const PrivacyRequestKind = z.enum(['access', 'erasure']);
export type PrivacyRequestKind = z.infer<typeof PrivacyRequestKind>;

/**
 * `received` (an access: its job starts at once), or `awaitingConfirmation` (an erasure: the
 * officer reads its plan and confirms); then `inProgress` while the job runs, then `ready` (an
 * access: its archive can be downloaded) or `completed` (an erasure: its report says what went);
 * `failed` when the job gave up (the officer starts it again by opening a new request).
 */
export const PrivacyRequestState = z.enum([
  'received',
  'awaitingConfirmation',
  'inProgress',
  'ready',
  'completed',
  'failed',
]);
export type PrivacyRequestState = z.infer<typeof PrivacyRequestState>;

export const PrivacyRequestParams = z.object({ requestId: Id });

export const CreatePrivacyRequest = z
  .strictObject({
    kind: PrivacyRequestKind,
    customerId: z.optional(Id),
    customerNumber: z.optional(
      z
        .string()
        .check(
          z.trim(),
          z.maxLength(20),
          z.describe('The number on the customer’s statements, instead of customerId.'),
        ),
    ),
    receivedOn: z.optional(
      IsoDate.check(
        z.describe('When the customer made the request (the legal month runs from it); today if left out.'),
      ),
    ),
    note: z.optional(
      z
        .string()
        .check(
          z.trim(),
          z.maxLength(500),
          z.describe('How the request came and how the identity was checked; no other personal data.'),
        ),
    ),
  })
  .check(
    z.refine((request) => (request.customerId === undefined) !== (request.customerNumber === undefined), {
      message: 'give the customer’s id or number, one of them',
      path: ['customerId'],
    }),
  )
  .register(z.globalRegistry, { id: 'CreatePrivacyRequest' });
export type CreatePrivacyRequest = z.infer<typeof CreatePrivacyRequest>;

/** A text of the privacy registry, in English and in French: the screen shows its user's language. */
const Said = z.object({ en: z.string(), fr: z.string() });

/** A place of the privacy registry, by its key and in words. */
const Place = z.object({
  location: z.string(),
  what: Said.check(z.describe('What the place holds, in English (`en`) and French (`fr`).')),
});

/** Why a place is kept, in both languages. */
const KeptWhy = Said.check(
  z.describe('Why the place is kept: the law or the customer’s hold, in English (`en`) and French (`fr`).'),
);

/** Within how long a place empties itself, in both languages. */
const ExpiresWithin = Said.check(
  z.describe('Within how long the place empties itself, in English (`en`) and French (`fr`).'),
);

/**
 * What an erasure removes and keeps (the privacy officer confirms it): `entirely` for a
 * prospect, `exceptHeld` for a customer under the AML retention, who keeps what the law requires.
 */
export const ErasurePlan = z
  .object({
    scope: z.enum(['entirely', 'exceptHeld']),
    erase: z.array(Place),
    keep: z.array(z.extend(Place, { why: KeptWhy })),
    expire: z.array(z.extend(Place, { within: ExpiresWithin })),
  })
  .register(z.globalRegistry, { id: 'ErasurePlan' });

/**
 * What an erasure did, place by place: how many items, rows or files it removed, what it kept
 * and under which legal basis, and what goes by itself, within how long.
 */
export const ErasureReport = z
  .object({
    scope: z.enum(['entirely', 'exceptHeld']),
    erasedAt: IsoDateTime,
    removed: z.array(z.extend(Place, { count: z.number().check(z.int(), z.nonnegative()) })),
    kept: z.array(z.extend(Place, { why: KeptWhy })),
    expiring: z.array(z.extend(Place, { within: ExpiresWithin })),
  })
  .register(z.globalRegistry, { id: 'ErasureReport' });
export type ErasureReport = z.infer<typeof ErasureReport>;

/** Who did something to a request, and when. */
const Act = z.object({ id: z.string(), name: z.string(), at: IsoDateTime });

export const PrivacyRequest = z
  .object({
    id: Id,
    kind: PrivacyRequestKind,
    customerId: Id,
    /** The customer's name as their file says, so the officer can check whom the request is about. */
    customerName: z.string(),
    /** The customer's kind when the request was opened: a prospect has no legal hold. */
    customerKind: CustomerKind,
    receivedOn: IsoDate,
    dueOn: IsoDate.check(z.describe('The last day to answer: one month after receipt (GDPR art. 12(3)).')),
    state: PrivacyRequestState,
    progress: z.object({
      done: z.number().check(z.int(), z.nonnegative()),
      total: z.number().check(z.int(), z.nonnegative()),
      step: z.optional(z.string()),
    }),
    note: z.optional(z.string()),
    openedBy: z.object({ id: z.string(), name: z.string() }),
    retention: z.optional(
      z
        .object({
          dueOn: IsoDate,
          lastContactAt: z.optional(IsoDateTime),
          relationshipEndedOn: z.optional(IsoDate),
        })
        .check(
          z.describe(
            "An erasure the retention sweep opened: the file was past its retention on dueOn — a prospect's 3 years after their last contact (lastContactAt) or after the file was opened, a customer's 5 years after the relationship ended (relationshipEndedOn).",
          ),
        ),
    ),
    erasurePlan: z.optional(
      ErasurePlan.check(
        z.describe('Erasure requests: what goes and what stays, and why; once confirmed, the plan followed.'),
      ),
    ),
    confirmedBy: z.optional(Act.check(z.describe('Erasure requests: who confirmed the plan, and when.'))),
    erasureReport: z.optional(ErasureReport.check(z.describe('A completed erasure: what it did.'))),
    deliveredAt: z.optional(
      IsoDateTime.check(z.describe('When the export was last downloaded, to be handed to the customer.')),
    ),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
    version: z.number().check(z.int(), z.positive()),
  })
  .register(z.globalRegistry, { id: 'PrivacyRequest' });
export type PrivacyRequest = z.infer<typeof PrivacyRequest>;

export const PrivacyRequestsQuery = z.object({
  state: z._default(
    z
      .enum(['open', 'all'])
      .check(z.describe('`open` (the default): not completed, or an export not downloaded yet.')),
    'open',
  ),
});

/** The officer confirms an erasure's plan, as read at `version`. */
export const ConfirmErasure = z
  .strictObject({
    version: z
      .number()
      .check(z.int(), z.positive(), z.describe('The version of the request whose plan was read.')),
  })
  .register(z.globalRegistry, { id: 'ConfirmErasure' });

/** Where to download a ready export: a link that works for a few minutes only. */
export const PrivacyExportLink = z
  .object({ url: z.string(), expiresAt: IsoDateTime, fileName: z.string() })
  .register(z.globalRegistry, { id: 'PrivacyExportLink' });
export type PrivacyExportLink = z.infer<typeof PrivacyExportLink>;
