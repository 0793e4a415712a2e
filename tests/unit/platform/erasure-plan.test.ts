/**
 * What an erasure removes and keeps: a prospect loses everything the registry lets go; a
 * customer under the AML retention keeps their identity, holdings, KYC and file history, with
 * why; the audit trail and the proof of the request are kept for everyone; queues and archives
 * that empty themselves are listed with their delay. Every place is said in English and French.
 */
import { describe, expect, it } from 'vitest';
import { erasurePlan, legalHoldOf } from '#functions/platform/gdpr/domain/erasure-plan.ts';
import { holdingsOf, privacyRegistry } from '#functions/platform/gdpr/registry.ts';

const holdings = holdingsOf(privacyRegistry);

describe('the legal hold', () => {
  it('is none on a prospect, and the AML retention on a customer until 5 years after the relationship', () => {
    expect(legalHoldOf({ kind: 'prospect' }, '2026-12-02')).toEqual({ holds: false });
    expect(legalHoldOf({ kind: 'individual' }, '2026-12-02').holds).toBe(true);
    expect(legalHoldOf({ kind: 'professional', relationshipEndedOn: '2022-03-15' }, '2026-12-02')).toEqual({
      holds: true,
      why: {
        en: 'AML retention (CMF L561-12) until 2027-03-15, 5 years after the relationship ended',
        fr: 'conservation au titre de la lutte contre le blanchiment (CMF L561-12) jusqu’au 15/03/2027, 5 ans après la fin de la relation',
      },
    });
    expect(legalHoldOf({ kind: 'individual', relationshipEndedOn: '2021-12-01' }, '2026-12-02')).toEqual({
      holds: false,
    });
  });
});

describe('the erasure plan', () => {
  it('erases a prospect entirely, but for the audit trail and the proof of the request', () => {
    // Act
    const plan = erasurePlan(holdings, { holds: false });
    const erased = plan.erase.map((place) => place.location);

    // Assess
    expect(plan.scope).toBe('entirely');
    expect(erased).toEqual(
      expect.arrayContaining([
        'item main/customer',
        'item main/consents',
        'item main/event',
        'item main/lookup',
        'item main/searchTerm',
        'item main/activity',
        'item main/identity',
        'item main/identityLink',
        'lakeTable events',
        'lakeTable raw_events',
      ]),
    );
    expect(plan.keep.map((kept) => kept.location).sort()).toEqual([
      'bucket auditArchive',
      'item main/privacyEvent',
      'item main/privacyRequest',
      'item main/tombstone',
      'queue auditIntake',
      'table audit',
    ]);
    expect(plan.expire.map((gone) => gone.location)).toEqual(
      expect.arrayContaining(['busArchive', 'queue lakeIntake']),
    );
    expect(plan.expire).toContainEqual(
      expect.objectContaining({
        location: 'queue lakeIntake',
        within: { en: '14 days (DLQ)', fr: 'dans les 14 jours (file d’erreurs)' },
      }),
    );
    // A day's idempotency answers and the earlier exports name the customer: they go now.
    expect(plan.erase.map((place) => place.location)).toEqual(
      expect.arrayContaining(['table idempotency', 'bucket privacyExports']),
    );
  });

  it('keeps, for a customer under the AML retention, their identity, holdings and file history, and says why', () => {
    // Act
    const plan = erasurePlan(holdings, legalHoldOf({ kind: 'individual' }, '2026-12-02'));
    const erased = plan.erase.map((place) => place.location);

    // Assess
    expect(plan.scope).toBe('exceptHeld');
    const kept = new Map(plan.keep.map((entry) => [entry.location, entry.why]));
    expect([...kept.keys()]).toEqual(
      expect.arrayContaining(['item main/customer', 'item main/holding', 'item main/event', 'table audit']),
    );
    expect(kept.get('item main/customer')?.en).toContain('CMF L561-12');
    // The officer's screen is in French: the why of a kept place too, the hold's included.
    expect(kept.get('item main/customer')?.fr).toBe(
      'l’identité, les produits détenus et le dossier KYC d’un client dont la relation est en cours ou a pris fin depuis moins de 5 ans (CMF L561-12) (relation en cours : conservation au titre de la lutte contre le blanchiment (CMF L561-12) jusqu’à 5 ans après sa fin)',
    );
    expect(plan.keep.find((entry) => entry.location === 'item main/customer')?.what.fr).toBe(
      'le profil du client : nom, date de naissance, coordonnées, adresse, agence, conseiller, segment, statut KYC',
    );
    expect(kept.get('table audit')?.fr).toBe(
      'la preuve de qui a accédé au dossier, conservée au titre d’une obligation légale',
    );
    // Marketing, behaviour, devices and clicks go all the same.
    expect(erased).toEqual(
      expect.arrayContaining([
        'item main/consents',
        'item main/activity',
        'item main/identity',
        'lakeTable events',
      ]),
    );
    expect(erased).not.toContain('item main/customer');
  });
});
