/**
 * What the browser tracker records: nothing before consent, nothing kept after a refusal; page
 * views (single-page-app route changes included), tracked clicks, tracked forms (field names,
 * never values), login and logout, sessions — every event valid against the API's schema.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ChannelEvent, IngestRequest } from '#schemas/channels/channel-event.ts';
import { choiceLapsed, createTracker, type TrackerOptions } from '#web/tracker/src/tracker.ts';
import { element, type FakeBrowser, installFakeBrowser } from './fake-browser.ts';

const options: TrackerOptions = { apiUrl: 'https://api.relais.example', writeKey: 'rk_web_test' };
let browser: FakeBrowser;

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-11-23T10:00:00Z') });
  browser = installFakeBrowser('https://www.banque-relais.fr/?utm_source=newsletter&utm_campaign=immo');
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** Lets timers and the fake API's answers run. */
const settle = (ms = 10_000) => vi.advanceTimersByTimeAsync(ms);

const trackedForm = () =>
  element(
    { 'data-track-form': 'simulateur-pret' },
    {
      elements: [
        element({}, { name: 'montant', value: '250000' }),
        element({}, { name: 'duree', value: '240' }),
        element({}, { name: 'email', value: 'jeanne.dupont@exemple.fr' }),
        element({}, {}),
      ],
    },
  );

describe('consent', () => {
  it('stores nothing and sends nothing before the visitor consents', async () => {
    // Prepare
    const tracker = createTracker(options);

    // Act
    browser.history().pushState(null, '', '/credit-immobilier');
    browser.click(element({ 'data-track': 'cta-simuler' }));
    browser.submit(trackedForm());
    tracker.track('product_view', { product: 'pret-immo', family: 'loan' });
    tracker.identify('cus-0001', 'token-of-cus-0001');
    await tracker.flush();
    browser.hide();
    await settle(60_000);

    // Assess
    expect(tracker.consentStatus()).toBe('unknown');
    expect(browser.requests).toEqual([]);
    expect([...browser.storage.keys()]).toEqual([]);
    expect(tracker.visitorId()).toBeUndefined();
  });

  it('on consent, creates a visitor id, keeps it, and sends a view of the page the visitor is on', async () => {
    // Prepare
    const tracker = createTracker(options);

    // Act
    tracker.consent({ analytics: true });
    await settle();

    // Assess
    const visitor = tracker.visitorId();
    expect(visitor).toMatch(/^[0-9a-f]{32}$/);
    expect(browser.storage.get('relais_visitor')).toBe(visitor);
    expect(browser.storage.get('relais_consent')).toBe('granted');
    expect(browser.requests).toHaveLength(1);
    const [request] = browser.requests;
    expect(request?.url).toBe('https://api.relais.example/v1/events');
    expect(request?.headers['x-write-key']).toBe('rk_web_test');
    expect(IngestRequest.safeParse(request?.body).success).toBe(true);
    const [view] = browser.sentEvents();
    expect(ChannelEvent.parse(view)).toMatchObject({
      type: 'page_view',
      anonymousId: visitor,
      properties: { path: '/', title: 'Banque Relais' },
      context: {
        consent: { analytics: true },
        page: { path: '/', referrer: 'https://www.moteur.example/' },
        campaign: { source: 'newsletter', name: 'immo' },
        locale: 'fr-FR',
        device: { type: 'desktop' },
      },
    });
  });

  it('tracks at once on a later page when consent was given earlier, with the same visitor id', async () => {
    // Prepare
    const first = createTracker(options);
    first.consent({ analytics: true });
    await settle();
    const next = browser.reload('/epargne');

    // Act
    const tracker = createTracker(options);
    await settle();

    // Assess
    expect(tracker.consentStatus()).toBe('granted');
    expect(tracker.visitorId()).toBe(first.visitorId());
    expect(next.sentEvents()).toMatchObject([{ type: 'page_view', properties: { path: '/epargne' } }]);
  });

  it('after a refusal, forgets the visitor and the queue, keeps only the refusal, and sends nothing more', async () => {
    // Prepare
    const tracker = createTracker(options);
    tracker.consent({ analytics: true });
    tracker.identify('cus-0001', 'token-of-cus-0001');
    await settle();
    browser.answerWith('network error');
    tracker.track('product_view', { product: 'livret-a' });
    await settle();
    const sentBefore = browser.requests.length;

    // Act
    tracker.consent({ analytics: false });
    browser.click(element({ 'data-track': 'cta-simuler' }));
    tracker.track('product_view', { product: 'pel' });
    browser.online();
    browser.hide();
    await settle(120_000);

    // Assess
    // The refusal and when it was made (it lapses 13 months later), nothing else.
    expect(Object.fromEntries(browser.storage)).toEqual({
      relais_consent: 'denied',
      relais_consentAt: '2026-11-23T10:00:20.000Z',
    });
    expect(tracker.visitorId()).toBeUndefined();
    expect(browser.requests).toHaveLength(sentBefore);
  });

  it('after a refusal, a later page stays silent', async () => {
    // Prepare
    createTracker(options).consent({ analytics: false });
    const next = browser.reload('/credit-immobilier');

    // Act
    const tracker = createTracker(options);
    tracker.track('product_view', { product: 'pret-immo' });
    await settle(60_000);

    // Assess
    expect(tracker.consentStatus()).toBe('denied');
    expect(next.requests).toEqual([]);
    expect([...next.storage.keys()]).toEqual(['relais_consent', 'relais_consentAt']);
  });

  it('asks again 13 months after the choice, having forgotten the visitor, and sends nothing', async () => {
    // Prepare: consent on 23 November 2026 at 10:00
    const first = createTracker(options);
    first.consent({ analytics: true });
    await settle();
    vi.setSystemTime(new Date('2027-12-23T09:59:00Z'));
    const dayBefore = browser.reload('/epargne');
    const stillGranted = createTracker(options);
    await settle();
    vi.setSystemTime(new Date('2027-12-23T10:00:00Z'));
    const lapsed = browser.reload('/credit-immobilier');

    // Act
    const tracker = createTracker(options);
    tracker.track('product_view', { product: 'pret-immo' });
    await settle(60_000);

    // Assess: the same visitor a minute before, asked again after
    expect(stillGranted.visitorId()).toBe(first.visitorId());
    expect(dayBefore.sentEvents()).toHaveLength(1);
    expect(tracker.consentStatus()).toBe('unknown');
    expect(tracker.visitorId()).toBeUndefined();
    expect(lapsed.requests).toEqual([]);
    expect([...lapsed.storage.keys()]).toEqual([]);
  });

  it('counts 13 months as the calendar does: from 31 January, the last day of the next February', () => {
    expect(choiceLapsed('2026-01-31T10:00:00.000Z', new Date('2027-02-28T09:59:59Z'))).toBe(false);
    expect(choiceLapsed('2026-01-31T10:00:00.000Z', new Date('2027-02-28T10:00:00Z'))).toBe(true);
  });
});

