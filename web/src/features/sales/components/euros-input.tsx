/**
 * An amount in euros as people type it (« 15 000 », « 15000,50 »): a text box with the decimal
 * keypad on phones, no autocompletion; the form parses it (`utils/amounts.ts`).
 */
import type { ControlProps } from '#web/src/components/ui/form-field.tsx';

export const EurosInput = ({
  control,
  value,
  onChange,
}: {
  control: ControlProps;
  value: string;
  onChange: (value: string) => void;
}) => (
  <input
    {...control}
    inputMode="decimal"
    autoComplete="off"
    value={value}
    onChange={(e) => onChange(e.target.value)}
  />
);
