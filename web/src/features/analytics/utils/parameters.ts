/**
 * The parameter form of a saved query: its values as the inputs hold them (strings), the
 * defaults the API gave, and the check before sending (the API checks again and names the
 * parameter on a 400).
 */
import type { SavedQuery } from '#schemas/analytics/query.ts';

export type FormValues = Record<string, string>;
export type FormErrors = Partial<Record<string, 'date' | 'integer'>>;

/** The form's starting values: each parameter's default, or empty. */
export const initialValues = (query: SavedQuery): FormValues =>
  Object.fromEntries(query.parameters.map((p) => [p.name, p.default === undefined ? '' : String(p.default)]));

/**
 * The values to send, typed as the query declares them, or the fields to correct. An empty
 * text is sent as is (the saved queries read it as "all").
 */
export const toParameters = (
  query: SavedQuery,
  values: FormValues,
): { ok: true; parameters: Record<string, string | number> } | { ok: false; errors: FormErrors } => {
  const errors: FormErrors = {};
  const parameters: Record<string, string | number> = {};
  for (const parameter of query.parameters) {
    const value = (values[parameter.name] ?? '').trim();
    if (parameter.type === 'date') {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) errors[parameter.name] = 'date';
      else parameters[parameter.name] = value;
    } else if (parameter.type === 'integer') {
      if (!/^-?\d+$/.test(value)) errors[parameter.name] = 'integer';
      else parameters[parameter.name] = Number(value);
    } else {
      parameters[parameter.name] = value;
    }
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, parameters };
};
