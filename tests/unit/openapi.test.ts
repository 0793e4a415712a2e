import { describe, expect, it } from 'vitest';
import { openApiDocument } from '#schemas/openapi.ts';
import { routes } from '#schemas/routes.ts';

describe('the OpenAPI document', () => {
  const document = openApiDocument();

  it('describes every route of the route table', () => {
    for (const route of routes) {
      expect(
        document.paths[route.path]?.[route.method.toLowerCase()],
        `${route.method} ${route.path}`,
      ).toBeDefined();
    }
  });

  it('resolves every $ref to a component', () => {
    const refs = JSON.stringify(document).match(/"#\/components\/schemas\/[^"]+"/g) ?? [];
    for (const ref of refs) {
      expect(document.components.schemas, ref).toHaveProperty(ref.slice(22, -1));
    }
  });

  it('has not changed without review', async () => {
    await expect(JSON.stringify(document, null, 2)).toMatchFileSnapshot('./__snapshots__/openapi.json');
  });
});
