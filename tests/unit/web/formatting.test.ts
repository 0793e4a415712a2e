/** Dates, amounts and bands read naturally in each language. */
import { describe, expect, it } from 'vitest';
import { safeReturnPath } from '#web/src/lib/auth.ts';
import { parseWebConfig } from '#web/src/lib/config.ts';
import { ageOn, formattersFor } from '#web/src/lib/i18n.ts';

describe('formatters', () => {
  it('formats calendar dates without shifting the day, in French and English', () => {
    // Act
    const fr = formattersFor('fr').date('1980-03-12');
    const en = formattersFor('en').date('1980-03-12');

    // Assess
    expect(fr).toBe('12/03/1980');
    expect(en).toBe('12/03/1980');
  });

  it('turns balance bands into amounts in euros', () => {
    // Act
    const fr = ['<1k', '10k-50k', '>200k'].map((band) => formattersFor('fr').balanceBand(band));
    const en = formattersFor('en').balanceBand('10k-50k');

    // Assess
    expect(fr.map((text) => text.replace(/\s/g, ' '))).toEqual([
      'moins de 1 000 €',
      '10 000 € à 50 000 €',
      'plus de 200 000 €',
    ]);
    expect(en).toBe('€10,000 to €50,000');
  });

  it('counts whole years of age', () => {
    // Act
    const beforeBirthday = ageOn('1980-03-12', new Date(2024, 2, 11));
    const onBirthday = ageOn('1980-03-12', new Date(2024, 2, 12));

    // Assess
    expect([beforeBirthday, onBirthday]).toEqual([43, 44]);
  });
});

describe('parseWebConfig', () => {
  it('accepts the config.json the hosts write and trims the API URL', () => {
    // Prepare
    const json = {
      apiUrl: 'https://api.relais.example/',
      region: 'eu-west-3',
      auth: {
        authorizeUrl: 'https://auth.relais.example/oauth2/authorize',
        tokenUrl: 'https://auth.relais.example/oauth2/token',
        logoutUrl: 'https://auth.relais.example/logout',
        clientId: 'abc',
        scopes: ['openid'],
      },
    };

    // Act
    const config = parseWebConfig(json);

    // Assess
    expect(config.apiUrl).toBe('https://api.relais.example');
  });

  it('names the field that is wrong', () => {
    // Act
    const parse = () =>
      parseWebConfig({ apiUrl: 'https://api.relais.example', region: 'eu-west-3', auth: {} });

    // Assess
    expect(parse).toThrow('auth.authorizeUrl');
  });
});

describe('safeReturnPath', () => {
  it('returns inside the app only', () => {
    // Act
    const paths = [
      '/customers/cu-1?x=1',
      'https://evil.example/',
      '//evil.example',
      '/\\evil',
      '/auth/callback?code=x',
      null,
    ];

    // Assess
    expect(paths.map(safeReturnPath)).toEqual(['/customers/cu-1?x=1', '/', '/', '/', '/', '/']);
  });
});
