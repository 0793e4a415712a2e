/** The demo bank generator: deterministic, well-formed, and shaped like a real French bank. */

import { describe, expect, it } from 'vitest';
import { demoAsOf, demoLogins, demoPassword, generateDemoBank } from '#local/seed/demo-bank.ts';
import { Consent } from '#schemas/customers/consent.ts';
import { Customer } from '#schemas/customers/customer.ts';
import { Holding } from '#schemas/customers/holding.ts';
import { Branch } from '#schemas/platform/directory.ts';
import { allRoles, type Role } from '#schemas/roles.ts';

// One default bank shared by the read-only assertions (generating it is the costly part).
const bank = generateDemoBank();
const customers = bank.customers.map(({ customer }) => customer);
const ageOn = (birthDate: string, day: string) => {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m > bm || (m === bm && d >= bd) ? 0 : 1);
};

describe('generateDemoBank', () => {
  it('gives the same bank for the same seed and another bank for another seed', () => {
    // Prepare
    const options = { customers: 300, seed: 7 };

    // Act
    const first = generateDemoBank(options);
    const again = generateDemoBank(options);
    const other = generateDemoBank({ ...options, seed: 8 });

    // Assess
    expect(JSON.stringify(again)).toBe(JSON.stringify(first));
    expect(JSON.stringify(other.customers)).not.toBe(JSON.stringify(first.customers));
    expect(other.staff.map((member) => member.sub)).not.toEqual(first.staff.map((member) => member.sub));
  });

  it('makes a smaller bank the beginning of a larger one', () => {
    // Act
    const small = generateDemoBank({ customers: 50 });

    // Assess
    expect(small.customers).toEqual(bank.customers.slice(0, 50));
    expect(small.staff).toEqual(bank.staff);
  });

  it('generates 2,000 customers well under a second', () => {
    // Prepare
    generateDemoBank({ customers: 200, seed: 1 }); // warm the JIT up, as a long-lived process would be

    // Act
    const startedAt = performance.now();
    const generated = generateDemoBank({ seed: 99 });
    const elapsed = performance.now() - startedAt;

    // Assess
    expect(generated.customers).toHaveLength(2000);
    expect(elapsed).toBeLessThan(1000);
  });

  it('produces objects that all pass their zod schemas', () => {
    // Act
    const invalid = [
      ...bank.branches.flatMap((branch) => (Branch.safeParse(branch).success ? [] : [branch])),
      ...bank.customers.flatMap(({ customer, holdings, consents }) => [
        ...(Customer.safeParse(customer).success ? [] : [customer]),
        ...holdings.filter((holding) => !Holding.safeParse(holding).success),
        ...consents.filter((consent) => !Consent.safeParse(consent).success),
      ]),
    ];

    // Assess
    expect(bank.customers).toHaveLength(2000);
    expect(invalid).toEqual([]);
  });

  it('has five branches and the staff of each role', () => {
    // Act
    const countOf = (role: Role, branchId?: string) =>
      bank.staff.filter(
        (member) => member.roles.includes(role) && (branchId === undefined || member.branchId === branchId),
      ).length;

    // Assess
    expect(bank.branches).toHaveLength(5);
    expect(bank.branches.map((branch) => branch.id)).toContain('br-paris-opera');
    for (const branch of bank.branches) {
      expect(countOf('advisor', branch.id)).toBe(4);
      expect(countOf('branch_manager', branch.id)).toBe(1);
    }
    expect(countOf('advisor')).toBe(20);
    expect(countOf('branch_manager')).toBe(5);
    expect(countOf('service_agent')).toBe(2);
    expect(countOf('marketer')).toBe(1);
    expect(countOf('analyst')).toBe(1);
    expect(countOf('admin')).toBe(1);
    expect(
      bank.staff.filter((member) => member.roles.includes('service_agent')).every((m) => !m.branchId),
    ).toBe(true);
  });

  it('gives staff ascii logins, one demo password, uuid subjects and accented display names', () => {
    // Assess
    expect(new Set(bank.staff.map((member) => member.username)).size).toBe(bank.staff.length);
    expect(new Set(bank.staff.map((member) => member.sub)).size).toBe(bank.staff.length);
    for (const member of bank.staff) {
      expect(member.username).toMatch(/^[a-z-]+\.[a-z-]+$/);
      expect(member.password).toBe(demoPassword);
      expect(member.sub).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(member.email).toBe(`${member.username}@relais-demo.example`);
    }
    expect(bank.staff.map((member) => member.name)).toContain('Jean-François Morel');
    expect(bank.staff.find((member) => member.name === 'Jean-François Morel')?.username).toBe(
      'jean-francois.morel',
    );
    expect(bank.staff.find((member) => member.name === "Aïcha N'Diaye")?.username).toBe('aicha.ndiaye');
  });

  it('offers one login per role for the start screen', () => {
    // Act
    const logins = demoLogins(bank.staff);

    // Assess
    expect(logins.map((login) => login.role)).toEqual(allRoles);
    expect(logins[0]).toMatchObject({ username: 'camille.martin', branchId: 'br-paris-opera' });
    for (const login of logins) expect(login.roles).toContain(login.role);
  });

  it("assigns every customer to an advisor of the customer's own branch", () => {
    // Prepare
    const advisorBranch = new Map(
      bank.staff
        .filter((member) => member.roles.includes('advisor'))
        .map((member) => [member.sub, member.branchId]),
    );

    // Act
    const misassigned = customers.filter(
      (customer) => advisorBranch.get(customer.advisorId ?? '') !== customer.branchId,
    );

    // Assess
    expect(misassigned).toEqual([]);
    for (const branch of bank.branches) {
      expect(customers.filter((customer) => customer.branchId === branch.id).length).toBeGreaterThan(200);
    }
    expect(new Set(customers.map((customer) => customer.advisorId)).size).toBe(20);
  });

  it('never repeats an identifier, a customer number, an email or a mobile phone', () => {
    // Act
    const ids = [
      ...customers.map((c) => c.id),
      ...bank.customers.flatMap((c) => c.holdings.map((h) => h.id)),
    ];
    const distinct = (values: (string | undefined)[]) => {
      const present = values.filter((value) => value !== undefined);
      return new Set(present).size === present.length;
    };

    // Assess
    expect(distinct(ids)).toBe(true);
    expect(distinct(customers.map((c) => c.customerNumber))).toBe(true);
    expect(distinct(customers.map((c) => c.contact.email))).toBe(true);
    expect(distinct(customers.map((c) => c.contact.mobilePhone))).toBe(true);
    expect(customers.filter((c) => !/^cu-[0-9a-hjkmnp-tv-z]{12}$/.test(c.id))).toEqual([]);
    expect(customers.filter((c) => !/^C\d{10}$/.test(c.customerNumber))).toEqual([]);
  });

  it('mixes individuals, professionals and prospects in realistic shares', () => {
    // Act
    const share = (kind: Customer['kind']) =>
      customers.filter((c) => c.kind === kind).length / customers.length;

    // Assess
    expect(share('individual')).toBeGreaterThan(0.8);
    expect(share('individual')).toBeLessThan(0.9);
    expect(share('professional')).toBeGreaterThan(0.07);
    expect(share('professional')).toBeLessThan(0.13);
    expect(share('prospect')).toBeGreaterThan(0.03);
    expect(share('prospect')).toBeLessThan(0.07);
    expect(customers.filter((c) => (c.companyName !== undefined) !== (c.kind === 'professional'))).toEqual(
      [],
    );
  });

  it('writes French names with accents, hyphens and apostrophes, and ascii email addresses', () => {
    // Act
    const names = customers.flatMap((c) => [c.firstName, c.lastName]);
    const emails = customers.flatMap((c) => (c.contact.email ? [c.contact.email] : []));

    // Assess
    expect(names.some((name) => /[éèêëàâïîôöüûçÉ]/.test(name))).toBe(true);
    expect(names.some((name) => name.includes('-'))).toBe(true);
    expect(names.some((name) => /['’]/.test(name))).toBe(true);
    expect(names.some((name) => name.includes(' '))).toBe(true);
    expect(new Set(customers.map((c) => c.lastName)).size).toBeGreaterThan(150);
    expect(new Set(customers.map((c) => c.firstName)).size).toBeGreaterThan(100);
    expect(emails.length).toBeGreaterThan(customers.length * 0.7);
    expect(emails.length).toBeLessThan(customers.length);
    expect(emails.filter((email) => !/^[a-z0-9.-]+@[a-z.-]+$/.test(email))).toEqual([]);
  });

  it('writes French phone numbers and addresses in the branch area', () => {
    // Prepare
    const departments = new Map(bank.branches.map((branch) => [branch.id, [branch.postalCode.slice(0, 2)]]));
    // Paris Opéra's customers also live in the inner suburbs.
    departments.get('br-paris-opera')?.push('92', '93');

    // Act
    const wrong = customers.filter(
      ({ contact, address, branchId }) =>
        (contact.mobilePhone !== undefined && !/^\+33[67]\d{8}$/.test(contact.mobilePhone)) ||
        (contact.homePhone !== undefined && !/^\+33[1-5]\d{8}$/.test(contact.homePhone)) ||
        (address !== undefined &&
          (!/^\d+( bis| ter)? \S/.test(address.line1) ||
            address.country !== 'FR' ||
            !departments.get(branchId)?.includes(address.postalCode.slice(0, 2)))),
    );

    // Assess
    expect(wrong).toEqual([]);
    expect(customers.filter((c) => c.contact.homePhone).length).toBeGreaterThan(100);
    expect(customers.some((c) => c.address?.line1.includes('rue de la République'))).toBe(true);
  });

  it('keeps segments consistent with age and kind, and KYC mostly verified', () => {
    // Act
    const wrong = customers.filter(
      (c) =>
        (c.kind === 'professional') !== (c.segment === 'professional') ||
        (c.birthDate !== undefined &&
          (c.birthDate < '1940-01-01' ||
            c.birthDate > '2006-12-31' ||
            (c.kind !== 'professional' && (c.segment === 'young') !== ageOn(c.birthDate, demoAsOf) < 26))),
    );
    const clients = customers.filter((c) => c.kind !== 'prospect');

    // Assess
    expect(wrong).toEqual([]);
    expect(customers.some((c) => c.segment === 'private_banking')).toBe(true);
    expect(customers.some((c) => c.segment === 'young')).toBe(true);
    expect(clients.filter((c) => c.kycStatus === 'verified').length / clients.length).toBeGreaterThan(0.85);
  });

  it('dates records between 2015 and the demo date, created by the seed at version 1', () => {
    // Act
    const wrong = customers.filter(
      (c) =>
        c.createdAt < '2015-01-01' ||
        c.createdAt >= demoAsOf ||
        c.updatedAt !== c.createdAt ||
        c.createdBy !== 'seed' ||
        c.version !== 1,
    );

    // Assess
    expect(wrong).toEqual([]);
    expect(new Set(customers.map((c) => c.createdAt.slice(0, 4)))).toEqual(
      new Set([
        '2015',
        '2016',
        '2017',
        '2018',
        '2019',
        '2020',
        '2021',
        '2022',
        '2023',
        '2024',
        '2025',
        '2026',
      ]),
    );
  });

  it('gives clients 1 to 6 holdings opened after they joined, and prospects none', () => {
    // Act
    const wrong = bank.customers.filter(({ customer, holdings }) =>
      customer.kind === 'prospect'
        ? holdings.length > 0
        : holdings.length < 1 ||
          holdings.length > 6 ||
          holdings.some(
            (h) =>
              h.openedOn < customer.createdAt.slice(0, 10) ||
              h.openedOn >= demoAsOf ||
              (h.closedOn !== undefined && (h.closedOn <= h.openedOn || h.closedOn >= demoAsOf)),
          ),
    );

    // Assess
    expect(wrong).toEqual([]);
    const products = new Set(bank.customers.flatMap(({ holdings }) => holdings.map((h) => h.product)));
    for (const product of [
      'compte-courant',
      'livret-a',
      'ldds',
      'assurance-vie',
      'pret-immo',
      'pret-conso',
      'mrh',
    ]) {
      expect(products).toContain(product);
    }
    const clients = bank.customers.filter(({ customer }) => customer.kind === 'individual');
    const withAccount = clients.filter(({ holdings }) =>
      holdings.some((h) => h.product === 'compte-courant'),
    );
    expect(withAccount.length / clients.length).toBeGreaterThan(0.9);
  });

  it('records the ten consents of each customer, post granted more often than sms', () => {
    // Prepare
    const granted = (channel: Consent['channel']) =>
      bank.customers.filter(({ consents }) =>
        consents.some((c) => c.channel === channel && c.purpose === 'marketing' && c.granted),
      ).length;

    // Act
    const wrong = bank.customers.filter(
      ({ customer, consents }) =>
        new Set(consents.map((c) => `${c.channel}/${c.purpose}`)).size !== 10 ||
        consents.some(
          (c) =>
            !['branch', 'web', 'app'].includes(c.source) ||
            c.updatedAt < customer.createdAt ||
            c.updatedAt >= demoAsOf,
        ) ||
        // Nobody agrees to marketing e-mails without an e-mail address.
        (!customer.contact.email &&
          consents.some((c) => c.channel === 'email' && c.purpose === 'marketing' && c.granted)) ||
        // Profiling is asked once: the same answer on every channel.
        new Set(consents.filter((c) => c.purpose === 'profiling').map((c) => c.granted)).size !== 1,
    );

    // Assess
    expect(wrong).toEqual([]);
    expect(granted('post')).toBeGreaterThan(granted('sms'));
  });
});
