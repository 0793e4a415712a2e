/**
 * The lake's privacy rules: customer ids become keyed pseudonyms, e-mails and phone numbers
 * never survive (fields or text, URLs included), IPs keep their network only, and ordinary
 * values (ids, dates, user agents, amounts) are left as they are.
 */
import { describe, expect, test } from 'vitest';
import { pseudonymOf, sanitise, scrubText, truncateIp } from '#functions/analytics/lake/privacy.ts';
import { testKey } from './lake-events.ts';

describe('pseudonymOf', () => {
  test('is stable for a customer and a key, and differs between customers', () => {
    // Act
    const first = pseudonymOf('cus_01HF3K9ZQ6', testKey);
    const again = pseudonymOf('cus_01HF3K9ZQ6', testKey);
    const other = pseudonymOf('cus_01HF3K9ZQ7', testKey);

    // Assess
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    expect(again).toBe(first);
    expect(other).not.toBe(first);
  });

  test('depends on the secret key: without it, a pseudonym cannot be recomputed from a guessed id', () => {
    // Act
    const withKey = pseudonymOf('cus_01HF3K9ZQ6', testKey);
    const withOtherKey = pseudonymOf('cus_01HF3K9ZQ6', `${testKey.slice(1)}y`);

    // Assess
    expect(withOtherKey).not.toBe(withKey);
    expect(withKey).not.toContain('01HF3K9ZQ6');
  });
});

