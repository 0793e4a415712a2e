/**
 * What web and mobile channels send to `POST /v1/events`: batches of interaction events, each
 * with the sender's message id (retries are safe), the device time, the visitor id and, once
 * the customer has logged in, the customer id. Property names say what happened; values never
 * hold form contents, passwords or free text beyond a search query.
 */
import * as z from 'zod';
import { Id, IsoDateTime } from '../common.ts';
import { ProductFamily } from '../customers/holding.ts';
import { AnonymousId } from './identity.ts';

/** Sender's unique id of the event: a retry carries the same one, and creates nothing twice. */
export const MessageId = z.string().regex(/^[A-Za-z0-9_.:-]{8,64}$/, '8 to 64 letters, digits, _ . : -');

const Url = z.string().max(2048);

export const EventContext = z
  .object({
    page: z
      .object({
        url: Url,
        path: z.string().max(1024),
        title: z.string().max(300).optional(),
        referrer: Url.optional(),
      })
      .partial()
      .optional(),
    screen: z.object({ name: z.string().max(200) }).optional(),
    app: z.object({ version: z.string().max(40), build: z.string().max(40).optional() }).optional(),
    device: z
      .object({
        type: z.enum(['desktop', 'mobile', 'tablet', 'kiosk']),
        os: z.string().max(40).optional(),
        model: z.string().max(80).optional(),
      })
      .partial()
      .optional(),
    locale: z.string().max(20).optional(),
    userAgent: z.string().max(512).optional(),
    /** Whether the visitor consented to audience measurement; without it the event is counted, not kept. */
    consent: z.object({ analytics: z.boolean() }),
    campaign: z
      .object({ source: z.string().max(100), medium: z.string().max(100), name: z.string().max(100) })
      .partial()
      .optional(),
  })
  .meta({ id: 'EventContext' });

const base = {
  messageId: MessageId,
  /** When it happened, by the device's clock (corrected with `sentAt` on receipt). */
  timestamp: IsoDateTime,
  anonymousId: AnonymousId,
  customerId: Id.optional().describe(
    'The logged-in customer. Trusted only with identityToken; otherwise the event gets the customer its visitor id was linked to at login, if any.',
  ),
  identityToken: z
    .string()
    .min(16)
    .max(4096)
    .optional()
    .describe("The token the bank's login service gave the device at login (see identify)."),
  sessionId: z.string().max(64).optional(),
  context: EventContext,
};

const event = <T extends string, P extends z.ZodType>(type: T, properties: P) =>
  z.object({ ...base, type: z.literal(type), properties });

export const PageView = event(
  'page_view',
  z.object({ path: z.string().max(1024), title: z.string().max(300).optional() }),
);
export const ScreenView = event('screen_view', z.object({ name: z.string().max(200) }));
export const Click = event(
  'click',
  z.object({
    element: z.string().max(100).describe('The data-track name of the element.'),
    label: z.string().max(200).optional(),
    href: Url.optional(),
  }),
);
export const FormSubmit = event(
  'form_submit',
  z.object({
    form: z.string().max(100),
    fields: z.array(z.string().max(60)).max(50).optional().describe('Field names only, never values.'),
  }),
);
export const Search = event(
  'search',
  z.object({ query: z.string().max(200), results: z.number().int().nonnegative().optional() }),
);
export const ProductView = event(
  'product_view',
  z.object({ product: z.string().max(80), family: ProductFamily.optional() }),
);
export const SimulationStarted = event(
  'simulation_started',
  z.object({ simulationId: z.string().max(64), product: z.string().max(80) }),
);
export const SimulationCompleted = event(
  'simulation_completed',
  z.object({
    simulationId: z.string().max(64),
    product: z.string().max(80),
    amount: z.number().nonnegative().optional(),
    durationMonths: z.number().int().positive().optional(),
    monthlyPayment: z.number().nonnegative().optional(),
  }),
);
/** Login: links the visitor id to the customer (identity stitching), if its token checks out. */
export const Identify = z.object({
  ...base,
  customerId: Id,
  identityToken: z
    .string()
    .min(16)
    .max(4096)
    .describe(
      "The token the bank's login service gave the device at login: a JWT (HS256, the identityKey secret) whose sub is customerId. Without a valid one the login is refused.",
    ),
  type: z.literal('identify'),
  properties: z.object({ method: z.string().max(40).optional() }),
});
export const Logout = event('logout', z.object({}));
export const AppOpen = event('app_open', z.object({ firstOpen: z.boolean().optional() }));
export const Transaction = event(
  'transaction',
  z.object({
    kind: z.enum(['card_payment', 'transfer', 'withdrawal', 'deposit', 'subscription']),
    product: z.string().max(80).optional(),
    amountBand: z.enum(['<50', '50-500', '500-5k', '>5k']).optional(),
  }),
);
/** An event whose properties follow a schema registered with `POST /v1/event-schemas`. */
export const CustomEvent = z.object({
  ...base,
  type: z.literal('custom'),
  name: z.string().regex(/^[a-z][a-z0-9_]{2,63}$/, 'a registered event name, e.g. budget_tool_used'),
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
  .meta({ id: 'ChannelEvent' });
export type ChannelEvent = z.infer<typeof ChannelEvent>;
export type ChannelEventType = ChannelEvent['type'];

/** Every event type, as the bus and the lake name them. */
export const channelEventTypes = ChannelEvent.options.map((option) => option.shape.type.value) as [
  ChannelEventType,
  ...ChannelEventType[],
];

/** Events per request, and the size a request may reach. */
export const maxEventsPerBatch = 100;
export const maxBatchKB = 512;

/**
 * The batch is checked as a whole first (a malformed batch is a 400 and nothing is kept); each
 * event is then checked on its own, so one bad event does not cost the others.
 */
export const IngestRequest = z
  .object({
    batch: z.array(z.unknown()).min(1).max(maxEventsPerBatch),
    /** When the device sent the batch, by its clock: with the receive time, it corrects clock skew. */
    sentAt: IsoDateTime,
  })
  .meta({
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
        index: z.number().int().nonnegative(),
        messageId: z.string().optional(),
        reason: z.string(),
        /** True when sending the same event again later may succeed (e.g. the bus was unavailable). */
        retryable: z.boolean().optional(),
        errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
      }),
    ),
  })
  .meta({ id: 'IngestResponse' });
export type IngestResponse = z.infer<typeof IngestResponse>;
