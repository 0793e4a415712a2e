/**
 * The edit form's unsaved draft, kept in sessionStorage (gone with the tab, cleared on sign-out)
 * so that a sign-in round trip in the middle of an edit loses nothing. A kept draft never comes
 * back on its own: the form offers it (« brouillon du … : restaurer / ignorer »), and only for
 * the version of the file it was typed on; a draft of an older version would overwrite what
 * someone else saved since, so it is dropped.
 */
import type { Customer } from '#schemas/customers/customer.ts';
import { type CustomerDraft, draftFromCustomer } from './customer-patch.ts';
import { draftFields } from './customer-rules.ts';

export type StoredDraft = {
  /** The version of the file the draft was typed on. */
  version: number;
  /** When it was last changed (ISO 8601). */
  savedAt: string;
  values: CustomerDraft;
};

/** Every key of the form's drafts starts so (sign-out removes them all). */
export const draftKeyPrefix = 'relais.draft.';
export const draftKey = (customerId: string): string => `${draftKeyPrefix}customer.${customerId}`;

/** Whether two drafts hold the same values. */
export const sameDraft = (a: CustomerDraft, b: CustomerDraft): boolean =>
  draftFields.every((field) => a[field] === b[field]);

/**
 * The draft to offer for this customer, from what storage holds: undefined when there is none,
 * when it is unreadable, of another version of the file, or the same as the file.
 */
export const draftToOffer = (raw: string | null, customer: Customer): StoredDraft | undefined => {
  if (!raw) return undefined;
  let stored: unknown;
  try {
    stored = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (typeof stored !== 'object' || stored === null) return undefined;
  const { version, savedAt, values } = stored as Partial<Record<keyof StoredDraft, unknown>>;
  if (version !== customer.version || typeof savedAt !== 'string' || Number.isNaN(Date.parse(savedAt)))
    return undefined;
  if (typeof values !== 'object' || values === null) return undefined;
  const fields = values as Partial<Record<string, unknown>>;
  if (!draftFields.every((field) => typeof fields[field] === 'string')) return undefined;
  const draft = Object.fromEntries(draftFields.map((field) => [field, fields[field]])) as CustomerDraft;
  if (sameDraft(draft, draftFromCustomer(customer))) return undefined;
  return { version, savedAt, values: draft };
};
