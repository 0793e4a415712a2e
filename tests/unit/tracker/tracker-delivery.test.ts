/**
 * How the browser tracker delivers: batches (by time and by count), page hide (keepalive, key in
 * a header), retries with exponential backoff and jitter (network errors, 5xx, 429 — never 400
 * or 401), the offline queue in localStorage (bounded, sent when back online or by the next page).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTracker, type TrackerOptions } from '#web/tracker/src/tracker.ts';
import { element, type FakeBrowser, installFakeBrowser } from './fake-browser.ts';

const options: TrackerOptions = { apiUrl: 'https://api.relais.example/', writeKey: 'rk_web_test' };
let browser: FakeBrowser;

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-11-23T10:00:00Z') });
  browser = installFakeBrowser();
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const settle = (ms = 0) => vi.advanceTimersByTimeAsync(ms);

/** A consenting visitor whose landing page view has already been delivered. */
const consentingVisitor = async (extra: Partial<TrackerOptions> = {}) => {
  const tracker = createTracker({ ...options, ...extra });
  tracker.consent({ analytics: true });
  await settle(10_000);
  browser.requests.length = 0;
  return tracker;
};

const clicks = (count: number) => {
  for (let i = 0; i < count; i++) browser.click(element({ 'data-track': `bouton-${i}` }));
};

const queued = () => JSON.parse(browser.storage.get('relais_queue') ?? '[]') as { messageId: string }[];

describe('batching', () => {
  it('waits for the flush interval and sends what came in one request', async () => {
    // Prepare
    await consentingVisitor();

    // Act
    clicks(3);
    await settle(4_900);
    const beforeInterval = browser.requests.length;
    await settle(200);

    // Assess
    expect(beforeInterval).toBe(0);
    expect(browser.requests).toHaveLength(1);
    expect(browser.requests[0]?.body.batch).toHaveLength(3);
    expect(queued()).toEqual([]);
  });

  it('sends at once when 20 events are waiting, in batches of at most 20', async () => {
    // Prepare
    await consentingVisitor();

    // Act
    clicks(45);
    await settle(0);
    const atOnce = browser.requests.map((request) => request.body.batch.length);
    await settle(5_000);

    // Assess
    expect(atOnce.slice(0, 2)).toEqual([20, 20]);
    expect(browser.requests.map((request) => request.body.batch.length)).toEqual([20, 20, 5]);
    expect(new Set(browser.sentEvents().map((event) => event.messageId)).size).toBe(45);
  });

  it('sets sentAt when the request leaves, so the API can correct the device clock', async () => {
    // Prepare
    await consentingVisitor();
    clicks(1);

    // Act
    await settle(5_000);

    // Assess
    const [request] = browser.requests;
    expect(request?.body.sentAt).toBe('2026-11-23T10:00:15.000Z');
    expect(request?.body.batch[0]?.timestamp).toBe('2026-11-23T10:00:10.000Z');
  });

  it('hands the queue to the browser with keepalive when the page is hidden, the key in a header and not in the URL', async () => {
    // Prepare
    await consentingVisitor();
    clicks(3);

    // Act
    browser.hide();
    await settle(0);

    // Assess
    expect(browser.requests).toHaveLength(1);
    const [request] = browser.requests;
    expect(request?.keepalive).toBe(true);
    expect(request?.url).toBe('https://api.relais.example/v1/events');
    expect(request?.headers['x-write-key']).toBe('rk_web_test');
    expect(request?.body.batch).toHaveLength(3);
  });

  it('does not make the next page send again what was handed to the browser at page hide', async () => {
    // Prepare
    await consentingVisitor();
    clicks(3);
    browser.hide();
    const storedAfterHide = queued();

    // Act
    const next = browser.reload('/credit-immobilier');
    createTracker(options);
    await settle(5_000);

    // Assess
    expect(storedAfterHide).toEqual([]);
    expect(next.sentEvents()).toMatchObject([
      { type: 'page_view', properties: { path: '/credit-immobilier' } },
    ]);
  });

  it('stores again, and retries, what it handed off at page hide when that request fails', async () => {
    // Prepare
    await consentingVisitor();
    browser.answerWith({ status: 503 });
    clicks(2);

    // Act
    browser.hide();
    await settle(0);
    const storedAfterFailure = queued().length;
    await settle(2_000);

    // Assess
    expect(storedAfterFailure).toBe(2);
    expect(browser.requests).toHaveLength(2);
    expect(queued()).toEqual([]);
  });

  it('keeps everything stored when the page is hidden offline', async () => {
    // Prepare
    await consentingVisitor();
    clicks(2);
    browser.offline();

    // Act
    browser.hide();
    await settle(0);

    // Assess
    expect(browser.requests).toEqual([]);
    expect(queued()).toHaveLength(2);
  });
});

