/**
 * What the web front end keeps in sessionStorage: the edit form's draft, offered back only for
 * the version it was typed on, and the branch list, reused only within the session it was read.
 */
import { describe, expect, it } from 'vitest';
import { draftFromCustomer } from '#web/src/features/customers/utils/customer-patch.ts';
import { draftToOffer } from '#web/src/features/customers/utils/draft-storage.ts';
import { cachedBranches, sessionTag } from '#web/src/lib/branches.ts';
import { marieDupont } from './support/customer.ts';

const customer = marieDupont();
const edited = { ...draftFromCustomer(customer), email: 'marie@nouveau.fr' };

describe('draftToOffer', () => {
  it('offers a draft of this version of the file, with its time', () => {
    // Prepare
    const raw = JSON.stringify({ version: 3, savedAt: '2024-03-12T09:42:00.000Z', values: edited });

    // Act
    const offer = draftToOffer(raw, customer);

    // Assess
    expect(offer).toEqual({ version: 3, savedAt: '2024-03-12T09:42:00.000Z', values: edited });
  });

  it('offers nothing for another version, the file itself, or what cannot be read', () => {
    // Prepare
    const stored = (version: number, values: unknown) =>
      JSON.stringify({ version, savedAt: '2024-03-12T09:42:00.000Z', values });

    // Act
    const offers = [
      draftToOffer(stored(2, edited), customer),
      draftToOffer(stored(3, draftFromCustomer(customer)), customer),
      draftToOffer(stored(3, { ...edited, city: 12 }), customer),
      draftToOffer('{not json', customer),
      draftToOffer(null, customer),
    ];

    // Assess
    expect(offers).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});

describe('cachedBranches', () => {
  it('reuses the list read in this session and reads it again after a new sign-in', () => {
    // Prepare
    const items = [{ id: 'br-paris-opera', name: 'Paris Opéra', city: 'Paris', postalCode: '75009' }];
    const thisSession = sessionTag({ expiresAt: 1_710_000_000_000, user: { sub: 'u-1' } });
    const nextSession = sessionTag({ expiresAt: 1_710_003_600_000, user: { sub: 'u-1' } });
    const raw = JSON.stringify({ tag: thisSession, items });

    // Act
    const same = cachedBranches(raw, thisSession);
    const next = cachedBranches(raw, nextSession);
    const signedOut = cachedBranches(raw, undefined);

    // Assess
    expect(thisSession).toBe('u-1@1710000000000');
    expect(same).toEqual({ items });
    expect(next).toBeUndefined();
    expect(signedOut).toBeUndefined();
  });
});