describe('page views', () => {
  it('records a view on each route change of a single-page app, once per path, with the previous page as referrer', async () => {
    // Prepare
    const tracker = createTracker(options);
    tracker.consent({ analytics: true });

    // Act
    browser.setTitle('Épargne');
    browser.history().pushState({}, '', '/epargne');
    await settle(0);
    browser.history().replaceState({ tab: 1 }, '', '/epargne');
    await settle(0);
    browser.history().pushState({}, '', '/epargne/livret-a?onglet=taux');
    await settle(0);
    browser.back('/epargne');
    await settle();

    // Assess
    const views = browser.sentEvents().filter((event) => event.type === 'page_view');
    expect(views.map((view) => (view.properties as { path: string }).path)).toEqual([
      '/',
      '/epargne',
      '/epargne/livret-a',
      '/epargne',
    ]);
    expect(views[1]).toMatchObject({
      properties: { title: 'Épargne' },
      context: {
        page: { referrer: 'https://www.banque-relais.fr/?utm_source=newsletter&utm_campaign=immo' },
      },
    });
    expect(views[2]).toMatchObject({
      context: { page: { url: 'https://www.banque-relais.fr/epargne/livret-a?onglet=taux' } },
    });
  });

  it('records no automatic view when page views are turned off, but still a manual one', async () => {
    // Prepare
    const tracker = createTracker({ ...options, pageViews: false });
    tracker.consent({ analytics: true });

    // Act
    browser.history().pushState({}, '', '/epargne');
    await settle(0);
    tracker.page();
    await settle();

    // Assess
    expect(browser.sentEvents()).toMatchObject([{ type: 'page_view', properties: { path: '/epargne' } }]);
  });
});

