/**
 * The analyst screen's parameters: lists in words for the lake's vocabularies, and a period
 * checked before anything is sent (no start after the end).
 */
import { describe, expect, it } from 'vitest';
import type { SavedQuery } from '#schemas/analytics/query.ts';
import { en } from '#web/src/features/analytics/locales/en.ts';
import { fr } from '#web/src/features/analytics/locales/fr.ts';
import {
  checkDateRange,
  controlOf,
  isCalendarDate,
  toParameters,
} from '#web/src/features/analytics/utils/parameters.ts';

const query: SavedQuery = {
  id: 'daily-active-customers',
  version: 1,
  title: { fr: 'Clients actifs par jour', en: 'Daily active customers' },
  description: { fr: '…', en: '…' },
  parameters: [
    { name: 'from', type: 'date', label: { fr: 'Du', en: 'From' }, default: '2024-03-04' },
    { name: 'to', type: 'date', label: { fr: 'Au', en: 'To' }, default: '2024-03-06' },
    { name: 'channel', type: 'string', label: { fr: 'Canal (vide : tous)', en: 'Channel' }, default: '' },
    { name: 'top', type: 'integer', label: { fr: 'Nombre', en: 'Count' }, default: 20 },
  ],
};

describe('checkDateRange', () => {
  it('refuses a start after the end, and accepts a one-day period or a start before the end', () => {
    // Act
    const verdicts = [
      checkDateRange('2024-03-06', '2024-03-04'),
      checkDateRange('2024-03-04', '2024-03-04'),
      checkDateRange('2024-03-04', '2024-03-06'),
      checkDateRange('2023-12-31', '2024-01-01'),
    ];

    // Assess
    expect(verdicts).toEqual(['range', undefined, undefined, undefined]);
  });

  it('leaves missing or invalid dates to their own message', () => {
    // Act
    const verdicts = [checkDateRange('', '2024-03-04'), checkDateRange('2024-03-06', '2024-02-30')];

    // Assess
    expect(verdicts).toEqual([undefined, undefined]);
  });
});

describe('isCalendarDate', () => {
  it('accepts real days only, as the API does', () => {
    // Act
    const verdicts = ['2024-02-29', '2023-02-29', '2024-13-01', '04/03/2024'].map(isCalendarDate);

    // Assess
    expect(verdicts).toEqual([true, false, false, false]);
  });
});

describe('toParameters', () => {
  it('refuses a period that starts after it ends, next to the start, and sends nothing', () => {
    // Act
    const checked = toParameters(query, { from: '2024-03-06', to: '2024-03-04', channel: 'web', top: '5' });

    // Assess
    expect(checked).toEqual({ ok: false, errors: { from: 'range' } });
  });

  it('names every field to correct at once, in the form’s order', () => {
    // Act
    const checked = toParameters(query, { from: '2024-02-30', to: '', channel: '', top: 'cinq' });

    // Assess
    expect(checked).toEqual({ ok: false, errors: { from: 'date', to: 'date', top: 'integer' } });
  });

  it('sends the code of the channel picked, or "" for all channels', () => {
    // Act
    const web = toParameters(query, { from: '2024-03-04', to: '2024-03-06', channel: 'web', top: '20' });
    const all = toParameters(query, { from: '2024-03-04', to: '2024-03-04', channel: '', top: '20' });

    // Assess
    expect(web).toEqual({
      ok: true,
      parameters: { from: '2024-03-04', to: '2024-03-06', channel: 'web', top: 20 },
    });
    expect(all).toEqual({
      ok: true,
      parameters: { from: '2024-03-04', to: '2024-03-04', channel: '', top: 20 },
    });
  });

  it('asks for a choice in a list that has no "all" entry', () => {
    // Prepare
    const strict: SavedQuery = {
      ...query,
      parameters: [{ name: 'event_type', type: 'string', label: { fr: 'Type', en: 'Type' } }],
    };

    // Act
    const checked = toParameters(strict, { event_type: '' });

    // Assess
    expect(checked).toEqual({ ok: false, errors: { event_type: 'required' } });
  });
});

describe('controlOf', () => {
  it('makes lists of the channel, the segment and the event type, and inputs of the others', () => {
    // Act
    const controls = [
      ...query.parameters.map(controlOf),
      controlOf({ name: 'segment', type: 'string', label: { fr: 'Segment', en: 'Segment' }, default: '' }),
      controlOf({ name: 'event_type', type: 'string', label: { fr: 'Type', en: 'Type' } }),
      controlOf({ name: 'product', type: 'string', label: { fr: 'Produit', en: 'Product' }, default: '' }),
    ];

    // Assess
    expect(controls).toEqual([
      { kind: 'date' },
      { kind: 'date' },
      { kind: 'list', list: 'channel', all: true },
      { kind: 'integer' },
      { kind: 'list', list: 'segment', all: true },
      { kind: 'list', list: 'eventType', all: false },
      { kind: 'text' },
    ]);
  });

  it('has words for every channel, in French and English', () => {
    // Assess
    expect(Object.entries(fr.channels)).toEqual([
      ['web', 'Site web'],
      ['ios', 'Application iOS'],
      ['android', 'Application Android'],
      ['branch_tablet', 'Tablette en agence'],
      ['contact_centre', 'Centre de contact'],
    ]);
    expect(Object.values(en.channels)).toEqual([
      'Website',
      'iOS app',
      'Android app',
      'Branch tablet',
      'Contact centre',
    ]);
  });
});
