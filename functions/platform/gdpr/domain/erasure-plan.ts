/**
 * What an erasure (GDPR art. 17) removes and what it keeps, pure, from the privacy registry and
 * the customer: a prospect is erased entirely; a customer with an active relationship, or
 * within 5 years after its end (the AML retention, Code monétaire et financier L561-12), keeps
 * what the law requires — the holdings registered `unlessHeld` — and loses everything else. What
 * the registry says is `never` erased (the audit trail, the proof of the request) is kept, with
 * why; what goes by itself is listed with its delay. The erasure job follows this plan, and the
 * privacy officer's confirmation shows it. Each place is said in English and French (`Said`), as
 * the registry says it; a kept place's why joins its holding's reason and the customer's hold.
 */

import { amlRetention } from '#functions/customers/privacy.ts';
import { shiftDay } from '#shared/calendar.ts';
import { type DataHolding, locationKey, type Said } from '#shared/privacy/registry.ts';

/** The legal hold on a customer's data, if any, and why. */
export type LegalHold = { holds: false } | { holds: true; why: Said };

/** `2027-03-15` as French writes it: `15/03/2027`. */
const frenchDate = (day: string) => day.split('-').reverse().join('/');

/**
 * The hold on a customer: none on a prospect; on a customer, the AML retention while the
 * relationship lasts (no end recorded) and for 5 years after it ended.
 */
export const legalHoldOf = (
  customer: { kind: string; relationshipEndedOn?: string | undefined },
  today: string,
): LegalHold => {
  if (customer.kind === 'prospect') return { holds: false };
  if (!customer.relationshipEndedOn) {
    return {
      holds: true,
      why: {
        en: 'active relationship: AML retention (CMF L561-12) until 5 years after it ends',
        fr: 'relation en cours : conservation au titre de la lutte contre le blanchiment (CMF L561-12) jusqu’à 5 ans après sa fin',
      },
    };
  }
  const until = shiftDay(new Date(`${customer.relationshipEndedOn}T00:00:00Z`), amlRetention.keep, 1);
  return until > today
    ? {
        holds: true,
        why: {
          en: `AML retention (CMF L561-12) until ${until}, 5 years after the relationship ended`,
          fr: `conservation au titre de la lutte contre le blanchiment (CMF L561-12) jusqu’au ${frenchDate(until)}, 5 ans après la fin de la relation`,
        },
      }
    : { holds: false };
};

/** A place of the registry, by its key and in words. */
type Place = { location: string; what: Said };

export type ErasurePlan = {
  scope: 'entirely' | 'exceptHeld';
  /** The places whose data about the customer goes now. */
  erase: Place[];
  /** The places kept, each with why. */
  keep: (Place & { why: Said })[];
  /** The places that empty themselves, with their delay. */
  expire: (Place & { within: Said })[];
};

/** The plan of an erasure: from the registry's holdings, under the customer's hold. */
export const erasurePlan = (holdings: readonly DataHolding[], hold: LegalHold): ErasurePlan => {
  const plan: ErasurePlan = {
    scope: hold.holds ? 'exceptHeld' : 'entirely',
    erase: [],
    keep: [],
    expire: [],
  };
  for (const holding of holdings) {
    // Places with nothing personal, or about staff only, have nothing of a customer to erase.
    if (holding.categories.length === 0 || !holding.subjects.some((subject) => subject !== 'staff')) continue;
    const place = { location: locationKey(holding.where), what: holding.holds };
    const { erasure } = holding;
    if (erasure.erase === 'always') plan.erase.push(place);
    else if (erasure.erase === 'unlessHeld') {
      if (hold.holds) {
        const why = { en: `${erasure.hold.en} (${hold.why.en})`, fr: `${erasure.hold.fr} (${hold.why.fr})` };
        plan.keep.push({ ...place, why });
      } else plan.erase.push(place);
    } else if (erasure.erase === 'never') plan.keep.push({ ...place, why: erasure.why });
    else plan.expire.push({ ...place, within: erasure.within });
  }
  return plan;
};
