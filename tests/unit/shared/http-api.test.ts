/**
 * The HTTP stack is built per context: a context with an idempotent route must bring the
 * idempotency store, and one without does not load it (its init stays small).
 */
import { describe, expect, test } from 'vitest';
import type { RouteDefinition } from '#schemas/route-definition.ts';
import { httpApi } from '#shared/http/api.ts';

const createThing = {
  id: 'createThing',
  method: 'POST',
  path: '/v1/things',
  context: 'platform',
  summary: 'Creates a thing',
  roles: 'public',
  idempotent: true,
  response: { status: 201 },
} as const satisfies RouteDefinition;

describe('httpApi', () => {
  test('refuses to build a context whose idempotent route has no idempotency store', () => {
    // Act and assess: at init, not on the first retried request.
    expect(() => httpApi([createThing], { createThing: async () => ({}) })).toThrow(
      'route createThing is idempotent: pass { idempotency: onceByKey } to httpApi',
    );
  });

  test('builds it when the store is given', () => {
    // Act
    const handler = httpApi(
      [createThing],
      { createThing: async () => ({}) },
      { idempotency: async (_, work) => work() },
    );
    // Assess
    expect(typeof handler).toBe('function');
  });
});
