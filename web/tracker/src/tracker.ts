/**
 * The browser tracker of the bank's websites: page views (SPA route changes included), clicks on
 * elements marked `data-track`, submits of forms marked `data-track-form` (field names, never
 * values), identify/reset, product views and simulations; batched to `POST /v1/events` with the
 * channel's write key. No runtime dependency: it ships as one small script.
 *
 * Consent first: until `consent({ analytics: true })` nothing is stored, nothing is sent and no
 * visitor id exists. A refusal wipes what the tracker kept and keeps only the refusal itself (so
 * the banner is not shown again; a strictly necessary record, as the CNIL allows). A choice, and
 * the visitor id made with a consent, last 13 months (CNIL: trackers 13 months at most): then the
 * tracker forgets them and the visitor is asked again.
 *
 * Delivery: events wait in a queue (in memory, mirrored to localStorage so they survive a page
 * change or a lost connection; bounded, oldest dropped first) until the API confirms them. A
 * retry carries the same message ids, so the API keeps each event once. Network errors, 5xx and
 * 429 are retried with exponential backoff and jitter; a 400 or 401 would fail again and is
 * dropped. On page hide the queue goes out with `fetch(…, { keepalive: true })` rather than
 * `navigator.sendBeacon`: a beacon cannot carry the `X-Write-Key` header, and putting the key
 * in the URL would write it into every access log. A keepalive request outlives the page like
 * a beacon does, and sends headers (its CORS preflight is usually cached by then, 10 minutes).
 */
import type { ChannelEvent, IngestResponse } from '#schemas/channels/channel-event.ts';

export type TrackerOptions = {
  /** Base URL of the Relais API, e.g. `https://api.relais.example`. */
  apiUrl: string;
  /** The channel's write key (a `web` key). */
  writeKey: string;
  /** Longest wait before queued events are sent. @default 5000 */
  flushIntervalMs?: number;
  /** Events per request; a full batch is sent at once. @default 20 */
  batchSize?: number;
  /** Inactivity after which a new session starts. @default 1800000 (30 minutes) */
  sessionTimeoutMs?: number;
  /** Events kept while offline; the oldest go first beyond it. @default 500 */
  maxQueuedEvents?: number;
  /** Page views on load and on SPA route changes. @default true */
  pageViews?: boolean;
  /** Longest wait between two retries. @default 60000 */
  maxRetryDelayMs?: number;
};

export type ConsentStatus = 'unknown' | 'granted' | 'denied';

/** Event types sent with `track`; `identify` has its own method, page views are automatic. */
export type TrackedType = Exclude<ChannelEvent['type'], 'custom' | 'identify'>;
export type PropertiesOf<T extends ChannelEvent['type']> = Extract<ChannelEvent, { type: T }>['properties'];

/** An event as it waits in the queue: a `ChannelEvent` (`sentAt` is added per request). */
export type QueuedEvent = {
  messageId: string;
  timestamp: string;
  anonymousId: string;
  customerId?: string;
  sessionId: string;
  type: ChannelEvent['type'];
  name?: string;
  identityToken?: string;
  context: Record<string, unknown>;
  properties: Record<string, unknown>;
};

export type Tracker = {
  /** Records the visitor's choice; `analytics: true` starts tracking (with a view of this page). */
  consent: (choice: { analytics: boolean }) => void;
  consentStatus: () => ConsentStatus;
  /** A page view of the current page (automatic unless `pageViews: false`). */
  page: () => void;
  /** A built-in event (`product_view`, `simulation_completed`…) or a registered custom one by name. */
  track: {
    <T extends TrackedType>(type: T, properties: PropertiesOf<T>): void;
    (customName: string, properties: Record<string, unknown>): void;
  };
  /**
   * The visitor logged in: links this browser to the customer, and tags later events.
   * `identityToken` is the token the bank's login service issued for this login: the API
   * refuses a login without it, and trusts the customer of later events with it.
   */
  identify: (customerId: string, identityToken: string, properties?: PropertiesOf<'identify'>) => void;
  /** The visitor logged out: a `logout` event, then a new visitor id and no customer. */
  reset: () => void;
  /** Sends everything queued now; resolves when the queue is empty or a send failed. */
  flush: () => Promise<void>;
  /** The visitor id, once consent is given. */
  visitorId: () => string | undefined;
};

const builtIn =
  /^(page_view|screen_view|click|form_submit|search|product_view|simulation_started|simulation_completed|identify|logout|app_open|transaction)$/;
