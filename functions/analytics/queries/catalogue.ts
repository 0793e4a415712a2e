/**
 * The analysts' saved queries: versioned SQL files beside this module (`<id>.v<n>.sql`), each
 * opening with a JSON header in a block comment (titles and descriptions in French and English,
 * typed parameters, an optional chart). This module reads them, answers the latest version of
 * each, and binds parameters: `:name` in the SQL becomes a positional `?` and the value, checked
 * against its declared type, travels beside the text, never inside it (DuckDB binds it to a
 * prepared statement, Athena receives it as an execution parameter).
 *
 * The SQL keeps to what Athena engine 3 (Trino) and DuckDB both run; `json_extract_scalar` is
 * Trino's and the DuckDB engine defines it as a macro over `json_extract_string`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as z from 'zod';
import { QueryParameter, SavedQuery } from '#schemas/analytics/query.ts';
import { ValidationFailed } from '#shared/errors.ts';

/** A parameter as declared in a file: the public fields, and bounds checked on binding. */
const DeclaredParameter = QueryParameter.extend({
  /** Integers: smallest and largest accepted values. */
  min: z.number().int().optional(),
  max: z.number().int().optional(),
  /** Strings: accepted values (anything up to 200 characters when absent). */
  options: z.array(z.string()).optional(),
}).strict();
export type DeclaredParameter = z.infer<typeof DeclaredParameter>;

const Header = z
  .object({
    title: SavedQuery.shape.title,
    description: SavedQuery.shape.description,
    parameters: z.array(DeclaredParameter),
    chart: SavedQuery.shape.chart,
    /**
     * The query reads days outside its `from`–`to` window too (e.g. the latest segment of a
     * customer from events of any date): engines then read the whole lake for it.
     */
    readsEveryDay: z.literal(true).optional(),
  })
  .strict();

/** A saved query as read from its file. */
export type CatalogueEntry = {
  id: string;
  version: number;
  title: { fr: string; en: string };
  description: { fr: string; en: string };
  parameters: DeclaredParameter[];
  chart?: { type: 'bar' | 'line'; x: string; y: string };
  readsEveryDay?: true;
  /** The SQL after the header, with `:name` parameters. */
  sql: string;
  fileName: string;
};

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

const fileNamePattern = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.v([1-9][0-9]*)\.sql$/;
const headerPattern = /^\s*\/\*([\s\S]*?)\*\//;
const maxStringLength = 200;

/**
 * Parses one saved-query file. Throws with the file name when the header is missing or
 * invalid, or when the SQL uses a parameter the header does not declare (or the reverse).
 */
export const parseSavedQueryFile = (fileName: string, text: string): CatalogueEntry => {
  const name = fileNamePattern.exec(fileName);
  if (!name) throw new Error(`${fileName}: saved query files are named <id>.v<version>.sql`);
  const header = headerPattern.exec(text);
  if (!header) throw new Error(`${fileName}: the file must open with a /* { JSON header } */ comment`);
  let json: unknown;
  try {
    json = JSON.parse(header[1] ?? '');
  } catch (error) {
    throw new Error(`${fileName}: the header is not JSON (${(error as Error).message})`);
  }
  const parsed = Header.safeParse(json);
  if (!parsed.success) {
    throw new Error(`${fileName}: invalid header: ${z.prettifyError(parsed.error)}`);
  }
  const sql = text.slice(header[0].length).trim().replace(/;\s*$/, '');
  const declared = new Set(parsed.data.parameters.map((p) => p.name));
  const used = new Set(placeholders(sql).map((p) => p.name));
  for (const p of used) {
    if (!declared.has(p)) throw new Error(`${fileName}: :${p} is used but not declared in the header`);
  }
  for (const p of declared) {
    if (!used.has(p)) throw new Error(`${fileName}: parameter ${p} is declared but never used`);
  }
  return {
    id: name[1] ?? '',
    version: Number(name[2]),
    ...parsed.data,
    ...(parsed.data.chart ? { chart: parsed.data.chart } : {}),
    sql,
    fileName,
  };
};

