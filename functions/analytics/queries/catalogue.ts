/**
 * The analysts' saved queries: versioned SQL files beside this module (`<id>.v<n>.sql`), each
 * opening with a JSON header in a block comment (titles and descriptions in French and English,
 * typed parameters, an optional chart). This module reads and checks them (every `:name` the
 * SQL uses is declared, and the reverse) and answers the latest version of each; `parameters.ts`
 * binds the values a run is given (DuckDB binds them to a prepared statement, Athena receives
 * them as execution parameters).
 *
 * The SQL keeps to what Athena engine 3 (Trino) and DuckDB both run; `json_extract_scalar` is
 * Trino's and the DuckDB engine defines it as a macro over `json_extract_string`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { QueryParameter, SavedQuery } from '#schemas/analytics/query.ts';
import * as z from '#schemas/zod.ts';
import { settings } from '#shared/env.ts';

/** A parameter as declared in a file: the public fields, and bounds checked on binding. */
const DeclaredParameter = z.strictObject({
  ...QueryParameter.shape,
  /** Integers: smallest and largest accepted values. */
  min: z.optional(z.number().check(z.int())),
  max: z.optional(z.number().check(z.int())),
  /** Strings: accepted values (anything up to 200 characters when absent). */
  options: z.optional(z.array(z.string())),
});
export type DeclaredParameter = z.infer<typeof DeclaredParameter>;

const Header = z.strictObject({
  title: SavedQuery.shape.title,
  description: SavedQuery.shape.description,
  parameters: z.array(DeclaredParameter),
  chart: SavedQuery.shape.chart,
  /**
   * The query reads days outside its `from`–`to` window too (e.g. the latest segment of a
   * customer from events of any date): engines then read the whole lake for it.
   */
  readsEveryDay: z.optional(z.literal(true)),
});

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

const fileNamePattern = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.v([1-9][0-9]*)\.sql$/;
const headerPattern = /^\s*\/\*([\s\S]*?)\*\//;

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
export const pieces = (sql: string): { code: boolean; start: number; end: number }[] => {
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
  settings.savedQueriesDir() ?? fileURLToPath(new URL('.', import.meta.url));

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
