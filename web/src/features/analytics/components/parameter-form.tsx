/**
 * The parameters of a saved query as typed inputs (a date picker, a number, a text, or a list in
 * words for a known vocabulary such as the channel), with their labels in the user's language,
 * and the button that runs the query. Every field is checked before anything is sent (a period
 * that ends before it starts included): the errors show next to their fields and the first one
 * takes the focus.
 */
import { type FormEvent, useEffect, useState } from 'react';
import type { SavedQuery } from '#schemas/analytics/query.ts';
import { FormField } from '#web/src/components/ui/form-field.tsx';
import { useAnalyticsTranslation } from '#web/src/features/analytics/i18n.ts';
import {
  controlOf,
  type FormErrors,
  initialValues,
  type ListKind,
  type ParameterError,
  toParameters,
} from '#web/src/features/analytics/utils/parameters.ts';
import { useLocale } from '#web/src/lib/i18n.ts';

export type ParameterFormProps = {
  query: SavedQuery;
  busy: boolean;
  onRun: (parameters: Record<string, string | number>) => void;
};

const inputType = { date: 'date', integer: 'number', text: 'text' } as const;

type AnalyticsT = ReturnType<typeof useAnalyticsTranslation>['t'];

/** The entries of a list, in the order of its translations: `[value, label]`. */
const listOptions = (t: AnalyticsT, list: ListKind, current: string): [string, string][] => {
  const labels: Readonly<Record<string, string>> =
    list === 'channel'
      ? t('channels', { returnObjects: true })
      : list === 'segment'
        ? t('common:segments', { returnObjects: true })
        : t('eventTypes', { returnObjects: true });
  const entries = Object.entries(labels);
  // A default the screen does not know yet stays selectable, as the API wrote it.
  return current && !Object.hasOwn(labels, current) ? [...entries, [current, current]] : entries;
};

const errorMessage = (t: AnalyticsT, error: ParameterError | undefined): string | undefined => {
  switch (error) {
    case 'date':
      return t('invalidDate');
    case 'integer':
      return t('invalidInteger');
    case 'range':
      return t('invalidRange');
    case 'required':
      return t('requiredChoice');
    default:
      return undefined;
  }
};

const fieldId = (name: string) => `param-${name}`;

export const ParameterForm = ({ query, busy, onRun }: ParameterFormProps) => {
  const { t } = useAnalyticsTranslation();
  const { lang } = useLocale();
  const [values, setValues] = useState(() => initialValues(query));
  const [errors, setErrors] = useState<FormErrors>({});
  /** Bumped on each refused submit, so the first field in error takes the focus once rendered. */
  const [refusals, setRefusals] = useState(0);

  useEffect(() => {
    if (refusals === 0) return;
    const first = query.parameters.find((p) => errors[p.name]);
    if (first) document.getElementById(fieldId(first.name))?.focus();
  }, [refusals, errors, query]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = toParameters(query, values);
    if (!checked.ok) {
      setErrors(checked.errors);
      setRefusals((n) => n + 1);
      return;
    }
    setErrors({});
    onRun(checked.parameters);
  };
  const change = (name: string, value: string) => {
    setValues({ ...values, [name]: value });
    // The user is correcting it: the message goes, the next run checks again.
    if (errors[name]) setErrors({ ...errors, [name]: undefined });
  };
  return (
    <form className="parameter-form" onSubmit={submit} noValidate>
      <fieldset>
        <legend>{t('parameters')}</legend>
        {query.parameters.length === 0 ? <p className="muted">{t('noParameters')}</p> : null}
        <div className="parameter-grid">
          {query.parameters.map((parameter) => {
            const error = errorMessage(t, errors[parameter.name]);
            const control = controlOf(parameter);
            const value = values[parameter.name] ?? '';
            return (
              <FormField
                key={parameter.name}
                id={fieldId(parameter.name)}
                label={control.kind === 'list' ? t(`lists.${control.list}`) : parameter.label[lang]}
                {...(error ? { error } : {})}
              >
                {(props) =>
                  control.kind === 'list' ? (
                    <select
                      {...props}
                      value={value}
                      onChange={(event) => change(parameter.name, event.target.value)}
                    >
                      <option value="">{control.all ? t(`allOptions.${control.list}`) : t('choose')}</option>
                      {listOptions(t, control.list, value).map(([option, label]) => (
                        <option key={option} value={option}>
                          {label}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <input
                      {...props}
                      type={inputType[control.kind]}
                      {...(control.kind === 'integer' ? { inputMode: 'numeric' as const, step: 1 } : {})}
                      value={value}
                      onChange={(event) => change(parameter.name, event.target.value)}
                    />
                  )
                }
              </FormField>
            );
          })}
        </div>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('running') : t('run')}
        </button>
      </div>
    </form>
  );
};