type Placeholder = { name: string; start: number; end: number };

/**
 * Splits a statement into code and the parts where `:` and `?` mean nothing: string literals,
 * quoted identifiers (quotes inside are doubled: `'it''s'`) and comments.
 */
const pieces = (sql: string): { code: boolean; start: number; end: number }[] => {
  const out: { code: boolean; start: number; end: number }[] = [];
  let codeStart = 0;
  let i = 0;
  const inert = (start: number, end: number) => {
    if (start > codeStart) out.push({ code: true, start: codeStart, end: start });
    out.push({ code: false, start, end });
    codeStart = end;
  };
  while (i < sql.length) {
    const c = sql[i];
    const next = sql[i + 1];
    if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < sql.length && !(sql[j] === c && sql[j + 1] !== c)) j += sql[j] === c ? 2 : 1;
      inert(i, Math.min(j + 1, sql.length));
    } else if (c === '-' && next === '-') {
      const end = sql.indexOf('\n', i);
      inert(i, end === -1 ? sql.length : end);
    } else if (c === '/' && next === '*') {
      const end = sql.indexOf('*/', i + 2);
      inert(i, end === -1 ? sql.length : end + 2);
    } else {
      i++;
      continue;
    }
    i = codeStart;
  }
  if (sql.length > codeStart) out.push({ code: true, start: codeStart, end: sql.length });
  return out;
};

/**
 * The `:name` placeholders of a statement, outside literals and comments (`':x'` is text).
 * `::` casts are refused: Trino does not know them.
 */
export const placeholders = (sql: string): Placeholder[] =>
  pieces(sql)
    .filter((piece) => piece.code)
    .flatMap((piece) => {
      const code = sql.slice(piece.start, piece.end);
      if (code.includes('::'))
        throw new Error('`::` casts are DuckDB/PostgreSQL only: write CAST(x AS type)');
      return [...code.matchAll(/:([a-z_][a-z0-9_]*)/g)].map((match) => ({
        name: match[1] ?? '',
        start: piece.start + match.index,
        end: piece.start + match.index + match[0].length,
      }));
    });

/** The saved queries of a directory: every version of every query. */
export const readCatalogue = (directory: string): CatalogueEntry[] =>
  readdirSync(directory)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((file) => parseSavedQueryFile(file, readFileSync(`${directory}/${file}`, 'utf8')));

/**
 * Where the `.sql` files are: beside this module in the repository, and beside the bundle in a
 * Lambda package (the function's bundling copies them there); `SAVED_QUERIES_DIR` overrides.
 */
export const defaultCatalogueDirectory = (): string =>
  process.env.SAVED_QUERIES_DIR ?? fileURLToPath(new URL('.', import.meta.url));

export type Catalogue = {
  /** Every version of every saved query. */
  all: CatalogueEntry[];
  /** The latest version of each saved query, by id. */
  latest: () => CatalogueEntry[];
  /** A saved query by id, the latest version unless one is asked for. */
  find: (id: string, version?: number) => CatalogueEntry | undefined;
};

/** A catalogue over parsed entries (pure). */
export const catalogueOf = (all: CatalogueEntry[]): Catalogue => {
  const newest = new Map<string, CatalogueEntry>();
  for (const entry of all) {
    const current = newest.get(entry.id);
    if (!current || current.version < entry.version) newest.set(entry.id, entry);
  }
  const latest = [...newest.values()].sort((a, b) => a.id.localeCompare(b.id));
  return {
    all,
    latest: () => latest,
    find: (id, version) =>
      version === undefined ? newest.get(id) : all.find((e) => e.id === id && e.version === version),
  };
};

let loaded: Catalogue | undefined;
/** The catalogue of the deployed `.sql` files, read once per execution environment. */
export const savedQueries = (): Catalogue => {
  loaded ??= catalogueOf(readCatalogue(defaultCatalogueDirectory()));
  return loaded;
};

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
