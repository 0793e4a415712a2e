/**
 * The end of the business relationship on the customer file: checked before sending (a day of
 * the calendar, not after the user's today nor before the file was opened, and a reason as for
 * KYC), sent in the shape of `RecordRelationshipEndRequest`, and the day the file is erased
 * counted as the law counts (5 years, 29 February giving 28 February), as the retention sweep does.
 */
import { describe, expect, it } from 'vitest';
import { retentionCheckOn } from '#functions/customers/domain/retention.ts';
import { RecordRelationshipEndRequest } from '#schemas/customers/customer.ts';
import {
  apiFieldOf,
  checkRelationshipDraft,
  erasureDayOf,
  isCalendarDay,
  localDay,
  openedOnOf,
  relationshipFields,
  relationshipRequest,
} from '#web/src/features/customers/utils/decisions.ts';
import { marieDupont } from './support/customer.ts';

const customer = marieDupont();
const days = { today: '2026-12-03', openedOn: '2024-01-01' };

describe('the end of the relationship, before sending', () => {
  it('asks for the day and a reason, every problem at once', () => {
    // Act
    const empty = checkRelationshipDraft({ endedOn: '', reason: ' ' }, days);
    const short = checkRelationshipDraft({ endedOn: '2026-11-30', reason: ' ok ' }, days);
    const long = checkRelationshipDraft({ endedOn: '2026-11-30', reason: 'x'.repeat(501) }, days);
    const fine = checkRelationshipDraft({ endedOn: '2026-11-30', reason: 'Tous les comptes clôturés' }, days);

    // Assess
    expect(empty).toEqual({ endedOn: 'endedOnRequired', reason: 'reasonRequired' });
    expect(short).toEqual({ reason: 'reasonTooShort' });
    expect(long).toEqual({ reason: 'reasonTooLong' });
    expect(fine).toEqual({});
  });

  it('takes a day of the calendar from the opening of the file to today, both included', () => {
    // Prepare
    const reason = 'Tous les comptes clôturés';
    const on = (endedOn: string) => checkRelationshipDraft({ endedOn, reason }, days).endedOn;

    // Act
    const verdicts = [
      '2026-12-03',
      '2026-12-04',
      '2027-01-01',
      '2024-01-01',
      '2023-12-31',
      '2025-02-29',
      '2024-02-29',
      '2026-13-01',
      '03/12/2026',
    ].map(on);

    // Assess
    expect(verdicts).toEqual([
      undefined,
      'endedOnAfterToday',
      'endedOnAfterToday',
      undefined,
      'endedOnBeforeOpening',
      'endedOnInvalid',
      undefined,
      'endedOnInvalid',
      'endedOnInvalid',
    ]);
  });

  it('asks only for a reason to withdraw the end recorded', () => {
    // Act
    const withdrawal = checkRelationshipDraft({ endedOn: null, reason: '' }, days);
    const fine = checkRelationshipDraft({ endedOn: null, reason: 'Enregistrée par erreur' }, days);

    // Assess
    expect(withdrawal).toEqual({ reason: 'reasonRequired' });
    expect(fine).toEqual({});
    expect(relationshipFields({ endedOn: null })).toEqual(['reason']);
    expect(relationshipFields({ endedOn: '' })).toEqual(['endedOn', 'reason']);
  });

  it('reads today in the user’s calendar, and the opening day as the API compares it', () => {
    // Act: late in the evening of 5 January, local time, whatever the time zone.
    const lateEvening = localDay(new Date(2026, 0, 5, 23, 30));
    const morning = localDay(new Date(2026, 11, 3, 0, 5));
    const opened = openedOnOf({ createdAt: '2019-07-14T21:45:00.000Z' });

    // Assess
    expect(lateEvening).toBe('2026-01-05');
    expect(morning).toBe('2026-12-03');
    expect(opened).toBe('2019-07-14');
    expect([isCalendarDay('2024-02-29'), isCalendarDay('2023-02-29'), isCalendarDay('2024-2-9')]).toEqual([
      true,
      false,
      false,
    ]);
  });
});

describe('the request', () => {
  it('sends the day, the trimmed reason and the version read; null withdraws the end', () => {
    // Act
    const end = relationshipRequest(customer, { endedOn: '2026-11-30', reason: '  Comptes clôturés\n' });
    const withdrawal = relationshipRequest(customer, { endedOn: null, reason: ' Enregistrée par erreur ' });

    // Assess
    expect(end).toEqual({ endedOn: '2026-11-30', reason: 'Comptes clôturés', version: 3 });
    expect(withdrawal).toEqual({ endedOn: null, reason: 'Enregistrée par erreur', version: 3 });
    expect(RecordRelationshipEndRequest.safeParse(end).success).toBe(true);
    expect(RecordRelationshipEndRequest.safeParse(withdrawal).success).toBe(true);
  });

  it('finds the date field an API error names', () => {
    // Act
    const fields = ['endedOn', '/endedOn', 'body.reason', 'version'].map((field) =>
      apiFieldOf(field, relationshipFields({ endedOn: '' })),
    );
    const withdrawing = apiFieldOf('endedOn', relationshipFields({ endedOn: null }));

    // Assess
    expect(fields).toEqual(['endedOn', 'endedOn', 'reason', undefined]);
    expect(withdrawing).toBeUndefined();
  });
});

describe('the day the file is erased', () => {
  it('is the same day 5 years later, or the last day of that month when it has none', () => {
    // Act
    const erased = ['2026-11-30', '2024-02-29', '2024-02-28', '2025-12-31', '2023-03-01'].map(erasureDayOf);

    // Assess
    expect(erased).toEqual(['2031-11-30', '2029-02-28', '2029-02-28', '2030-12-31', '2028-03-01']);
  });

  it('is the day the retention sweep looks at the file', () => {
    // Prepare
    const ends = ['2026-11-30', '2024-02-29', '2025-12-31', '2027-02-28'];

    // Act
    const sweep = ends.map((relationshipEndedOn) =>
      retentionCheckOn({ kind: 'individual', createdAt: customer.createdAt, relationshipEndedOn }),
    );

    // Assess
    expect(ends.map(erasureDayOf)).toEqual(sweep);
  });
});
