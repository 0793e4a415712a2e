/**
 * The parameters of a saved query as typed inputs (a date picker, a number, a text) with their
 * labels in the user's language, and the button that runs the query.
 */
import { type FormEvent, useState } from 'react';
import type { SavedQuery } from '#schemas/analytics/query.ts';
import { FormField } from '../../../components/ui/form-field.tsx';
import { useI18n } from '../../../lib/i18n.ts';
import { type FormErrors, initialValues, toParameters } from '../utils/parameters.ts';

export type ParameterFormProps = {
  query: SavedQuery;
  busy: boolean;
  onRun: (parameters: Record<string, string | number>) => void;
};

const inputType = { date: 'date', integer: 'number', string: 'text' } as const;

export const ParameterForm = ({ query, busy, onRun }: ParameterFormProps) => {
  const { t, lang } = useI18n();
  const [values, setValues] = useState(() => initialValues(query));
  const [errors, setErrors] = useState<FormErrors>({});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = toParameters(query, values);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    onRun(checked.parameters);
  };
  const message = (name: string) => {
    const error = errors[name];
    return error === 'date'
      ? t.analytics.invalidDate
      : error === 'integer'
        ? t.analytics.invalidInteger
        : undefined;
  };
  return (
    <form className="parameter-form" onSubmit={submit} noValidate>
      <fieldset>
        <legend>{t.analytics.parameters}</legend>
        {query.parameters.length === 0 ? <p className="muted">{t.analytics.noParameters}</p> : null}
        <div className="parameter-grid">
          {query.parameters.map((parameter) => {
            const error = message(parameter.name);
            return (
              <FormField
                key={parameter.name}
                id={`param-${parameter.name}`}
                label={parameter.label[lang]}
                {...(error ? { error } : {})}
              >
                {(control) => (
                  <input
                    {...control}
                    type={inputType[parameter.type]}
                    {...(parameter.type === 'integer' ? { inputMode: 'numeric' as const, step: 1 } : {})}
                    value={values[parameter.name] ?? ''}
                    onChange={(event) => setValues({ ...values, [parameter.name]: event.target.value })}
                  />
                )}
              </FormField>
            );
          })}
        </div>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t.analytics.running : t.analytics.run}
        </button>
      </div>
    </form>
  );
};
