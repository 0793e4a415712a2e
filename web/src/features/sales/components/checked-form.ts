/**
 * The state every form of the feature keeps: its values as typed, the errors shown on its fields
 * (its own checks' or the API's), the clearing of a field's error once the user changes what it is
 * about, and the focus moved to the first field in error after each refusal (or to `fallbackId`,
 * an alert, when no field is).
 */
import { useEffect, useState } from 'react';

export const useCheckedForm = <V extends Record<string, unknown>, F extends string, E>(options: {
  initial: () => V;
  /** The fields in the order the form shows them. */
  fields: readonly F[];
  fieldIds: Record<F, string>;
  /** The fields whose error a change of a value clears. */
  clearedBy: Partial<Record<keyof V, readonly F[]>>;
  fallbackId?: string;
}) => {
  const [values, setValues] = useState<V>(options.initial);
  const [errors, setErrors] = useState<Partial<Record<F, E>>>({});
  /** Bumped on each refusal, so the first field in error takes the focus once rendered. */
  const [refusals, setRefusals] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each refusal on purpose
  useEffect(() => {
    if (refusals === 0) return;
    const first = options.fields.find((field) => errors[field]);
    const target = first ? options.fieldIds[first] : options.fallbackId;
    if (target) document.getElementById(target)?.focus();
  }, [refusals]);

  const set = <K extends keyof V>(key: K, value: V[K]) => {
    setValues((before) => ({ ...before, [key]: value }));
    const cleared = options.clearedBy[key] ?? [];
    if (cleared.some((field) => errors[field])) {
      setErrors(
        (before) =>
          Object.fromEntries(
            Object.entries(before).filter(([field]) => !cleared.includes(field as F)),
          ) as Partial<Record<F, E>>,
      );
    }
  };

  /** Shows `found` on their fields and moves the focus to the first of them. */
  const refuse = (found: Partial<Record<F, E>>) => {
    setErrors(found);
    setRefusals((count) => count + 1);
  };

  return { values, setValues, set, errors, clearErrors: () => setErrors({}), refuse };
};