describe('scrubText', () => {
  test.each([
    ['jean.dupont@exemple.fr', '[email]'],
    ['écrire à marie+banque@exemple.co.uk svp', 'écrire à [email] svp'],
    ['jean%40exemple.fr', '[email]'],
    ['+33 6 12 34 56 78', '[phone]'],
    ['appeler le 06 12 34 56 78', 'appeler le [phone]'],
    ['0612345678', '[phone]'],
    ['06.12.34.56.78', '[phone]'],
    ['(555) 123-4567', '[phone]'],
    ['+1 555 123 4567', '[phone]'],
  ])('blanks out %j', (text, expected) => {
    // Act / Assess
    expect(scrubText(text)).toBe(expected);
  });

  test.each([
    ['https://www.banque-exemple.fr/contact?email=jean%40exemple.fr&source=mail', 'jean'],
    ['/simulateur?tel=%2B33612345678&montant=200000', '33612345678'],
    ['/recherche?q=06+12+34+56+78', '12+34'],
    ['https://www.banque-exemple.fr/espace#contact=marie@exemple.org', 'marie'],
    ['/clients/jean.dupont@exemple.fr/profil', 'jean.dupont'],
    ['https://jean:motdepasse@www.banque-exemple.fr/', 'motdepasse'],
  ])('scrubs the query string, fragment, path and credentials of the URL %j', (url, secret) => {
    // Act
    const scrubbed = scrubText(url);

    // Assess
    expect(scrubbed).not.toContain(secret);
    expect(scrubbed).toMatch(/^(https:\/\/www\.banque-exemple\.fr)?\//);
  });

  test('keeps the rest of a URL as it was', () => {
    // Act / Assess
    expect(scrubText('/simulateur?tel=0612345678&montant=200000')).toContain('montant=200000');
    expect(scrubText('https://www.banque-exemple.fr/credit?duree=20')).toBe(
      'https://www.banque-exemple.fr/credit?duree=20',
    );
  });

  test.each([
    '550e8400-e29b-41d4-a716-446655440000',
    '01HF3K9ZQ6W7Y8X9V0T1S2R3Q4',
    '2026-11-23T10:00:00.000Z',
    '2026-11-23 10:00:00',
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
    'prêt de 250000 EUR sur 240 mois',
    'v12.4.1',
  ])('leaves %j alone', (text) => {
    // Act / Assess
    expect(scrubText(text)).toBe(text);
  });
});

describe('truncateIp', () => {
  test.each([
    ['203.0.113.77', '203.0.113.0'],
    ['2001:db8:85a3:8d3:1319:8a2e:370:7348', '2001:db8:85a3::'],
    ['2001:db8::1', '2001:db8::'],
    ['::ffff:203.0.113.77', '::ffff:203.0.113.0'],
    ['203.0.113.77, 2001:db8:85a3::9', '203.0.113.0, 2001:db8:85a3::'],
  ])('keeps the network of %s', (ip, network) => {
    // Act / Assess
    expect(truncateIp(ip)).toBe(network);
  });

  test('answers nothing for what is not an IP', () => {
    // Act / Assess
    expect(truncateIp('unknown')).toBeUndefined();
  });
});

describe('sanitise', () => {
  test('copies only the listed fields, each treated as listed: pseudonym, network, text, token', () => {
    // Prepare
    const fields = {
      eventId: 'token',
      customerId: 'pseudonym',
      actor: { id: 'fixed' },
      context: { ip: 'network', page: { url: 'text' } },
      properties: { form: 'text', answers: { comment: 'text' } },
    } as const;
    const detail = {
      eventId: 'evt-0612345678',
      customerId: 'cus_42',
      actor: { id: 'stf-01', name: 'Camille Martin' },
      context: { ip: '203.0.113.77', page: { url: '/contact?email=a%40b.fr' }, cookie: 'sid=1' },
      properties: {
        form: 'rappel',
        contact: { email: 'a@b.fr', mobilePhone: '+33611223344' },
        answers: [{ firstName: 'Jean', comment: 'rappelez-moi au 06 11 22 33 44' }],
      },
      iban: 'FR7630006000011234567890189',
    };

    // Act
    const clean = sanitise(detail, fields, testKey);

    // Assess
    expect(clean).toEqual({
      eventId: 'evt-0612345678',
      customerPid: pseudonymOf('cus_42', testKey),
      actor: { id: 'stf-01' },
      context: { ip: '203.0.113.0', page: { url: '/contact?email=%5Bredacted%5D' } },
      properties: { form: 'rappel', answers: [{ comment: 'rappelez-moi au [phone]' }] },
    });
  });

  test('replaces a sender-made id that hides an e-mail or a phone by a keyed hash, the same each time', () => {
    // Act
    const first = sanitise({ sessionId: 'jean.dupont@exemple.fr' }, { sessionId: 'token' }, testKey);
    const again = sanitise({ sessionId: 'jean.dupont@exemple.fr' }, { sessionId: 'token' }, testKey);
    const phone = sanitise({ sessionId: '0612345678' }, { sessionId: 'token' }, testKey);

    // Assess
    expect(first.sessionId).toMatch(/^h-[0-9a-f]{24}$/);
    expect(again).toEqual(first);
    expect(phone.sessionId).toMatch(/^h-[0-9a-f]{24}$/);
    expect(sanitise({ sessionId: 'ses-20261123-7f3a' }, { sessionId: 'token' }, testKey)).toEqual({
      sessionId: 'ses-20261123-7f3a',
    });
  });

  test("keeps of a custom event's properties the numbers, flags and short codes, nothing else", () => {
    // Act
    const clean = sanitise(
      {
        properties: {
          tool: 'budget_planner',
          step: 3,
          done: true,
          note: 'mon salaire est de 3000',
          email: 'x',
          contact: '0612345678',
          nested: { a: 1 },
        },
      },
      { properties: 'codes' },
      testKey,
    );

    // Assess
    expect(clean).toEqual({ properties: { tool: 'budget_planner', step: 3, done: true } });
  });
});

describe('scrubText, the other kinds of personal data', () => {
  test.each([
    ['virement vers FR76 3000 6000 0112 3456 7890 189 demain', 'virement vers [iban] demain'],
    ['FR7630006000011234567890189', '[iban]'],
    ['DE89370400440532013000', '[iban]'],
    ['carte 4111 1111 1111 1111 perdue', 'carte [card] perdue'],
    ['4111111111111111', '[card]'],
    ['5555-5555-5555-4444', '[card]'],
    ['/clients/cu-7k2m9x4q1b8z/profil', '/clients/[customer]/profil'],
    ['voir le dossier cu-7k2m9x4q1b8z', 'voir le dossier [customer]'],
  ])('blanks out %j', (text, expected) => {
    // Act / Assess
    expect(scrubText(text)).toBe(expected);
  });

  test.each([
    // Mod 97 fails: not an IBAN.
    'FR7630006000011234567890188',
    // Luhn fails: not a card (a 16-digit order number).
    'commande 4111 1111 1111 1112',
    'cu-short',
  ])('leaves %j alone', (text) => {
    // Act / Assess
    expect(scrubText(text)).not.toMatch(/\[(iban|card|customer)\]/);
  });
});
