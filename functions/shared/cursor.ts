/** Opaque pagination cursors: DynamoDB's LastEvaluatedKey, base64url-encoded. */
import { ValidationFailed } from './errors.ts';

export const encodeCursor = (key: Record<string, unknown> | undefined): string | undefined =>
  key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined;

export const decodeCursor = (cursor: string | undefined): Record<string, unknown> | undefined => {
  if (!cursor) return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof key === 'object' && key !== null && !Array.isArray(key)) return key;
  } catch {
    // reported below
  }
  throw new ValidationFailed([
    { field: 'cursor', message: 'this cursor is not one the API gave; start again without it' },
  ]);
};
