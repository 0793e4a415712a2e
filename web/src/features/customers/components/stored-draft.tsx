/**
 * The edit form's unsaved draft, kept in sessionStorage (a sign-in round trip loses nothing) but
 * never brought back on its own: `DraftOffer` shows it with its time, to restore or discard.
 */
import { useEffect, useState } from 'react';
import type { Customer } from '#schemas/customers/customer.ts';
import { useCustomersTranslation } from '#web/src/features/customers/i18n.ts';
import type { CustomerDraft } from '#web/src/features/customers/utils/customer-patch.ts';
import { draftKey, draftToOffer, type StoredDraft } from '#web/src/features/customers/utils/draft-storage.ts';
import { useLocale } from '#web/src/lib/i18n.ts';

const readOffer = (customer: Customer): StoredDraft | undefined => {
  try {
    const raw = sessionStorage.getItem(draftKey(customer.id));
    const offer = draftToOffer(raw, customer);
    // Unreadable, of another version, or the file itself: nothing to offer, nothing to keep.
    if (raw && !offer) sessionStorage.removeItem(draftKey(customer.id));
    return offer;
  } catch {
    return undefined;
  }
};

/** Drops the kept draft (saved, discarded, or left on purpose). */
export const forgetDraft = (customer: Customer) => {
  try {
    sessionStorage.removeItem(draftKey(customer.id));
  } catch {
    // Storage refused: there is nothing kept either.
  }
};

/**
 * Keeps `draft` while it differs from the file (`dirty`), and offers the one an earlier visit
 * left; `restore` hands it to the form.
 */
export const useStoredDraft = (
  customer: Customer,
  draft: CustomerDraft,
  dirty: boolean,
  onRestore: (values: CustomerDraft) => void,
) => {
  const [offer, setOffer] = useState<StoredDraft | undefined>(() => readOffer(customer));
  const [restored, setRestored] = useState(false);

  // A pending offer stays until answered.
  useEffect(() => {
    try {
      if (dirty) {
        const stored: StoredDraft = {
          version: customer.version,
          savedAt: new Date().toISOString(),
          values: draft,
        };
        sessionStorage.setItem(draftKey(customer.id), JSON.stringify(stored));
      } else if (!offer) {
        sessionStorage.removeItem(draftKey(customer.id));
      }
    } catch {
      // Private browsing may refuse storage: the form works, the draft is not kept.
    }
  }, [customer, draft, dirty, offer]);

  return {
    offer,
    restored,
    restore: () => {
      if (!offer) return;
      onRestore(offer.values);
      setOffer(undefined);
      setRestored(true);
    },
    discard: () => {
      forgetDraft(customer);
      setOffer(undefined);
    },
  };
};

export type DraftOfferProps = Pick<
  ReturnType<typeof useStoredDraft>,
  'offer' | 'restored' | 'restore' | 'discard'
>;

/** The offer of a kept draft, with its time, or the note that it was restored. */
export const DraftOffer = ({ offer, restored, restore, discard }: DraftOfferProps) => {
  const { t } = useCustomersTranslation();
  const { format } = useLocale();
  return (
    <>
      {offer ? (
        <div className="notice notice-info draft-offer" role="status">
          <p>{t('edit.draft.found', { when: format.dateTime(offer.savedAt) })}</p>
          <div className="form-actions">
            <button type="button" className="button button-primary" onClick={restore}>
              {t('edit.draft.restore')}
            </button>
            <button type="button" className="button button-secondary" onClick={discard}>
              {t('edit.draft.discard')}
            </button>
          </div>
        </div>
      ) : null}
      {restored ? (
        <p className="notice notice-info" role="status">
          {t('edit.draft.restored')}
        </p>
      ) : null}
    </>
  );
};
