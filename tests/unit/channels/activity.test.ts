import { describe, expect, it } from 'vitest';
import {
  type ActivityEvent,
  activityRole,
  addToVisit,
  eventEntry,
  isFull,
  maxEventsPerVisit,
  startVisit,
  type VisitPointer,
  visitEntry,
  visitKeyOf,
  visitPlacement,
} from '#functions/channels/domain/activity.ts';

const at = (minutes: number) => new Date(Date.UTC(2026, 10, 23, 9, 0) + minutes * 60_000).toISOString();

const pageView = (
  id: string,
  minutes: number,
  path: string,
  extra: Partial<ActivityEvent> = {},
): ActivityEvent => ({
  eventId: id,
  type: 'page_view',
  channel: 'web',
  occurredAt: at(minutes),
  anonymousId: 'visitor-0001',
  customerId: 'cu-1',
  properties: { path },
  context: { consent: { analytics: true } },
  ...extra,
});

const pointerOf = (startMinutes: number, lastMinutes: number): VisitPointer => ({
  visitSk: 'A#TL#x',
  startedAt: at(startMinutes),
  lastAt: at(lastMinutes),
});

describe('visits', () => {
  it('counts the page views of a visit once each, with the latest paths and the products viewed', () => {
    // Prepare
    const events = [
      pageView('e-1', 0, '/'),
      pageView('e-2', 1, '/credit-immobilier'),
      {
        ...pageView('e-3', 2, ''),
        type: 'product_view',
        properties: { product: 'home_loan' },
      } as ActivityEvent,
      ...['/simulateur', '/epargne', '/livret-a', '/contact', '/connexion'].map((p, i) =>
        pageView(`e-${4 + i}`, 3 + i, p),
      ),
    ];
    // Act
    let visit = startVisit(events[0]!);
    for (const event of [...events.slice(1), events[1]!, events[4]!])
      visit = addToVisit(visit, event) ?? visit;
    // Assess
    expect(visit.pages).toBe(7);
    expect(visit.recentPaths.map((p) => p.path)).toEqual([
      '/simulateur',
      '/epargne',
      '/livret-a',
      '/contact',
      '/connexion',
    ]);
    expect(visit.products).toEqual(['home_loan']);
    expect(visit.startedAt).toBe(at(0));
    expect(visit.endedAt).toBe(at(7));
  });

  it('changes nothing when an event is processed again', () => {
    const visit = startVisit(pageView('e-1', 0, '/'));
    expect(addToVisit(visit, pageView('e-1', 0, '/'))).toBeUndefined();
  });

  it('places late events in time order and moves the start back', () => {
    // Prepare
    const visit = startVisit(pageView('e-2', 5, '/b'));
    // Act
    const next = addToVisit(visit, pageView('e-1', 1, '/a'))!;
    // Assess
    expect(next.startedAt).toBe(at(1));
    expect(next.recentPaths.map((p) => p.path)).toEqual(['/a', '/b']);
  });

  it('groups by session id whatever the gap', () => {
    const event = pageView('e-9', 500, '/', { sessionId: 's-1' });
    expect(visitKeyOf(event)).toBe('S#s-1');
    expect(visitPlacement(pointerOf(0, 1), event)).toBe('join');
  });

  it('without a session, starts a new visit after 30 minutes of inactivity', () => {
    // Prepare
    const pointer = pointerOf(0, 10);
    // Act / Assess
    expect(visitKeyOf(pageView('e', 0, '/'))).toBe('A#visitor-0001');
    expect(visitPlacement(undefined, pageView('e', 0, '/'))).toBe('newLatest');
    expect(visitPlacement(pointer, pageView('e', 40, '/'))).toBe('join');
    expect(visitPlacement(pointer, pageView('e', 41, '/'))).toBe('newLatest');
    expect(visitPlacement(pointer, pageView('e', -31, '/'))).toBe('newEarlier');
  });

  it('gives a visit a stable id and summarises it for the timeline', () => {
    // Prepare
    const visit = addToVisit(
      startVisit(pageView('e-1', 0, '/', { sessionId: 's-1' })),
      pageView('e-2', 3, '/epargne'),
    )!;
    // Act
    const entry = visitEntry(visit);
    // Assess
    expect(startVisit(pageView('e-1', 0, '/', { sessionId: 's-1' })).id).toBe(visit.id);
    expect(entry).toMatchObject({
      id: visit.id,
      type: 'Visit',
      source: 'relais.channels',
      occurredAt: at(0),
      detail: { channel: 'web', sessionId: 's-1', pages: 2, durationSeconds: 180, paths: ['/', '/epargne'] },
    });
  });

  it('is full once it counted its maximum of events (a new visit then starts)', () => {
    // Prepare
    const visit = startVisit(pageView('e-0', 0, '/'));
    const ids = Array.from({ length: maxEventsPerVisit }, (_, i) => `e-${i}`);
    // Act / Assess
    expect(isFull(visit)).toBe(false);
    expect(isFull({ ...visit, eventIds: ids })).toBe(true);
  });
});

describe('entries of their own', () => {
  it('makes logins, simulations, forms, product views, transactions and app opens entries', () => {
    expect(activityRole('identify')).toBe('entry');
    expect(activityRole('product_view')).toBe('both');
    expect(activityRole('page_view')).toBe('visit');
    expect(activityRole('click')).toBe('none');
  });

  it('summarises a completed simulation', () => {
    // Prepare
    const event: ActivityEvent = {
      ...pageView('sim-1', 4, ''),
      type: 'simulation_completed',
      properties: { simulationId: 'sim-42', product: 'home_loan', amount: 200_000, durationMonths: 240 },
    };
    // Act
    const entry = eventEntry(event);
    // Assess
    expect(entry).toEqual({
      id: 'sim-1',
      type: 'SimulationCompleted',
      source: 'relais.channels',
      occurredAt: at(4),
      actor: { id: 'cu-1', name: 'web' },
      detail: {
        channel: 'web',
        simulationId: 'sim-42',
        product: 'home_loan',
        amount: 200_000,
        durationMonths: 240,
      },
    });
  });

  it('names a login as such and keeps no form values', () => {
    const login = eventEntry({
      ...pageView('l-1', 0, ''),
      type: 'identify',
      properties: { method: 'password' },
    });
    const form = eventEntry({
      ...pageView('f-1', 0, ''),
      type: 'form_submit',
      properties: { form: 'contact', fields: ['email'] },
    });
    expect(login?.type).toBe('Login');
    expect(login?.detail).toEqual({ channel: 'web', method: 'password' });
    expect(form?.detail).toEqual({ channel: 'web', form: 'contact' });
    expect(eventEntry({ ...pageView('c-1', 0, ''), type: 'click', properties: {} })).toBeUndefined();
  });
});
