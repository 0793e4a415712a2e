import { describe, expect, it } from 'vitest';
import { compileEventSchema, nextVersion } from '#functions/channels/domain/custom-events.ts';
import { ValidationFailed } from '#shared/errors.ts';

const budgetTool = {
  type: 'object',
  properties: {
    tool: { type: 'string', enum: ['budget', 'savings'] },
    steps: { type: 'integer', minimum: 1 },
  },
  required: ['tool'],
  additionalProperties: false,
};

describe('custom event schemas', () => {
  it('checks properties against a registered JSON Schema', async () => {
    // Act
    const validator = await compileEventSchema(budgetTool);
    // Assess
    expect(validator.safeParse({ tool: 'budget', steps: 3 }).success).toBe(true);
    const refused = validator.safeParse({ tool: 'other', extra: 1 });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((i) => i.path.join('.') || i.code)).toEqual(
      expect.arrayContaining(['tool']),
    );
  });

  it('refuses a schema that does not describe an object', async () => {
    await expect(compileEventSchema({ type: 'string' })).rejects.toThrow(ValidationFailed);
    await expect(compileEventSchema({ properties: {} })).rejects.toThrow(ValidationFailed);
  });

  it('refuses schemas zod cannot use, naming the jsonSchema field', async () => {
    // Act
    const attempt = compileEventSchema({
      type: 'object',
      properties: { a: { $ref: 'https://example.com/schema.json' } },
    });
    // Assess
    const error = await attempt.catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ValidationFailed);
    expect((error as ValidationFailed).errors[0]?.field).toBe('jsonSchema');
    await expect(compileEventSchema({ type: 'object', properties: { a: 5 } })).rejects.toThrow(
      ValidationFailed,
    );
    await expect(
      compileEventSchema({ type: 'object', properties: { a: { type: 'string', pattern: '(' } } }),
    ).rejects.toThrow(ValidationFailed);
  });

  it('numbers versions from 1', () => {
    expect(nextVersion(undefined)).toBe(1);
    expect(nextVersion(3)).toBe(4);
  });
});
