/** The one search box understands what the advisor typed. */
import { describe, expect, it } from 'vitest';
import { detectSearch } from '#web/src/features/customers/utils/search-query.ts';

describe('detectSearch', () => {
  it.each([
    ['dup', { by: 'name', value: 'dup' }],
    ['  Le Goff ', { by: 'name', value: 'Le Goff' }],
    ['Éloïse', { by: 'name', value: 'Éloïse' }],
    ['Marie.Dupont@Exemple.fr', { by: 'email', value: 'marie.dupont@exemple.fr' }],
    ['06 12 34 56 78', { by: 'phone', value: '+33612345678' }],
    ['06.12.34.56.78', { by: 'phone', value: '+33612345678' }],
    ['+33 6 12 34 56 78', { by: 'phone', value: '+33612345678' }],
    ['0032 470 12 34 56', { by: 'phone', value: '+32470123456' }],
    ['C0000012345', { by: 'number', value: 'C0000012345' }],
    ['c42', { by: 'number', value: 'C42' }],
  ] as const)('reads %j as a %o search', (input, expected) => {
    // Act
    const search = detectSearch(input);

    // Assess
    expect(search).toEqual(expected);
  });

  it('does not search on nothing or on a single letter of a name', () => {
    // Act
    const results = ['', '   ', 'd'].map(detectSearch);

    // Assess
    expect(results).toEqual([undefined, undefined, undefined]);
  });

  it('takes short digit runs and words starting with C for names, not numbers', () => {
    // Act
    const shortDigits = detectSearch('12345');
    const surname = detectSearch('Camus');

    // Assess
    expect(shortDigits).toEqual({ by: 'name', value: '12345' });
    expect(surname).toEqual({ by: 'name', value: 'Camus' });
  });
});