const prefix = 'relais_';
/** A keepalive request may carry 64 KB in all; stay below it. */
const keepaliveBudget = 60_000;

/** 32 hex characters from the browser's CSPRNG (works outside secure contexts, unlike randomUUID). */
const newId = (): string =>
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

const cut = (value: string | null | undefined, max: number): string | undefined =>
  value ? value.slice(0, max) : undefined;

/** What the tracker keeps about the visitor, forgotten on a refusal or when the choice lapses. */
const visitorKeys = ['visitor', 'customer', 'identity', 'session', 'queue'];

/** How long a choice lasts: 13 months, CNIL's longest for a tracker. */
const choiceMonths = 13;

/** Whether a choice made at `chosenAt` (ISO) has lapsed by `now`: 13 calendar months later. */
export const choiceLapsed = (chosenAt: string, now: Date): boolean => {
  const chosen = new Date(chosenAt);
  if (Number.isNaN(chosen.getTime())) return true;
  const months = chosen.getUTCMonth() + choiceMonths;
  const year = chosen.getUTCFullYear() + Math.floor(months / 12);
  const month = months % 12;
  // The same day 13 months later, or that month's last day when it has no such day.
  const day = Math.min(chosen.getUTCDate(), new Date(Date.UTC(year, month + 1, 0)).getUTCDate());
  return now.getTime() >= Date.UTC(year, month, day, chosen.getUTCHours(), chosen.getUTCMinutes());
};

/** localStorage, falling back to memory when it throws (private modes, full quota). */
const storage = () => {
  const memory = new Map<string, string>();
  const ls = (): Storage | undefined => {
    try {
      return window.localStorage;
    } catch {
      return undefined;
    }
  };
  return {
    get: (key: string): string | null => {
      try {
        return ls()?.getItem(prefix + key) ?? memory.get(key) ?? null;
      } catch {
        return memory.get(key) ?? null;
      }
    },
    set: (key: string, value: string) => {
      memory.set(key, value);
      try {
        ls()?.setItem(prefix + key, value);
      } catch {}
    },
    remove: (key: string) => {
      memory.delete(key);
      try {
        ls()?.removeItem(prefix + key);
      } catch {}
    },
  };
};

/**
 * Starts a tracker on the page: reads the consent already given, listens to clicks, submits,
 * route changes, page hide and connectivity.
 */
