/**
 * A labelled form control with its hint and error, wired for assistive technology
 * (`aria-describedby`, `aria-invalid`). The control itself is passed as a render function.
 */
import type { ReactNode } from 'react';

export type ControlProps = {
  id: string;
  name: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
};

export type FormFieldProps = {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: (control: ControlProps) => ReactNode;
};

export const FormField = ({ id, label, hint, error, children }: FormFieldProps) => {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
      {children({ id, name: id, 'aria-invalid': Boolean(error), 'aria-describedby': describedBy })}
    </div>
  );
};
