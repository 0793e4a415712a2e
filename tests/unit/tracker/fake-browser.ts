/**
 * Just enough of a browser for the tracker's unit tests, without jsdom: window and document
 * events, location and history, navigator (online or not), localStorage, and a `fetch` that
 * records each request and answers as the test says. Installed with `vi.stubGlobal`.
 */
import { vi } from 'vitest';

export type SentRequest = {
  url: string;
  headers: Record<string, string>;
  keepalive: boolean;
  /** When it was sent (by the test's clock). */
  at: number;
  body: { batch: Record<string, unknown>[]; sentAt: string };
};

/** What the fake API answers: a status and a body, or a network failure; or made from the batch. */
export type Answer =
  | { status: number; body?: unknown; headers?: Record<string, string> }
  | 'network error'
  | ((batch: { messageId: string }[]) => Answer);

type Listener = (event: unknown) => void;

const eventTarget = () => {
  const listeners = new Map<string, Listener[]>();
  return {
    addEventListener: (type: string, listener: Listener) => {
      listeners.set(type, [...(listeners.get(type) ?? []), listener]);
    },
    removeEventListener: (type: string, listener: Listener) => {
      listeners.set(
        type,
        (listeners.get(type) ?? []).filter((l) => l !== listener),
      );
    },
    dispatch: (type: string, event: unknown = {}) => {
      for (const listener of listeners.get(type) ?? []) listener(event);
    },
  };
};

/** An element with attributes and a parent, answering `closest('[data-…]')` and `getAttribute`. */
export type FakeElement = {
  attributes: Record<string, string>;
  parent?: FakeElement;
  href?: string;
  name?: string;
  value?: string;
  elements?: FakeElement[];
  getAttribute: (name: string) => string | null;
  closest: (selector: string) => FakeElement | null;
};

export const element = (
  attributes: Record<string, string>,
  extra: {
    parent?: FakeElement;
    href?: string;
    name?: string;
    value?: string;
    elements?: FakeElement[];
  } = {},
): FakeElement => {
  const self: FakeElement = {
    attributes,
    ...extra,
    getAttribute: (name) => attributes[name] ?? null,
    closest: (selector) => {
      const attribute = /^\[([a-z-]+)\]$/.exec(selector)?.[1];
      for (let node: FakeElement | undefined = self; node; node = node.parent) {
        if (attribute && attribute in node.attributes) return node;
      }
      return null;
    },
  };
  return self;
};

export const installFakeBrowser = (startUrl = 'https://www.banque-relais.fr/') => {
  let url = new URL(startUrl);
  const windowEvents = eventTarget();
  const documentEvents = eventTarget();
  const storage = new Map<string, string>();
  const requests: SentRequest[] = [];
  const answers: Answer[] = [];
  const navigatorState = {
    onLine: true,
    language: 'fr-FR',
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/140',
  };
  const documentState = {
    title: 'Banque Relais',
    referrer: 'https://www.moteur.example/',
    visibilityState: 'visible',
  };

  const localStorage = {
    getItem: (key: string) => storage.get(key) ?? null,
    setItem: (key: string, value: string) => void storage.set(key, String(value)),
    removeItem: (key: string) => void storage.delete(key),
  };
  const location = {
    get href() {
      return url.href;
    },
    get pathname() {
      return url.pathname;
    },
    get search() {
      return url.search;
    },
  };
  const history = {
    pushState: (_state: unknown, _unused: string, next?: string) => {
      if (next) url = new URL(next, url);
    },
    replaceState: (_state: unknown, _unused: string, next?: string) => {
      if (next) url = new URL(next, url);
    },
  };
  const fetch = vi.fn(async (target: string, init: RequestInit) => {
    const body = JSON.parse(String(init.body)) as SentRequest['body'];
    requests.push({
      url: target,
      headers: init.headers as Record<string, string>,
      keepalive: init.keepalive === true,
      at: Date.now(),
      body,
    });
    const batch = body.batch as { messageId: string }[];
    let answer = answers.shift() ?? { status: 200 };
    while (typeof answer === 'function') answer = answer(batch);
    if (answer === 'network error') throw new TypeError('Failed to fetch');
    const reply = answer.body ?? { accepted: batch.map((event) => event.messageId), rejected: [] };
    return new Response(JSON.stringify(reply), {
      status: answer.status,
      headers: { 'content-type': 'application/json', ...answer.headers },
    });
  });

  vi.stubGlobal('window', { ...windowEvents, localStorage });
  vi.stubGlobal('document', {
    ...documentEvents,
    get title() {
      return documentState.title;
    },
    get referrer() {
      return documentState.referrer;
    },
    get visibilityState() {
      return documentState.visibilityState;
    },
  });
  vi.stubGlobal('location', location);
  vi.stubGlobal('history', history);
  vi.stubGlobal('navigator', navigatorState);
  vi.stubGlobal('localStorage', localStorage);
  vi.stubGlobal('fetch', fetch);

  return {
    /** localStorage's content. */
    storage,
    /** Every request the tracker made, in order. */
    requests,
    /** Every event sent, in order (a retried event appears again). */
    sentEvents: () => requests.flatMap((request) => request.body.batch),
    /** The next answers of the API, in order; then 200 with every event accepted. */
    answerWith: (...next: Answer[]) => void answers.push(...next),
    /** A user's navigation inside a single-page app. */
    history: () => globalThis.history,
    setTitle: (title: string) => {
      documentState.title = title;
    },
    /** The user goes back: the URL changes, then `popstate`. */
    back: (to: string) => {
      url = new URL(to, url);
      windowEvents.dispatch('popstate');
    },
    click: (target: FakeElement) => documentEvents.dispatch('click', { target }),
    submit: (form: FakeElement) => documentEvents.dispatch('submit', { target: form }),
    /** The tab goes to the background, then the page is left. */
    hide: () => {
      documentState.visibilityState = 'hidden';
      documentEvents.dispatch('visibilitychange');
      windowEvents.dispatch('pagehide');
    },
    offline: () => {
      navigatorState.onLine = false;
      windowEvents.dispatch('offline');
    },
    online: () => {
      navigatorState.onLine = true;
      windowEvents.dispatch('online');
    },
    /** A new page load in the same browser: same storage, fresh listeners and requests. */
    reload: (next: string) => {
      url = new URL(next, url);
      const fresh = installFakeBrowser(url.href);
      for (const [key, value] of storage) fresh.storage.set(key, value);
      return fresh;
    },
  };
};

export type FakeBrowser = ReturnType<typeof installFakeBrowser>;