export const createTracker = (options: TrackerOptions): Tracker => {
  const endpoint = `${options.apiUrl.replace(/\/+$/, '')}/v1/events`;
  const flushInterval = options.flushIntervalMs ?? 5000;
  const batchSize = options.batchSize ?? 20;
  const sessionTimeout = options.sessionTimeoutMs ?? 30 * 60_000;
  const maxQueued = options.maxQueuedEvents ?? 500;
  const maxDelay = options.maxRetryDelayMs ?? 60_000;
  const store = storage();

  let status: ConsentStatus = (store.get('consent') as ConsentStatus | null) ?? 'unknown';
  const chosenAt = store.get('consentAt');
  if (status !== 'unknown' && !chosenAt) store.set('consentAt', new Date().toISOString());
  else if (status !== 'unknown' && chosenAt && choiceLapsed(chosenAt, new Date())) {
    status = 'unknown';
    for (const key of ['consent', 'consentAt', ...visitorKeys]) store.remove(key);
  }
  let visitor: string | undefined;
  let customer: string | undefined;
  /** The login's identity token: it proves `customer` on each event (a login may arrive late). */
  let identityToken: string | undefined;
  let queue: QueuedEvent[] = [];
  const inFlight = new Set<string>();
  // Handed to the browser at page hide: out of the stored queue while their answer is awaited.
  const handedOff = new Set<string>();
  let running: Promise<void> | undefined;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastPage: string | undefined;
  let lastUrl: string | undefined;
  // UTM parameters of the landing page: the campaign that brought the visit.
  const utm = new URLSearchParams(location.search);
  const campaign = Object.fromEntries(
    (['source', 'medium', 'name'] as const)
      .map((key) => [key, cut(utm.get(`utm_${key === 'name' ? 'campaign' : key}`), 100)])
      .filter(([, value]) => value),
  );

  const granted = () => status === 'granted';
  const save = () =>
    store.set('queue', JSON.stringify(queue.filter((event) => !handedOff.has(event.messageId))));

  const sessionId = (): string => {
    const now = Date.now();
    const [id, last] = (store.get('session') ?? '').split('.');
    const current = id && now - Number(last) <= sessionTimeout ? id : newId();
    store.set('session', `${current}.${now}`);
    return current;
  };

  const context = (): Record<string, unknown> => {
    const ua = navigator.userAgent ?? '';
    return {
      page: {
        url: cut(location.href.split('#')[0], 2048),
        path: cut(location.pathname, 1024),
        title: cut(document.title, 300),
        referrer: cut(lastUrl ?? document.referrer, 2048),
      },
      locale: cut(navigator.language, 20),
      userAgent: cut(ua, 512),
      device: { type: /iPad|Tablet/i.test(ua) ? 'tablet' : /Mobi|Android/i.test(ua) ? 'mobile' : 'desktop' },
      consent: { analytics: true },
      ...(Object.keys(campaign).length ? { campaign } : {}),
    };
  };

  const schedule = (delay: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => void send(), delay);
  };

  const enqueue = (type: ChannelEvent['type'], properties: Record<string, unknown>, name?: string) => {
    if (!granted() || !visitor) return;
    queue.push({
      messageId: newId(),
      timestamp: new Date().toISOString(),
      anonymousId: visitor,
      ...(customer ? { customerId: customer, ...(identityToken ? { identityToken } : {}) } : {}),
      sessionId: sessionId(),
      type,
      ...(name ? { name } : {}),
      context: context(),
      properties,
    });
    if (queue.length > maxQueued) queue.splice(0, queue.length - maxQueued);
    save();
    // A full batch goes at once, unless the API asked to back off.
    if (queue.length - inFlight.size >= batchSize && !attempt) void send();
    else if (!timer && !running) schedule(flushInterval);
  };

  /** Posts one batch; true when the API settled every event of it (kept or refused for good). */
  const post = async (batch: QueuedEvent[], keepalive: boolean): Promise<boolean> => {
    for (const event of batch) inFlight.add(event.messageId);
    let retryAfter = 0;
    try {
      const response = await fetch(endpoint, {
        method: 'POST',
        keepalive,
        headers: { 'content-type': 'application/json', 'x-write-key': options.writeKey },
        body: JSON.stringify({ batch, sentAt: new Date().toISOString() }),
      });
      if (response.status === 429 || response.status >= 500) {
        retryAfter = Number(response.headers.get('retry-after')) * 1000 || 0;
        throw new Error(`HTTP ${response.status}`);
      }
      const settled = new Set(batch.map((event) => event.messageId));
      if (response.ok) {
        // A refusal the sender can cure by retrying (the API could not put the event on its bus)
        // keeps the event queued; an invalid event would be refused again and is dropped.
        const answer = (await response.json().catch(() => undefined)) as IngestResponse | undefined;
        for (const refusal of answer?.rejected ?? []) {
          if (refusal.messageId && refusal.retryable) settled.delete(refusal.messageId);
        }
      }
      queue = queue.filter((event) => !settled.has(event.messageId));
      const complete = settled.size === batch.length;
      if (complete) attempt = 0;
      else retryLater(0);
      return complete;
    } catch {
      retryLater(retryAfter);
      return false;
    } finally {
      for (const event of batch) {
        inFlight.delete(event.messageId);
        handedOff.delete(event.messageId);
      }
      // What is still queued (refused for now, or handed off and failed) is stored again.
      if (granted()) save();
    }
  };

  /** Exponential backoff with equal jitter: half the step for sure, half at random. */
  const retryLater = (atLeast: number) => {
    const step = Math.min(maxDelay, 1000 * 2 ** attempt++);
    schedule(Math.max(atLeast, step / 2 + (Math.random() * step) / 2));
  };

  /** Sends batches one after the other until the queue is empty or a send fails. */
  const drain = async (): Promise<void> => {
    for (;;) {
      const batch = queue.filter((event) => !inFlight.has(event.messageId)).slice(0, batchSize);
      if (!batch.length || !(await post(batch, false)) || !granted()) return;
    }
  };

  /** Starts draining the queue, or joins the drain under way. */
  const send = (): Promise<void> => {
    clearTimeout(timer);
    timer = undefined;
    // Offline: the `online` event sends the queue when the connection is back.
    if (!granted() || navigator.onLine === false) return Promise.resolve();
    running ??= drain().finally(() => {
      running = undefined;
    });
    return running;
  };

  /**
   * The page is going away (or to the background): hand what is queued to the browser, which
   * delivers a keepalive request after the page is gone, as it would a beacon. Handed events
   * leave the stored queue: the next page does not send them again. If this page lives on and
   * the request fails, they are stored again and retried. Offline, everything stays stored.
   */
  const sendOnHide = () => {
    if (!granted() || navigator.onLine === false) return;
    let pending = queue.filter((event) => !inFlight.has(event.messageId));
    let budget = keepaliveBudget;
    while (pending.length) {
      const batch = pending.slice(0, batchSize);
      pending = pending.slice(batchSize);
      budget -= JSON.stringify(batch).length + 60;
      if (budget < 0) break;
      for (const event of batch) handedOff.add(event.messageId);
      void post(batch, true);
    }
    save();
  };

  const page = () => {
    if (!granted()) return;
    lastPage = location.pathname + location.search;
    enqueue('page_view', { path: cut(location.pathname, 1024), title: cut(document.title, 300) });
    lastUrl = location.href.split('#')[0];
  };

  const start = () => {
    visitor = store.get('visitor') ?? newId();
    store.set('visitor', visitor);
    customer = store.get('customer') ?? undefined;
    identityToken = store.get('identity') ?? undefined;
    try {
      queue = (JSON.parse(store.get('queue') ?? '[]') as QueuedEvent[]).slice(-maxQueued);
    } catch {
      queue = [];
    }
    if (options.pageViews !== false) page();
    if (queue.length) void send();
  };

  const forget = () => {
    clearTimeout(timer);
    timer = undefined;
    queue = [];
    visitor = customer = identityToken = undefined;
    for (const key of visitorKeys) store.remove(key);
  };

  // SPA route changes: after pushState/replaceState and on back/forward. The view is recorded a
  // tick later, once the app has had a chance to set the new page's title.
  const routeChanged = () =>
    setTimeout(() => {
      if (options.pageViews !== false && location.pathname + location.search !== lastPage) page();
    }, 0);
  for (const method of ['pushState', 'replaceState'] as const) {
    const original = history[method];
    history[method] = function (this: History, ...args: Parameters<History['pushState']>) {
      original.apply(this, args);
      routeChanged();
    };
  }
  window.addEventListener('popstate', routeChanged);

  document.addEventListener(
    'click',
    (event) => {
      const element = (event.target as Element | null)?.closest?.('[data-track]');
      if (!element) return;
      const href = (element as HTMLAnchorElement).href;
      enqueue('click', {
        element: cut(element.getAttribute('data-track'), 100),
        label: cut(element.getAttribute('data-track-label'), 200),
        href: typeof href === 'string' ? cut(href, 2048) : undefined,
      });
    },
    true,
  );

  document.addEventListener(
    'submit',
    (event) => {
      const form = event.target as HTMLFormElement | null;
      const name = form?.getAttribute?.('data-track-form');
      if (!form || !name) return;
      // Names of the fields only: what was typed never leaves the page.
      const fields = [...new Set(Array.from(form.elements, (field) => (field as HTMLInputElement).name))]
        .filter(Boolean)
        .slice(0, 50)
        .map((field) => field.slice(0, 60));
      enqueue('form_submit', { form: name.slice(0, 100), fields });
    },
    true,
  );

  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') sendOnHide();
  });
  window.addEventListener('pagehide', sendOnHide);
  window.addEventListener('online', () => {
    attempt = 0;
    void send();
  });

  if (granted()) start();

  return {
    consent: ({ analytics }) => {
      const next: ConsentStatus = analytics ? 'granted' : 'denied';
      if (next === status) return;
      status = next;
      store.set('consent', status);
      store.set('consentAt', new Date().toISOString());
      if (analytics) start();
      else forget();
    },
    consentStatus: () => status,
    page,
    track: (type: string, properties: Record<string, unknown>) =>
      builtIn.test(type)
        ? enqueue(type as ChannelEvent['type'], properties)
        : enqueue('custom', properties, type),
    identify: (customerId, token, properties = {}) => {
      if (!granted()) return;
      customer = customerId;
      identityToken = token;
      store.set('customer', customerId);
      store.set('identity', token);
      enqueue('identify', properties);
      if (!attempt) void send();
    },
    reset: () => {
      if (!granted()) return;
      if (customer) enqueue('logout', {});
      customer = identityToken = undefined;
      store.remove('customer');
      store.remove('identity');
      store.remove('session');
      visitor = newId();
      store.set('visitor', visitor);
      if (!attempt) void send();
    },
    flush: send,
    visitorId: () => visitor,
  };
};
