/**
 * What web and mobile channels send to `POST /v1/events`: batches of interaction events, each
 * with the sender's message id (retries are safe), the device time, the visitor id and, once
 * the customer has logged in, the customer id. Property names say what happened; values never
 * hold form contents, passwords or free text beyond a search query.
 */

import { Id, IsoDateTime } from '../common.ts';
import { ProductFamily } from '../customers/holding.ts';
import * as z from '../zod.ts';
import { AnonymousId } from './identity.ts';

/** Sender's unique id of the event: a retry carries the same one, and creates nothing twice. */
export const MessageId = z
  .string()
  .check(z.regex(/^[A-Za-z0-9_.:-]{8,64}$/, '8 to 64 letters, digits, _ . : -'));

/** A string of at most `max` characters. */
const text = (max: number) => z.string().check(z.maxLength(max));

const Url = text(2048);

export const EventContext = z
  .object({
    page: z.optional(
      z.partial(
        z.object({
          url: Url,
          path: text(1024),
          title: z.optional(text(300)),
          referrer: z.optional(Url),
        }),
      ),
    ),
    screen: z.optional(z.object({ name: text(200) })),
    app: z.optional(z.object({ version: text(40), build: z.optional(text(40)) })),
    device: z.optional(
      z.partial(
        z.object({
          type: z.enum(['desktop', 'mobile', 'tablet', 'kiosk']),
          os: z.optional(text(40)),
          model: z.optional(text(80)),
        }),
      ),
    ),
    locale: z.optional(text(20)),
    userAgent: z.optional(text(512)),
    /** Whether the visitor consented to audience measurement; without it the event is counted, not kept. */
    consent: z.object({ analytics: z.boolean() }),
    campaign: z.optional(z.partial(z.object({ source: text(100), medium: text(100), name: text(100) }))),
  })
  .register(z.globalRegistry, { id: 'EventContext' });

const base = {
  messageId: MessageId,
  /** When it happened, by the device's clock (corrected with `sentAt` on receipt). */
  timestamp: IsoDateTime,
  anonymousId: AnonymousId,
  customerId: z
    .optional(Id)
    .check(
      z.describe(
        'The logged-in customer. Trusted only with identityToken; otherwise the event gets the customer its visitor id was linked to at login, if any.',
      ),
    ),
  identityToken: z
    .optional(z.string().check(z.minLength(16), z.maxLength(4096)))
    .check(z.describe("The token the bank's login service gave the device at login (see identify).")),
  sessionId: z.optional(text(64)),
  context: EventContext,
};

const event = <T extends string, P extends z.ZodMiniType>(type: T, properties: P) =>
  z.object({ ...base, type: z.literal(type), properties });

export const PageView = event('page_view', z.object({ path: text(1024), title: z.optional(text(300)) }));
export const ScreenView = event('screen_view', z.object({ name: text(200) }));
export const Click = event(
  'click',
  z.object({
    element: text(100).check(z.describe('The data-track name of the element.')),
    label: z.optional(text(200)),
    href: z.optional(Url),
  }),
);
export const FormSubmit = event(
  'form_submit',
  z.object({
    form: text(100),
    fields: z
      .optional(z.array(text(60)).check(z.maxLength(50)))
      .check(z.describe('Field names only, never values.')),
  }),
);
export const Search = event(
  'search',
  z.object({ query: text(200), results: z.optional(z.number().check(z.int(), z.nonnegative())) }),
);
export const ProductView = event(
  'product_view',
  z.object({ product: text(80), family: z.optional(ProductFamily) }),
);
export const SimulationStarted = event(
  'simulation_started',
  z.object({ simulationId: text(64), product: text(80) }),
);
export const SimulationCompleted = event(
  'simulation_completed',
  z.object({
    simulationId: text(64),
    product: text(80),
    amount: z.optional(z.number().check(z.nonnegative())),
    durationMonths: z.optional(z.number().check(z.int(), z.positive())),
    monthlyPayment: z.optional(z.number().check(z.nonnegative())),
  }),
);
/** Login: links the visitor id to the customer (identity stitching), if its token checks out. */
export const Identify = z.object({
  ...base,
  customerId: Id,
  identityToken: z
    .string()
    .check(
      z.minLength(16),
      z.maxLength(4096),
      z.describe(
        "The token the bank's login service gave the device at login: a JWT (HS256, the identityKey secret) whose sub is customerId. Without a valid one the login is refused.",
      ),
    ),
  type: z.literal('identify'),
  properties: z.object({ method: z.optional(text(40)) }),
});
export const Logout = event('logout', z.object({}));
export const AppOpen = event('app_open', z.object({ firstOpen: z.optional(z.boolean()) }));
export const Transaction = event(
  'transaction',
  z.object({
    kind: z.enum(['card_payment', 'transfer', 'withdrawal', 'deposit', 'subscription']),
    product: z.optional(text(80)),
    amountBand: z.optional(z.enum(['<50', '50-500', '500-5k', '>5k'])),
  }),
);
/** An event whose properties follow a schema registered with `POST /v1/event-schemas`. */
export const CustomEvent = z.object({
  ...base,
  type: z.literal('custom'),
  name: z.string().check(z.regex(/^[a-z][a-z0-9_]{2,63}$/, 'a registered event name, e.g. budget_tool_used')),
  properties: z.record(z.string(), z.unknown()),
});

