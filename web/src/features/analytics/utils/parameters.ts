/**
 * The parameter form of a saved query: its values as the inputs hold them (strings), the
 * defaults the API gave, the control each parameter gets, and the check before sending (the API
 * checks again and names the parameter on a 400).
 *
 * Parameters whose name is a known vocabulary of the lake (`channel`, `segment`, `event_type`)
 * are lists: the user picks « Site web », the query receives `web`. The values are the keys of
 * the translations (typed against the schemas, so none is forgotten); an empty default means the
 * query reads "" as "all", and the list offers it first.
 */
import type { SavedQuery } from '#schemas/analytics/query.ts';

type Parameter = SavedQuery['parameters'][number];

export type FormValues = Record<string, string>;
export type ParameterError = 'date' | 'integer' | 'required' | 'range';
export type FormErrors = Partial<Record<string, ParameterError>>;

/** Lists the analyst screen knows, by parameter name. */
export const listParameters = { channel: 'channel', segment: 'segment', event_type: 'eventType' } as const;
export type ListKind = (typeof listParameters)[keyof typeof listParameters];

export type ParameterControl =
  | { kind: 'date' }
  | { kind: 'integer' }
  | { kind: 'text' }
  /** `all`: the list starts with an "all" entry, sent as "". */
  | { kind: 'list'; list: ListKind; all: boolean };

/** The control of a parameter: a list for a known vocabulary, else by its type. */
export const controlOf = (parameter: Parameter): ParameterControl => {
  const list = (listParameters as Partial<Record<string, ListKind>>)[parameter.name];
  if (parameter.type === 'string' && list) return { kind: 'list', list, all: parameter.default === '' };
  if (parameter.type === 'date') return { kind: 'date' };
  if (parameter.type === 'integer') return { kind: 'integer' };
  return { kind: 'text' };
};

/** The form's starting values: each parameter's default, or empty. */
export const initialValues = (query: SavedQuery): FormValues =>
  Object.fromEntries(query.parameters.map((p) => [p.name, p.default === undefined ? '' : String(p.default)]));

/** A real calendar day written `YYYY-MM-DD` (not 2024-02-30), as the API accepts it. */
export const isCalendarDate = (value: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
};

/**
 * A period is refused when it starts after it ends; the same day for both is one day. Answers
 * `range` for a refused period, undefined otherwise (and when a date is missing or invalid:
 * those have their own message).
 */
export const checkDateRange = (from: string, to: string): 'range' | undefined =>
  isCalendarDate(from) && isCalendarDate(to) && from > to ? 'range' : undefined;

/** The parameters that bound a period: the start's error is shown next to the start. */
const periods = [
  ['from', 'to'],
  ['start', 'end'],
] as const;

/**
 * The values to send, typed as the query declares them, or every field to correct at once, in
 * the form's order. An empty text is sent as is (the saved queries read it as "all").
 */
export const toParameters = (
  query: SavedQuery,
  values: FormValues,
): { ok: true; parameters: Record<string, string | number> } | { ok: false; errors: FormErrors } => {
  const errors: FormErrors = {};
  const parameters: Record<string, string | number> = {};
  for (const parameter of query.parameters) {
    const value = (values[parameter.name] ?? '').trim();
    const control = controlOf(parameter);
    if (parameter.type === 'date') {
      if (!isCalendarDate(value)) errors[parameter.name] = 'date';
      else parameters[parameter.name] = value;
    } else if (parameter.type === 'integer') {
      if (!/^-?\d+$/.test(value)) errors[parameter.name] = 'integer';
      else parameters[parameter.name] = Number(value);
    } else if (control.kind === 'list' && !control.all && value === '') {
      errors[parameter.name] = 'required';
    } else {
      parameters[parameter.name] = value;
    }
  }
  const dates = new Set(query.parameters.filter((p) => p.type === 'date').map((p) => p.name));
  for (const [start, end] of periods) {
    if (!dates.has(start) || !dates.has(end) || errors[start] || errors[end]) continue;
    const range = checkDateRange(String(parameters[start]), String(parameters[end]));
    if (range) errors[start] = range;
  }
  const invalid = query.parameters.filter((p) => errors[p.name]);
  return invalid.length
    ? { ok: false, errors: Object.fromEntries(invalid.map((p) => [p.name, errors[p.name]])) }
    : { ok: true, parameters };
};
