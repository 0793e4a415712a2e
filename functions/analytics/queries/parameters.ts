/**
 * Parameters of saved queries: defaults (relative dates resolved on the day), the check of each
 * given value against its declared type, and the binding of a query for an engine — `:name`
 * becomes a positional `?` and the checked value travels beside the text, never inside it —
 * with the days it reads (its window). The files themselves are read by `catalogue.ts`.
 */
import type { SavedQuery } from '#schemas/analytics/query.ts';
import { ValidationFailed } from '#shared/errors.ts';
import { type CatalogueEntry, type DeclaredParameter, pieces, placeholders } from './catalogue.ts';

/** A parameter value once checked: its type decides how each engine binds it. */
export type BoundValue =
  | { type: 'date'; value: string }
  | { type: 'integer'; value: number }
  | { type: 'string'; value: string };

/** A statement ready for an engine: positional `?` placeholders and their values, in order. */
export type BoundQuery = {
  sql: string;
  values: BoundValue[];
  /** The values by parameter name, as they were applied (defaults included). */
  parameters: Record<string, string | number>;
  /**
   * The days the query reads, from its `from` and `to` date parameters (every saved query has
   * them), unless it `readsEveryDay`: an engine reads only these days' partitions.
   */
  window?: DateWindow;
};

/** Days, `YYYY-MM-DD`, both included. */
export type DateWindow = { from: string; to: string };

const maxStringLength = 200;

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;
const relativeDate = /^today(?:([+-])(\d{1,4}))?$/;

const isCalendarDate = (value: string): boolean => {
  const parts = isoDate.exec(value);
  if (!parts) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
};

/**
 * A date default as the header may write it: an ISO date, or `today`, `today-30`, `today+1`
 * (days, UTC), so that a query opens on a recent period whenever it is run.
 */
export const resolveDateDefault = (value: string, now: Date): string => {
  const relative = relativeDate.exec(value);
  if (!relative) return value;
  const days = Number(relative[2] ?? 0) * (relative[1] === '-' ? -1 : 1);
  return new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
};

/** A parameter's default with relative dates resolved, or undefined when it has none. */
export const defaultValue = (parameter: DeclaredParameter, now: Date): string | number | undefined => {
  if (parameter.default === undefined) return undefined;
  return parameter.type === 'date' && typeof parameter.default === 'string'
    ? resolveDateDefault(parameter.default, now)
    : parameter.default;
};

/** The public description of a saved query (defaults resolved), as the API lists it. */
export const describeSavedQuery = (entry: CatalogueEntry, now: Date): SavedQuery => ({
  id: entry.id,
  version: entry.version,
  title: entry.title,
  description: entry.description,
  parameters: entry.parameters.map((p) => {
    const value = defaultValue(p, now);
    return { name: p.name, type: p.type, label: p.label, ...(value === undefined ? {} : { default: value }) };
  }),
  ...(entry.chart ? { chart: entry.chart } : {}),
});

/** Checks one value against its parameter; answers the typed value or the reason it is refused. */
export const checkValue = (
  parameter: DeclaredParameter,
  raw: string | number,
): { ok: true; value: BoundValue } | { ok: false; message: string } => {
  switch (parameter.type) {
    case 'date': {
      const text = String(raw).trim();
      return isCalendarDate(text)
        ? { ok: true, value: { type: 'date', value: text } }
        : { ok: false, message: 'expected a date written YYYY-MM-DD' };
    }
    case 'integer': {
      const text = String(raw).trim();
      const value = typeof raw === 'number' ? raw : /^-?\d{1,15}$/.test(text) ? Number(text) : Number.NaN;
      if (!Number.isSafeInteger(value)) return { ok: false, message: 'expected a whole number' };
      if (parameter.min !== undefined && value < parameter.min)
        return { ok: false, message: `must be at least ${parameter.min}` };
      if (parameter.max !== undefined && value > parameter.max)
        return { ok: false, message: `must be at most ${parameter.max}` };
      return { ok: true, value: { type: 'integer', value } };
    }
    case 'string': {
      const value = String(raw);
      if (value.length > maxStringLength)
        return { ok: false, message: `at most ${maxStringLength} characters` };
      // Control characters have no business in a filter value; refusing them keeps logs clean.
      if (/\p{Cc}/u.test(value)) return { ok: false, message: 'control characters are not allowed' };
      if (parameter.options && !parameter.options.includes(value))
        return { ok: false, message: `one of: ${parameter.options.map((o) => `"${o}"`).join(', ')}` };
      return { ok: true, value: { type: 'string', value } };
    }
  }
};

/**
 * Binds the given values (defaults for the others) to a saved query: each `:name` becomes `?`
 * and its checked value joins `values` in the same order. Throws `ValidationFailed` naming each
 * offending parameter (`parameters.<name>`): unknown, missing or of the wrong type.
 */
export const bindParameters = (
  entry: CatalogueEntry,
  given: Record<string, string | number>,
  now: Date = new Date(),
): BoundQuery => {
  const errors: { field: string; message: string }[] = [];
  const declared = new Map(entry.parameters.map((p) => [p.name, p]));
  for (const name of Object.keys(given)) {
    if (!declared.has(name)) errors.push({ field: `parameters.${name}`, message: 'unknown parameter' });
  }
  const typed = new Map<string, BoundValue>();
  for (const parameter of entry.parameters) {
    const raw = Object.hasOwn(given, parameter.name) ? given[parameter.name] : defaultValue(parameter, now);
    if (raw === undefined) {
      errors.push({ field: `parameters.${parameter.name}`, message: 'required' });
      continue;
    }
    const checked = checkValue(parameter, raw);
    if (checked.ok) typed.set(parameter.name, checked.value);
    else errors.push({ field: `parameters.${parameter.name}`, message: checked.message });
  }
  if (errors.length) throw new ValidationFailed(errors);

  let sql = '';
  let from = 0;
  const values: BoundValue[] = [];
  for (const placeholder of placeholders(entry.sql)) {
    sql += `${entry.sql.slice(from, placeholder.start)}?`;
    values.push(typed.get(placeholder.name) as BoundValue);
    from = placeholder.end;
  }
  sql += entry.sql.slice(from);
  const [first, last] = [typed.get('from'), typed.get('to')];
  return {
    sql,
    values,
    parameters: Object.fromEntries([...typed].map(([name, bound]) => [name, bound.value])),
    ...(first?.type === 'date' && last?.type === 'date' && !entry.readsEveryDay
      ? { window: { from: first.value, to: last.value } }
      : {}),
  };
};

/**
 * A value as a typed SQL literal (`DATE '2024-03-04'`, `42`, `'l''épargne'`): the form Athena
 * takes for execution parameters, and how `inlineValues` shows a bound statement.
 */
export const sqlLiteral = (bound: BoundValue): string => {
  switch (bound.type) {
    case 'date':
      return `DATE '${bound.value}'`;
    case 'integer':
      return String(bound.value);
    case 'string':
      return `'${bound.value.replaceAll("'", "''")}'`;
  }
};

/**
 * The statement with its values written in as literals: for reading, logging and the Trino
 * parse check only (engines always receive the placeholders and values apart).
 */
export const inlineValues = (query: Pick<BoundQuery, 'sql' | 'values'>): string => {
  let index = 0;
  const literal = () => {
    const value = query.values[index++];
    if (!value) throw new Error('more placeholders than values');
    return sqlLiteral(value);
  };
  return pieces(query.sql)
    .map(({ code, start, end }) => {
      const text = query.sql.slice(start, end);
      return code ? text.replaceAll('?', literal) : text;
    })
    .join('');
};
