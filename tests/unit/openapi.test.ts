import { Validator } from '@seriousme/openapi-schema-validator';
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

  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await new Validator().validate(structuredClone(document));
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
  });

  it('defines every component schema, none as a bare reference to itself', () => {
    for (const [name, schema] of Object.entries(document.components.schemas)) {
      expect(schema, name).not.toEqual({ $ref: `#/components/schemas/${name}` });
    }
  });

  it('has not changed without review', async () => {
    await expect(JSON.stringify(document, null, 2)).toMatchFileSnapshot('./__snapshots__/openapi.json');
  });
});
