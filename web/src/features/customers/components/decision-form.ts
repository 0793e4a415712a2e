/**
 * What the decision forms of the customer file (the KYC decision, the end of the relationship)
 * do alike: they keep what was typed and the errors of their own checks; on submit they check
 * every field at once (the first in error takes the focus), then ask for a confirmation, and
 * send the request once confirmed; each field shows its error (the form's, else the API's 400).
 * Nothing is submitted while a request is on its way, nor after a 409 until the file is read
 * again (`reload`, which gives the focus back to the form).
 *
 * Each form gives its fields, checks, messages and request, and keeps its texts and markup.
 */
import type { UseMutationResult } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { apiFieldOf } from '#web/src/features/customers/utils/decisions.ts';
import { isConflict, useApiFieldErrors, useDecisionFocus } from './decision-alerts.tsx';

/**
 * `F` the fields, `D` what they hold as typed, `X` the decision it makes, `E` the errors of the
 * form's checks by field, `V` the request and `R` what the API answers, `S` what was recorded.
 * They are inferred from the options: `draftOf` and `check` need their parameter typed for it.
 */
export type DecisionFormOptions<
  F extends string,
  D extends Record<F, string>,
  X,
  E extends Partial<Record<F, string>>,
  V,
  R,
  S,
> = {
  /** What the fields hold before anything is typed, and again once recorded. */
  empty: D;
  /** The decision what was typed makes: what is checked and sent. */
  draftOf: (typed: D) => X;
  /** The fields shown for that decision, in their order. */
  fieldsOf: (draft: NoInfer<X>) => readonly F[];
  /** The id of each field's control, in the order the fields are shown. */
  fieldIds: Record<F, string>;
  /** Every problem of the decision at once, by field. */
  check: (draft: NoInfer<X>) => E;
  /** The sentence of each error of the form's checks. */
  messages: NoInfer<{ [K in F]: (error: NonNullable<E[K]>) => string }>;
  /** The sentence of a field the API refused. */
  apiMessage: (field: F) => string;
  mutation: Pick<UseMutationResult<R, Error, V>, 'isPending' | 'error' | 'reset' | 'mutate'>;
  /** The body sent once confirmed, or `undefined` when there is nothing to send. */
  request: (draft: NoInfer<X>) => V | undefined;
  /** What the confirmation says was recorded, from the API's answer. */
  savedOf: (stored: R) => S;
  /** Reads the file again (after a conflict). */
  onReload: () => Promise<unknown>;
};

export const useDecisionForm = <
  F extends string,
  D extends Record<F, string>,
  X,
  E extends Partial<Record<F, string>>,
  V,
  R,
  S,
>(
  options: DecisionFormOptions<F, D, X, E, V, R, S>,
) => {
  const { mutation, fieldIds } = options;
  const [typed, setTyped] = useState<D>(options.empty);
  const [localErrors, setLocalErrors] = useState<Partial<E>>({});
  const [confirming, setConfirming] = useState(false);
  const [saved, setSaved] = useState<S>();

  const draft = options.draftOf(typed);
  const fields = options.fieldsOf(draft);
  const api = useApiFieldErrors(mutation.error, (field) => apiFieldOf(field, fields), options.apiMessage);
  const messageFor = (field: F): string | undefined => {
    const local = localErrors[field];
    return local ? options.messages[field](local) : api.fields.get(field);
  };
  const firstInError = fields.find((field) => messageFor(field));

  const { requestFocus, savedRef } = useDecisionFocus({
    firstInError,
    fieldIds,
    apiError: mutation.error,
    apiFieldErrors: api.fields.size,
    saved,
  });

  const set = (field: F) => (event: { target: { value: string } }) => {
    setTyped((before) => ({ ...before, [field]: event.target.value }));
    if (localErrors[field]) setLocalErrors((before) => ({ ...before, [field]: undefined }));
  };

  // Nothing is sent while a request is on its way, nor after a conflict until the file is read again.
  const held = mutation.isPending || isConflict(mutation.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (held) return;
    setSaved(undefined);
    const errors = options.check(draft);
    setLocalErrors(errors);
    if (Object.keys(errors).length > 0) {
      requestFocus();
      return;
    }
    setConfirming(true);
  };

  const confirm = () => {
    setConfirming(false);
    const request = options.request(draft);
    if (request === undefined) return;
    // What was recorded is said as the form was when confirmed (this render's `savedOf`).
    mutation.mutate(request, {
      onSuccess: (stored) => {
        setTyped(options.empty);
        setSaved(options.savedOf(stored));
      },
    });
  };

  /** Drops what was typed, its errors and the confirmation asked. */
  const clear = () => {
    setTyped(options.empty);
    setLocalErrors({});
    setConfirming(false);
  };

  const reload = async () => {
    await options.onReload();
    mutation.reset();
    // The first field the file read again shows (a withdrawal of the relationship's end has no day).
    Object.values<string>(fieldIds)
      .map((id) => document.getElementById(id))
      .find((control) => control !== null)
      ?.focus();
  };

  return {
    /** What the fields hold, as typed. */
    typed,
    /** The decision it makes. */
    draft,
    set,
    /** Whether a submit is refused now (the submit button says so). */
    held,
    submit,
    messageFor,
    /** The API's field errors for fields the form does not show, for `DecisionAlerts`. */
    apiOthers: api.others,
    confirming,
    cancel: () => setConfirming(false),
    confirm,
    saved,
    savedRef,
    clear,
    reload,
  };
};