describe('clicks, forms and custom events', () => {
  it('records clicks on elements marked data-track (and inside them), with their label and link, and ignores the rest', async () => {
    // Prepare
    const tracker = createTracker(options);
    tracker.consent({ analytics: true });
    const link = element(
      { 'data-track': 'menu-credit', 'data-track-label': 'Crédit immobilier' },
      { href: 'https://www.banque-relais.fr/credit-immobilier' },
    );

    // Act
    browser.click(element({ class: 'icon' }, { parent: link }));
    browser.click(element({ class: 'untracked' }));
    browser.click(element({ 'data-track': 'cta-simuler' }));
    await settle();

    // Assess
    const clicks = browser.sentEvents().filter((event) => event.type === 'click');
    expect(clicks.map((click) => ChannelEvent.parse(click).properties)).toEqual([
      {
        element: 'menu-credit',
        label: 'Crédit immobilier',
        href: 'https://www.banque-relais.fr/credit-immobilier',
      },
      { element: 'cta-simuler' },
    ]);
  });

  it('records submits of forms marked data-track-form with the names of their fields, never what was typed', async () => {
    // Prepare
    const tracker = createTracker(options);
    tracker.consent({ analytics: true });

    // Act
    browser.submit(trackedForm());
    browser.submit(element({}, { elements: [element({}, { name: 'q', value: 'secret' })] }));
    await settle();

    // Assess
    const submits = browser.sentEvents().filter((event) => event.type === 'form_submit');
    expect(submits.map((submit) => ChannelEvent.parse(submit).properties)).toEqual([
      { form: 'simulateur-pret', fields: ['montant', 'duree', 'email'] },
    ]);
    const everything = JSON.stringify(browser.requests);
    expect(everything).not.toContain('250000');
    expect(everything).not.toContain('jeanne.dupont');
  });

  it('sends product views and simulations as built-in events, and unknown names as custom events', async () => {
    // Prepare
    const tracker = createTracker(options);
    tracker.consent({ analytics: true });

    // Act
    tracker.track('product_view', { product: 'pret-immo', family: 'loan' });
    tracker.track('simulation_completed', {
      simulationId: 'sim-1',
      product: 'pret-immo',
      amount: 250000,
      durationMonths: 240,
      monthlyPayment: 1264.14,
    });
    tracker.track('budget_tool_used', { step: 2 });
    await settle();

    // Assess
    const [, product, simulation, custom] = browser.sentEvents().map((event) => ChannelEvent.parse(event));
    expect(product).toMatchObject({ type: 'product_view', properties: { product: 'pret-immo' } });
    expect(simulation).toMatchObject({ type: 'simulation_completed', properties: { amount: 250000 } });
    expect(custom).toMatchObject({ type: 'custom', name: 'budget_tool_used', properties: { step: 2 } });
  });
});

describe('identify and reset', () => {
  it('links the visitor to the customer at login, tags later events, then starts afresh at logout', async () => {
    // Prepare
    const tracker = createTracker(options);
    tracker.consent({ analytics: true });
    await settle();
    const visitor = tracker.visitorId();

    // Act
    tracker.identify('cus-0001', 'token-of-cus-0001', { method: 'password' });
    browser.click(element({ 'data-track': 'mes-comptes' }));
    tracker.reset();
    browser.click(element({ 'data-track': 'accueil' }));
    await settle();

    // Assess
    const [, login, click, logout, after] = browser.sentEvents().map((event) => ChannelEvent.parse(event));
    expect(login).toMatchObject({
      type: 'identify',
      customerId: 'cus-0001',
      identityToken: 'token-of-cus-0001',
      anonymousId: visitor,
      properties: { method: 'password' },
    });
    expect(click).toMatchObject({
      type: 'click',
      customerId: 'cus-0001',
      identityToken: 'token-of-cus-0001',
      anonymousId: visitor,
    });
    expect(logout).toMatchObject({ type: 'logout', customerId: 'cus-0001', anonymousId: visitor });
    expect(after?.customerId).toBeUndefined();
    expect(after?.identityToken).toBeUndefined();
    expect(after?.anonymousId).not.toBe(visitor);
    expect(after?.sessionId).not.toBe(login?.sessionId);
    expect(browser.storage.has('relais_customer')).toBe(false);
    expect(browser.storage.get('relais_visitor')).toBe(tracker.visitorId());
  });

  it('remembers the customer on the next page of the same browser', async () => {
    // Prepare
    const first = createTracker(options);
    first.consent({ analytics: true });
    first.identify('cus-0001', 'token-of-cus-0001');
    await settle();
    const next = browser.reload('/espace-client');

    // Act
    createTracker(options);
    await settle();

    // Assess
    expect(next.sentEvents()).toMatchObject([{ type: 'page_view', customerId: 'cus-0001' }]);
  });
});

describe('sessions', () => {
  it('keeps one session id while the visitor is active and starts a new one after 30 minutes without activity', async () => {
    // Prepare
    const tracker = createTracker(options);
    tracker.consent({ analytics: true });

    // Act
    await settle(20 * 60_000);
    tracker.track('product_view', { product: 'livret-a' });
    await settle(29 * 60_000);
    tracker.track('product_view', { product: 'ldds' });
    await settle(31 * 60_000);
    tracker.track('product_view', { product: 'pel' });
    await settle();

    // Assess
    const sessions = browser.sentEvents().map((event) => event.sessionId);
    expect(sessions[0]).toBe(sessions[1]);
    expect(sessions[1]).toBe(sessions[2]);
    expect(sessions[3]).not.toBe(sessions[2]);
    expect(new Set(browser.sentEvents().map((event) => event.messageId)).size).toBe(4);
  });
});
