/**
 * Opaque pagination cursors: DynamoDB's LastEvaluatedKey, base64url-encoded. A cursor is only
 * accepted for the query that gave it: the key must name exactly that query's key attributes,
 * as strings, with its partition. A cursor of another list, a made-up one or a damaged one is a
 * 400 (DynamoDB would refuse it with an error, or start another partition's page).
 */
import { ValidationFailed } from './errors.ts';

/** The query a cursor belongs to: its key attributes and the partition it reads. */
export type CursorScope = { keyNames: readonly string[]; partitionKey: string; partition: string };

export const encodeCursor = (key: Record<string, unknown> | undefined): string | undefined =>
  key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined;

const parse = (cursor: string): unknown => {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
};

const fitsScope = (key: unknown, scope: CursorScope): key is Record<string, string> => {
  if (typeof key !== 'object' || key === null || Array.isArray(key)) return false;
  const entries = Object.entries(key);
  return (
    entries.length === scope.keyNames.length &&
    entries.every(
      ([name, value]) => scope.keyNames.includes(name) && typeof value === 'string' && value.length <= 1024,
    ) &&
    (key as Record<string, string>)[scope.partitionKey] === scope.partition
  );
};

export const decodeCursor = (
  cursor: string | undefined,
  scope: CursorScope,
): Record<string, string> | undefined => {
  if (!cursor) return undefined;
  const key = parse(cursor);
  if (fitsScope(key, scope)) return key;
  throw new ValidationFailed([
    { field: 'cursor', message: 'this cursor is not one this list gave; start again without it' },
  ]);
};