export const ChannelEvent = z
  .discriminatedUnion('type', [
    PageView,
    ScreenView,
    Click,
    FormSubmit,
    Search,
    ProductView,
    SimulationStarted,
    SimulationCompleted,
    Identify,
    Logout,
    AppOpen,
    Transaction,
    CustomEvent,
  ])
  .register(z.globalRegistry, { id: 'ChannelEvent' });
export type ChannelEvent = z.infer<typeof ChannelEvent>;
export type ChannelEventType = ChannelEvent['type'];

/** Every event type, as the bus and the lake name them. */
export const channelEventTypes = ChannelEvent.def.options.map(
  (option) => option.shape.type.def.values[0],
) as [ChannelEventType, ...ChannelEventType[]];

/** Events per request, and the size a request may reach. */
export const maxEventsPerBatch = 100;
export const maxBatchKB = 512;

/**
 * The batch is checked as a whole first (a malformed batch is a 400 and nothing is kept); each
 * event is then checked on its own, so one bad event does not cost the others.
 */
export const IngestRequest = z
  .object({
    batch: z.array(z.unknown()).check(z.minLength(1), z.maxLength(maxEventsPerBatch)),
    /** When the device sent the batch, by its clock: with the receive time, it corrects clock skew. */
    sentAt: IsoDateTime,
  })
  .register(z.globalRegistry, {
    id: 'IngestRequest',
    // A mobile app's batch (see docs/mobile-events.md): an open, a screen, a simulation, a login.
    examples: [
      {
        sentAt: '2026-11-23T09:15:42.180Z',
        batch: [
          {
            messageId: '5F0C2A9E-3B1D-4C7A-9E52-1A8B6D0F4C21',
            timestamp: '2026-11-23T09:14:03.512Z',
            anonymousId: 'ios-8D3F61B2-77A4-4E0B-B1C9-2F5A9C0D6E13',
            sessionId: 'ses-20261123-0914-7f3a',
            type: 'app_open',
            context: {
              app: { version: '4.12.0', build: '4120' },
              device: { type: 'mobile', os: 'iOS 19.1', model: 'iPhone16,2' },
              locale: 'fr-FR',
              consent: { analytics: true },
            },
            properties: { firstOpen: false },
          },
          {
            messageId: 'A41E7C06-95D2-4F3B-8C1E-6B0A2D9F3E57',
            timestamp: '2026-11-23T09:14:20.004Z',
            anonymousId: 'ios-8D3F61B2-77A4-4E0B-B1C9-2F5A9C0D6E13',
            sessionId: 'ses-20261123-0914-7f3a',
            type: 'screen_view',
            context: { screen: { name: 'Simulateur prêt immobilier' }, consent: { analytics: true } },
            properties: { name: 'Simulateur prêt immobilier' },
          },
          {
            messageId: 'C9B3E1F4-0A6D-4E28-B7F5-3D1C8A2E9B60',
            timestamp: '2026-11-23T09:15:31.870Z',
            anonymousId: 'ios-8D3F61B2-77A4-4E0B-B1C9-2F5A9C0D6E13',
            sessionId: 'ses-20261123-0914-7f3a',
            type: 'simulation_completed',
            context: { screen: { name: 'Simulateur prêt immobilier' }, consent: { analytics: true } },
            properties: {
              simulationId: 'sim-7f3a-01',
              product: 'pret-immo',
              amount: 250000,
              durationMonths: 240,
              monthlyPayment: 1437.09,
            },
          },
          {
            messageId: '1D8F5B2C-6E4A-4B93-A0C7-9F2E3D5A8C14',
            timestamp: '2026-11-23T09:15:40.221Z',
            anonymousId: 'ios-8D3F61B2-77A4-4E0B-B1C9-2F5A9C0D6E13',
            customerId: 'cu-0nz4hyvxwx21',
            identityToken:
              'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJjdS0wbno0aHl2eHd4MjEiLCJpYXQiOjE3OTU5MDkzMzksImV4cCI6MTc5NTkxMDIzOX0.3oF6cJ9qk2mJ0y0aR4mD7lq6o3cQy1rS8tF2xW5zV0E',
            sessionId: 'ses-20261123-0914-7f3a',
            type: 'identify',
            context: { consent: { analytics: true } },
            properties: { method: 'face_id' },
          },
        ],
      },
    ],
  });
export type IngestRequest = z.infer<typeof IngestRequest>;

export const IngestResponse = z
  .object({
    /** Message ids kept (or already kept by an earlier try: retries are safe). */
    accepted: z.array(z.string()),
    /** Events refused, by position in the batch, with the reason. */
    rejected: z.array(
      z.object({
        index: z.number().check(z.int(), z.nonnegative()),
        messageId: z.optional(z.string()),
        reason: z.string(),
        /** True when sending the same event again later may succeed (e.g. the bus was unavailable). */
        retryable: z.optional(z.boolean()),
        errors: z.optional(z.array(z.object({ field: z.string(), message: z.string() }))),
      }),
    ),
  })
  .register(z.globalRegistry, { id: 'IngestResponse' });
export type IngestResponse = z.infer<typeof IngestResponse>;