describe('retries', () => {
  it('retries network errors, 5xx and 429 with growing, jittered delays, the same message ids and a new sentAt', async () => {
    // Prepare
    const random = vi.spyOn(Math, 'random').mockReturnValue(0.5);
    await consentingVisitor();
    browser.answerWith('network error', { status: 503 }, { status: 429 }, { status: 500 });
    clicks(2);

    // Act
    await settle(5_000 + 20_000);

    // Assess
    expect(random).toHaveBeenCalled();
    expect(browser.requests).toHaveLength(5);
    const times = browser.requests.map((request) => request.at);
    const gaps = times.slice(1).map((time, i) => time - (times[i] ?? 0));
    // Steps of 1, 2, 4 and 8 s, each delay drawn between half the step and the whole (here 75 %).
    expect(gaps).toEqual([750, 1500, 3000, 6000]);
    const ids = browser.requests.map((request) => request.body.batch.map((event) => event.messageId).join());
    expect(new Set(ids).size).toBe(1);
    expect(new Set(browser.requests.map((request) => request.body.sentAt)).size).toBe(5);
    expect(queued()).toEqual([]);
  });

  it('waits at least as long as a 429 answer’s Retry-After', async () => {
    // Prepare
    await consentingVisitor();
    browser.answerWith({ status: 429, headers: { 'retry-after': '30' } });
    clicks(1);
    await settle(5_000);

    // Act
    await settle(29_000);
    const beforeRetryAfter = browser.requests.length;
    await settle(1_000);

    // Assess
    expect(beforeRetryAfter).toBe(1);
    expect(browser.requests).toHaveLength(2);
  });

  it('drops a batch refused with 400 or 401 instead of sending it again', async () => {
    // Prepare
    await consentingVisitor();
    browser.answerWith(
      { status: 400, body: { title: 'Bad Request' } },
      { status: 401, body: { title: 'Unauthorized' } },
    );

    // Act
    clicks(1);
    await settle(5_000);
    clicks(1);
    await settle(5_000);
    await settle(120_000);

    // Assess
    expect(browser.requests).toHaveLength(2);
    expect(queued()).toEqual([]);
  });

  it('on a 207, keeps only the events the API marks retryable', async () => {
    // Prepare
    await consentingVisitor();
    clicks(3);
    browser.answerWith(([kept, invalid, retryable]) => ({
      status: 207,
      body: {
        accepted: [kept?.messageId],
        rejected: [
          { index: 1, messageId: invalid?.messageId, reason: 'invalid event', retryable: false },
          { index: 2, messageId: retryable?.messageId, reason: 'not stored, retry later', retryable: true },
        ],
      },
    }));

    // Act
    await settle(5_000);
    await settle(5_000);

    // Assess
    const [first, retry] = browser.requests.map((request) =>
      request.body.batch.map((event) => event.messageId),
    );
    expect(browser.requests).toHaveLength(2);
    expect(retry).toEqual([first?.[2]]);
    expect(queued()).toEqual([]);
  });
});

describe('offline queue', () => {
  it('keeps events in localStorage while offline and sends them when the connection is back', async () => {
    // Prepare
    await consentingVisitor();
    browser.offline();

    // Act
    clicks(30);
    await settle(60_000);
    const whileOffline = browser.requests.length;
    const storedWhileOffline = queued().length;
    browser.online();
    await settle(0);

    // Assess
    expect(whileOffline).toBe(0);
    expect(storedWhileOffline).toBe(30);
    expect(browser.requests.map((request) => request.body.batch.length)).toEqual([20, 10]);
    expect(queued()).toEqual([]);
  });

  it('keeps at most 500 events, dropping the oldest', async () => {
    // Prepare
    await consentingVisitor();
    browser.offline();

    // Act
    clicks(520);
    browser.online();
    await settle(0);

    // Assess
    const sent = browser.sentEvents().map((event) => (event.properties as { element: string }).element);
    expect(sent).toHaveLength(500);
    expect(sent[0]).toBe('bouton-20');
    expect(sent.at(-1)).toBe('bouton-519');
  });

  it('lets the next page send what the previous one could not', async () => {
    // Prepare
    await consentingVisitor();
    browser.answerWith('network error');
    clicks(2);
    await settle(5_000);
    const pending = queued().map((event) => event.messageId);

    // Act
    const next = browser.reload('/credit-immobilier');
    createTracker(options);
    await settle(0);

    // Assess
    expect(pending).toHaveLength(2);
    const sent = next.sentEvents().map((event) => event.messageId);
    expect(sent).toEqual(expect.arrayContaining(pending));
    expect(sent).toHaveLength(3);
  });
});
