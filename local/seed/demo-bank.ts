/**
 * The demo bank of the sandbox: five branches, their staff and a few thousand customers with
 * holdings and consents, all generated from a seed. Same seed, same bank, byte for byte: the
 * generator never reads the clock nor `Math.random`, so tests and screenshots can name a
 * customer. Customer `i` depends only on the seed and `i` (and on the identifiers already
 * taken), so a smaller bank is a prefix of a larger one.
 */
import { productByCode } from '#functions/sales/access.ts';
import type { Consent, ConsentChannel, ConsentPurpose } from '#schemas/customers/consent.ts';
import type { Customer } from '#schemas/customers/customer.ts';
import { customerIdLength, customerIdPrefix } from '#schemas/customers/customer-id.ts';
import type { Holding } from '#schemas/customers/holding.ts';
import type { Branch } from '#schemas/platform/directory.ts';
import { allRoles, type Role } from '#schemas/roles.ts';
import {
  activities,
  addressComplements,
  emailDomains,
  firstNames,
  type Gender,
  generationOf,
  lastNamesByOrigin,
  type Origin,
  originFirstNames,
  streetNames,
  trades,
} from './french-names.ts';
import type { StaffMember } from './staff.ts';

export type DemoCustomer = { customer: Customer; holdings: Holding[]; consents: Consent[] };
export type DemoBank = { branches: Branch[]; staff: StaffMember[]; customers: DemoCustomer[] };
export type DemoBankOptions = {
  /** How many customers (prospects included). @default 2000 */
  customers?: number;
  /** Seed of every random choice. @default 2026 */
  seed?: number;
};
/** A user shown on the sandbox's start screen, with the role it demonstrates. */
export type DemoLogin = StaffMember & { role: Role };

/** The one password of every demo user (the sandbox prints it; never used outside it). */
export const demoPassword = 'Relais-Demo-2026!';
/** The day the demo data stops: every generated date is before it, whatever the real clock says. */
export const demoAsOf = '2026-11-01';
/** Who created the demo records (`createdBy`/`updatedBy`). */
export const seedActor = 'seed';

// ---------------------------------------------------------------------------------------------
// Seeded randomness

/** A deterministic source of random choices. */
export type Random = {
  /** Uniform in [0, 1). */
  next: () => number;
  /** Uniform integer in [min, max], both included. */
  int: (min: number, max: number) => number;
  /** True with probability `p`. */
  chance: (p: number) => boolean;
  pick: <T>(items: readonly T[]) => T;
  /** Picks a value with probability proportional to its weight. */
  weighted: <T>(entries: readonly (readonly [T, number])[]) => T;
};

/**
 * A mulberry32 generator: 32 bits of state, fast and good enough for demo data (not for
 * anything secret).
 */
export const seededRandom = (seed: number): Random => {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    weighted: (entries) => {
      const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
      let draw = next() * total;
      for (const [value, weight] of entries) {
        draw -= weight;
        if (draw < 0) return value;
      }
      return entries[entries.length - 1]![0];
    },
  };
};

/** Mixes integers into one 32-bit seed, so each stream (staff, customer i…) draws independently. */
const mix = (...parts: number[]): number => {
  let h = 0x9e3779b9;
  for (const part of parts) {
    h = Math.imul(h ^ (part >>> 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
};

const hashString = (text: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
};

const streams = { staff: 1, customers: 2 } as const;

// ---------------------------------------------------------------------------------------------
// Text helpers

const unaccented: Record<string, string> = { ı: 'i', œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', ł: 'l' };

/** `Jean-François` → `jean-francois`, `N'Diaye` → `ndiaye`, `Le Goff` → `legoff`. */
const slug = (text: string): string =>
  text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[ıœæßøł]/g, (char) => unaccented[char] ?? '')
    .replace(/[^a-z0-9-]/g, '');

/** `length` characters drawn from `alphabet` (a plain loop: this runs some 100,000 times). */
const draw = (random: Random, alphabet: string, length: number) => {
  let text = '';
  for (let i = 0; i < length; i++) text += alphabet[Math.floor(random.next() * alphabet.length)];
  return text;
};
const crockford = '0123456789abcdefghjkmnpqrstvwxyz';
const base32 = (random: Random, length: number) => draw(random, crockford, length);
const hex = (random: Random, length: number) => draw(random, '0123456789abcdef', length);
const digits = (random: Random, length: number) => draw(random, '0123456789', length);

/** A version-4-shaped UUID drawn from `random`. */
const uuid = (random: Random) =>
  `${hex(random, 8)}-${hex(random, 4)}-4${hex(random, 3)}-${'89ab'[random.int(0, 3)]}${hex(random, 3)}-${hex(random, 12)}`;

// ---------------------------------------------------------------------------------------------
// Dates (UTC; days counted from the epoch). Civil-date arithmetic instead of `Date` objects,
// which cost more than the rest of the generator together.

type Civil = { year: number; month: number; day: number };

/** The calendar date of a day number (H. Hinnant's `civil_from_days`). */
const civil = (days: number): Civil => {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return {
    year: yoe + era * 400 + (month <= 2 ? 1 : 0),
    month,
    day: doy - Math.floor((153 * mp + 2) / 5) + 1,
  };
};
const pad = (value: number) => (value < 10 ? `0${value}` : `${value}`);
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const isoDay = (days: number) => {
  const { year, month, day } = civil(days);
  return `${year}-${pad(month)}-${pad(day)}`;
};
/** `day` at `seconds` past midnight, as an ISO date-time in UTC. */
const isoDateTime = (days: number, seconds: number) =>
  `${isoDay(days)}T${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}.000Z`;
const asOfDay = dayOf(demoAsOf);
/** Whole years between two days (an age). */
const yearsBetween = (fromDay: number, toDay: number) => {
  const from = civil(fromDay);
  const to = civil(toDay);
  const birthdayPassed = to.month > from.month || (to.month === from.month && to.day >= from.day);
  return to.year - from.year - (birthdayPassed ? 0 : 1);
};
/** A time on `day` during opening hours (08:30–18:30 UTC). */
const officeTime = (random: Random, day: number) =>
  isoDateTime(day, random.int(8 * 60 + 30, 18 * 60 + 30) * 60);
/** A time on `day` at any hour (web and app never close). */
const anyTime = (random: Random, day: number) => isoDateTime(day, random.int(0, 24 * 60 * 60 - 1));

// ---------------------------------------------------------------------------------------------
// The organisation

type BranchArea = {
  branch: Branch;
  /** Share of the customers. */
  weight: number;
  /** Landline prefix of the region (+331 Île-de-France … +335 South-West). */
  landline: string;
  /** Where its customers live. */
  communes: readonly (readonly [postalCode: string, city: string])[];
};

const areas: readonly BranchArea[] = [
  {
    branch: { id: 'br-paris-opera', name: 'Paris Opéra', city: 'Paris', postalCode: '75009' },
    weight: 30,
    landline: '+331',
    communes: [
      ['75009', 'Paris'],
      ['75002', 'Paris'],
      ['75008', 'Paris'],
      ['75010', 'Paris'],
      ['75017', 'Paris'],
      ['75018', 'Paris'],
      ['92100', 'Boulogne-Billancourt'],
      ['92200', 'Neuilly-sur-Seine'],
      ['93400', 'Saint-Ouen-sur-Seine'],
      ['92300', 'Levallois-Perret'],
    ],
  },
  {
    branch: { id: 'br-lyon-bellecour', name: 'Lyon Bellecour', city: 'Lyon', postalCode: '69002' },
    weight: 20,
    landline: '+334',
    communes: [
      ['69002', 'Lyon'],
      ['69001', 'Lyon'],
      ['69003', 'Lyon'],
      ['69006', 'Lyon'],
      ['69007', 'Lyon'],
      ['69100', 'Villeurbanne'],
      ['69300', 'Caluire-et-Cuire'],
      ['69500', 'Bron'],
    ],
  },
  {
    branch: { id: 'br-marseille-prado', name: 'Marseille Prado', city: 'Marseille', postalCode: '13008' },
    weight: 20,
    landline: '+334',
    communes: [
      ['13008', 'Marseille'],
      ['13006', 'Marseille'],
      ['13007', 'Marseille'],
      ['13009', 'Marseille'],
      ['13005', 'Marseille'],
      ['13260', 'Cassis'],
      ['13400', 'Aubagne'],
    ],
  },
  {
    branch: { id: 'br-lille-grand-place', name: 'Lille Grand-Place', city: 'Lille', postalCode: '59800' },
    weight: 15,
    landline: '+333',
    communes: [
      ['59800', 'Lille'],
      ['59000', 'Lille'],
      ['59110', 'La Madeleine'],
      ['59700', 'Marcq-en-Barœul'],
      ['59650', 'Villeneuve-d’Ascq'],
      ['59100', 'Roubaix'],
      ['59130', 'Lambersart'],
    ],
  },
  {
    branch: {
      id: 'br-bordeaux-chartrons',
      name: 'Bordeaux Chartrons',
      city: 'Bordeaux',
      postalCode: '33300',
    },
    weight: 15,
    landline: '+335',
    communes: [
      ['33300', 'Bordeaux'],
      ['33000', 'Bordeaux'],
      ['33800', 'Bordeaux'],
      ['33700', 'Mérignac'],
      ['33600', 'Pessac'],
      ['33400', 'Talence'],
      ['33110', 'Le Bouscat'],
    ],
  },
];

const areaWeights = areas.map((area) => [area, area.weight] as const);

/** The fixed cast of the demo: names and roles never change, only their `sub` follows the seed. */
const roster: readonly { first: string; last: string; role: Role; branchId?: string }[] = [
  ...(
    [
      [
        'br-paris-opera',
        ['Camille', 'Martin'],
        ['Karim', 'Benali'],
        ['Éloïse', 'Lefèvre'],
        ['Thomas', 'Nguyen'],
      ],
      [
        'br-lyon-bellecour',
        ['Jean-François', 'Morel'],
        ['Inès', 'Haddad'],
        ['Gaël', 'Le Goff'],
        ['Chloé', 'Fabre'],
      ],
      [
        'br-marseille-prado',
        ['Léa', 'Rossi'],
        ['Mehdi', 'Cherif'],
        ['Sophie', 'Bénard'],
        ['Antoine', 'Da Silva'],
      ],
      [
        'br-lille-grand-place',
        ['Maëlle', 'Vandenberghe'],
        ['Julien', 'Lemaire'],
        ['Aïcha', "N'Diaye"],
        ['Hugo', 'Dewaele'],
      ],
      [
        'br-bordeaux-chartrons',
        ['Noémie', 'Dupuy'],
        ['Loïc', 'Fontaine'],
        ['Fatoumata', 'Diallo'],
        ['Raphaël', 'Müller'],
      ],
    ] as const
  ).flatMap(([branchId, ...advisors]) =>
    advisors.map(([first, last]) => ({ first, last, role: 'advisor' as const, branchId })),
  ),
  { first: 'Hélène', last: 'Rousseau', role: 'branch_manager', branchId: 'br-paris-opera' },
  { first: 'Stéphane', last: 'Girard', role: 'branch_manager', branchId: 'br-lyon-bellecour' },
  { first: 'Nadia', last: 'Mansouri', role: 'branch_manager', branchId: 'br-marseille-prado' },
  { first: 'Frédéric', last: 'Lecomte', role: 'branch_manager', branchId: 'br-lille-grand-place' },
  { first: 'Isabelle', last: 'Garnier', role: 'branch_manager', branchId: 'br-bordeaux-chartrons' },
  { first: 'Sarah', last: 'Lévy', role: 'service_agent' },
  { first: 'Yanis', last: 'Bouaziz', role: 'service_agent' },
  { first: 'Agnès', last: 'Moreau', role: 'compliance_officer' },
  { first: 'Mathilde', last: 'Perrin', role: 'privacy_officer' },
  { first: 'Clémence', last: 'Roux', role: 'marketer' },
  { first: 'Linh', last: 'Tran', role: 'analyst' },
  { first: 'Olivier', last: 'Mercier', role: 'admin' },
];

const buildStaff = (seed: number): StaffMember[] =>
  roster.map(({ first, last, role, branchId }) => {
    const username = `${slug(first)}.${slug(last)}`;
    const member: StaffMember = {
      username,
      password: demoPassword,
      sub: uuid(seededRandom(mix(seed, streams.staff, hashString(username)))),
      name: `${first} ${last}`,
      email: `${username}@relais-demo.example`,
      roles: [role],
    };
    if (branchId) member.branchId = branchId;
    return member;
  });

/**
 * One user per role, the first of each in the staff list, in the order of the roles: what the
 * sandbox's start screen offers to sign in with.
 */
export const demoLogins = (staff: readonly StaffMember[]): DemoLogin[] =>
  allRoles.flatMap((role) => {
    const member = staff.find((candidate) => candidate.roles.includes(role));
    return member ? [{ ...member, role }] : [];
  });

// ---------------------------------------------------------------------------------------------
// Products

type Band = Holding['balanceBand'];
const bands: readonly Band[] = ['<1k', '1k-10k', '10k-50k', '50k-200k', '>200k'];
type Product = {
  family: Holding['family'];
  code: string;
  label: string;
  /** How the balance band is drawn. */
  band: BandRule;
};
/**
 * `fixed` for cards and insurance (no balance to speak of), `wealth` for deposits (the
 * customer's usual band shifted by `offset`, capped where the product's ceiling is, e.g. the
 * Livret A's 22,950 €), `weights` for loans (outstanding capital, whoever borrows).
 */
type BandRule =
  | { rule: 'fixed'; band: Band }
  | { rule: 'wealth'; offset: number; max: Band }
  | { rule: 'weights'; weights: readonly (readonly [Band, number])[] };

/** A product of the sales catalogue (its family and French name), with how its balance band is drawn. */
const p = (code: string, band: Band | BandRule): Product => {
  const product = productByCode(code);
  if (!product) throw new Error(`the demo bank holds ${code}, which the catalogue does not offer`);
  return {
    family: product.family,
    code,
    label: product.name.fr,
    band: typeof band === 'string' ? { rule: 'fixed', band } : band,
  };
};
const wealthBand = (offset: number, max: Band): BandRule => ({ rule: 'wealth', offset, max });
const loanBands = (...weights: (readonly [Band, number])[]): BandRule => ({ rule: 'weights', weights });

const products = {
  currentAccount: p('compte-courant', wealthBand(0, '50k-200k')),
  proAccount: p('compte-pro', wealthBand(0, '>200k')),
  jointAccount: p('compte-joint', wealthBand(0, '50k-200k')),
  visaClassic: p('carte-visa-classic', '<1k'),
  visaPremier: p('carte-visa-premier', '<1k'),
  visaInfinite: p('carte-visa-infinite', '<1k'),
  visaBusiness: p('carte-visa-business', '<1k'),
  livretA: p('livret-a', wealthBand(0, '10k-50k')),
  ldds: p('ldds', wealthBand(0, '10k-50k')),
  lep: p('lep', wealthBand(0, '1k-10k')),
  livretJeune: p('livret-jeune', wealthBand(0, '1k-10k')),
  pel: p('pel', wealthBand(0, '50k-200k')),
  assuranceVie: p('assurance-vie', wealthBand(1, '>200k')),
  pea: p('pea', wealthBand(0, '50k-200k')),
  per: p('per', wealthBand(0, '50k-200k')),
  compteTitres: p('compte-titres', wealthBand(1, '>200k')),
  pretImmo: p('pret-immo', loanBands(['10k-50k', 10], ['50k-200k', 65], ['>200k', 25])),
  pretConso: p('pret-conso', loanBands(['1k-10k', 60], ['10k-50k', 40])),
  pretAuto: p('pret-auto', loanBands(['1k-10k', 40], ['10k-50k', 60])),
  pretEtudiant: p('pret-etudiant', loanBands(['1k-10k', 40], ['10k-50k', 60])),
  pretPro: p('pret-pro', loanBands(['10k-50k', 50], ['50k-200k', 50])),
  mrh: p('mrh', '<1k'),
  auto: p('auto', '<1k'),
  prevoyance: p('prevoyance', '<1k'),
  sante: p('sante', '<1k'),
  rcPro: p('rc-pro', '<1k'),
} as const;

type Segment = Customer['segment'];
/** Index into `bands` of a typical balance for the segment. */
const wealthOf: Record<Segment, number> = {
  young: 0,
  mass_market: 1,
  affluent: 2,
  professional: 2,
  private_banking: 3,
};

/** How many products customers of a segment hold (1 to 6). */
const holdingCounts: Record<Segment, readonly (readonly [number, number])[]> = {
  young: [
    [1, 20],
    [2, 40],
    [3, 30],
    [4, 10],
  ],
  mass_market: [
    [1, 8],
    [2, 22],
    [3, 30],
    [4, 22],
    [5, 12],
    [6, 6],
  ],
  affluent: [
    [3, 15],
    [4, 30],
    [5, 30],
    [6, 25],
  ],
  private_banking: [
    [4, 15],
    [5, 35],
    [6, 50],
  ],
  professional: [
    [2, 15],
    [3, 30],
    [4, 30],
    [5, 15],
    [6, 10],
  ],
};

/** What a customer of this age and segment plausibly holds, account and card first. */
const chooseProducts = (random: Random, age: number, segment: Segment): Product[] => {
  const pro = segment === 'professional';
  const rich = segment === 'affluent' || segment === 'private_banking';
  const first: Product[] = [];
  const others: Product[] = [];
  const maybe = (probability: number, product: Product) => {
    if (random.chance(probability)) others.push(product);
  };
  if (random.chance(0.97)) {
    first.push(pro ? products.proAccount : products.currentAccount);
    if (random.chance(0.9)) {
      first.push(
        pro
          ? products.visaBusiness
          : segment === 'private_banking'
            ? products.visaInfinite
            : segment === 'affluent'
              ? products.visaPremier
              : products.visaClassic,
      );
    }
  }
  if (!pro && age >= 30) maybe(0.15, products.jointAccount);
  maybe(0.65, products.livretA);
  maybe(0.35, products.ldds);
  if (segment === 'mass_market') maybe(0.1, products.lep);
  if (age < 26) maybe(0.4, products.livretJeune);
  if (age >= 18) maybe(0.15, products.pel);
  maybe(segment === 'private_banking' ? 0.9 : rich ? 0.6 : age >= 40 ? 0.3 : 0.1, products.assuranceVie);
  if (rich) maybe(segment === 'private_banking' ? 0.6 : 0.3, products.pea);
  if (age >= 35 && age < 65) maybe(0.12, products.per);
  if (segment === 'private_banking') maybe(0.5, products.compteTitres);
  if (age >= 28 && age < 62) maybe(rich ? 0.4 : 0.3, products.pretImmo);
  if (age >= 20) maybe(0.12, products.pretConso);
  if (age >= 20) maybe(0.08, products.pretAuto);
  if (age < 26) maybe(0.15, products.pretEtudiant);
  if (pro) maybe(0.4, products.pretPro);
  if (age >= 20) maybe(0.4, products.mrh);
  if (age >= 20) maybe(0.25, products.auto);
  if (age >= 25) maybe(0.15, products.prevoyance);
  maybe(0.1, products.sante);
  if (pro) maybe(0.5, products.rcPro);

  // Shuffle the optional products (Fisher–Yates), then keep as many as the customer's
  // equipment rate allows: the young hold few products, private banking clients many.
  for (let i = others.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [others[i], others[j]] = [others[j]!, others[i]!];
  }
  const chosen = [...first, ...others].slice(
    0,
    Math.max(first.length, random.weighted(holdingCounts[segment])),
  );
  return chosen.length > 0 ? chosen : [products.livretA];
};

/** How far a balance strays from the customer's usual band. */
const bandNoise = [
  [-1, 25],
  [0, 55],
  [1, 20],
] as const;

const balanceBand = (random: Random, product: Product, segment: Segment): Band => {
  const { band } = product;
  switch (band.rule) {
    case 'fixed':
      return band.band;
    case 'weights':
      return random.weighted(band.weights);
    case 'wealth': {
      const drawn = wealthOf[segment] + band.offset + random.weighted(bandNoise);
      return bands[Math.max(0, Math.min(drawn, bands.indexOf(band.max)))]!;
    }
  }
};

// ---------------------------------------------------------------------------------------------
// Consents

const consentChannels: readonly ConsentChannel[] = ['email', 'sms', 'phone', 'post', 'push'];
const consentPurposes: readonly ConsentPurpose[] = ['marketing', 'profiling'];
/** Share of customers who say yes, per channel, for marketing (profiling is asked less warmly). */
const grantRates: Record<ConsentChannel, number> = {
  post: 0.75,
  email: 0.55,
  phone: 0.4,
  push: 0.35,
  sms: 0.3,
};

// ---------------------------------------------------------------------------------------------
// Customers

type Taken = { ids: Set<string>; numbers: Set<string>; emails: Set<string>; mobiles: Set<string> };

/** Draws until the value is not taken yet, then takes it. */
const unique = (taken: Set<string>, draw: () => string): string => {
  let value = draw();
  while (taken.has(value)) value = draw();
  taken.add(value);
  return value;
};

const firstDay = dayOf('2015-01-01');
const birthFrom = dayOf('1940-01-01');
const birthTo = dayOf('2006-12-31');
const proBirthFrom = dayOf('1950-01-01');
const proBirthTo = dayOf('2000-12-31');

const familyNames = (Object.entries(lastNamesByOrigin) as [Origin, readonly string[]][]).flatMap(
  ([origin, names]) => names.map((lastName) => ({ lastName, origin })),
);
/** How often a family of foreign origin gives a first name of that origin, by generation. */
const originFirstNameRate = { senior: 0.85, middle: 0.65, young: 0.45 } as const;

// Weights of the random choices, allocated once.
const kindWeights = [
  ['individual', 85],
  ['professional', 10],
  ['prospect', 5],
] as const;
const prospectKycWeights = [
  ['pending', 80],
  ['to_review', 15],
  ['rejected', 5],
] as const;
const customerKycWeights = [
  ['verified', 92],
  ['to_review', 6],
  ['pending', 2],
] as const;
const laterConsentSources = [
  ['web', 45],
  ['app', 35],
  ['branch', 20],
] as const;
const companyPatterns = [
  ['trade', 60],
  ['activity', 25],
  ['sarl', 15],
] as const;

const customerAt = (
  seed: number,
  index: number,
  advisorsByBranch: ReadonlyMap<string, readonly StaffMember[]>,
  taken: Taken,
): DemoCustomer => {
  const random = seededRandom(mix(seed, streams.customers, index));
  const kind = random.weighted(kindWeights);
  const area = random.weighted(areaWeights);
  const advisor = random.pick(advisorsByBranch.get(area.branch.id) ?? []);

  // Professionals are between 26 and 76; everybody else is born 1940–2006.
  const birthDay =
    kind === 'professional' ? random.int(proBirthFrom, proBirthTo) : random.int(birthFrom, birthTo);
  const age = yearsBetween(birthDay, asOfDay);
  const gender: Gender = random.chance(0.5) ? 'female' : 'male';
  const { lastName, origin } = random.pick(familyNames);
  const generation = generationOf(civil(birthDay).year);
  const fromOrigin = originFirstNames[origin];
  const firstName =
    fromOrigin && random.chance(originFirstNameRate[generation])
      ? random.pick(fromOrigin[gender])
      : random.pick(firstNames[generation][gender]);

  const segment: Segment =
    kind === 'professional'
      ? 'professional'
      : age < 26
        ? 'young'
        : random.weighted([
            ['private_banking', kind === 'prospect' ? 1 : age >= 50 ? 4 : 1.5],
            ['affluent', 16],
            ['mass_market', 80],
          ] as const);

  // A customer joins the bank from 2015 on, and not before 16; a prospect came within the last
  // 1,000 days (older prospects without contact have gone with the 3-year retention).
  const joinFrom = Math.max(
    kind === 'prospect' ? asOfDay - 1000 : firstDay,
    birthDay + Math.ceil(16 * 365.25),
  );
  const createdDay = random.int(joinFrom, asOfDay - 1);
  const createdAt = officeTime(random, createdDay);

  const id = unique(taken.ids, () => `${customerIdPrefix}${base32(random, customerIdLength)}`);
  const customerNumber = unique(taken.numbers, () => `C${random.int(1, 9)}${digits(random, 9)}`);

  const contact: Customer['contact'] = {};
  const hasEmail = random.chance(age >= 75 ? 0.5 : kind === 'prospect' ? 0.95 : 0.88);
  if (hasEmail) {
    const local = `${slug(firstName)}.${slug(lastName)}`;
    const domain = random.pick(emailDomains);
    // Namesakes get a number, as mail providers do.
    contact.email = unique(taken.emails, () =>
      taken.emails.has(`${local}@${domain}`)
        ? `${local}${random.int(2, 99)}@${domain}`
        : `${local}@${domain}`,
    );
  }
  if (random.chance(age >= 80 ? 0.6 : 0.95)) {
    contact.mobilePhone = unique(
      taken.mobiles,
      () => `+33${random.pick(['6', '6', '7'])}${digits(random, 8)}`,
    );
  }
  if (random.chance(age >= 60 ? 0.55 : 0.15)) contact.homePhone = `${area.landline}${digits(random, 8)}`;

  const [postalCode, city] = random.pick(area.communes);
  const address: Customer['address'] =
    kind !== 'prospect' || random.chance(0.5)
      ? {
          line1: `${random.int(1, 180)}${random.chance(0.06) ? random.pick([' bis', ' ter']) : ''} ${random.pick(streetNames)}`,
          ...(random.chance(0.15) ? { line2: random.pick(addressComplements) } : {}),
          postalCode,
          city,
          country: 'FR',
        }
      : undefined;
  const title = random.chance(0.005) ? 'mx' : gender === 'female' ? 'ms' : 'mr';
  const pattern = random.weighted(companyPatterns);
  const companyName =
    kind !== 'professional'
      ? undefined
      : pattern === 'trade'
        ? `${random.pick(trades)} ${lastName}`
        : `${pattern === 'sarl' ? 'SARL ' : ''}${lastName} ${random.pick(activities)}`;
  // Prospects are known partially: a name and a way to reach them, not always a title or a birth date.
  const customer: Customer = {
    id,
    customerNumber,
    kind,
    ...(kind !== 'prospect' || random.chance(0.7) ? { title } : {}),
    firstName,
    lastName,
    ...(companyName ? { companyName } : {}),
    ...(kind !== 'prospect' || random.chance(0.6) ? { birthDate: isoDay(birthDay) } : {}),
    contact,
    ...(address ? { address } : {}),
    segment,
    branchId: area.branch.id,
    ...(advisor ? { advisorId: advisor.sub } : {}),
    kycStatus: random.weighted(kind === 'prospect' ? prospectKycWeights : customerKycWeights),
    createdAt,
    updatedAt: createdAt,
    createdBy: seedActor,
    updatedBy: seedActor,
    version: 1,
  };

  const holdings: Holding[] =
    kind === 'prospect'
      ? []
      : chooseProducts(random, age, segment).map((product) => {
          const opened = product.family === 'account' ? createdDay : random.int(createdDay, asOfDay - 1);
          const holding: Holding = {
            id: unique(taken.ids, () => `ho-${base32(random, 12)}`),
            family: product.family,
            product: product.code,
            label: product.label,
            openedOn: isoDay(opened),
            balanceBand: balanceBand(random, product, segment),
          };
          // Some consumer loans are already paid back.
          const term = random.int(2 * 365, 5 * 365);
          if ((product === products.pretConso || product === products.pretAuto) && opened + term < asOfDay) {
            holding.closedOn = isoDay(opened + term);
            holding.balanceBand = '<1k';
          }
          return holding;
        });

  // Most answers are given when the customer joins (in branch, or online for prospects);
  // some are changed later online or in the app.
  const joinedOnline = kind === 'prospect' ? random.chance(0.7) : random.chance(0.15);
  const answers: Consent[] = consentChannels.flatMap((channel) =>
    consentPurposes.map((purpose) => {
      const reachable =
        (channel !== 'email' || contact.email !== undefined) &&
        ((channel !== 'sms' && channel !== 'push') || contact.mobilePhone !== undefined);
      const rate = grantRates[channel] * (purpose === 'profiling' ? 0.7 : 1);
      const granted = reachable && random.chance(rate);
      const changedLater = createdDay + 1 < asOfDay && random.chance(0.25);
      if (!changedLater) {
        return { channel, purpose, granted, updatedAt: createdAt, source: joinedOnline ? 'web' : 'branch' };
      }
      const source = random.weighted(laterConsentSources);
      const day = random.int(createdDay + 1, asOfDay - 1);
      const updatedAt = source === 'branch' ? officeTime(random, day) : anyTime(random, day);
      return { channel, purpose, granted, updatedAt, source };
    }),
  );
  // Profiling is about the customer, not a channel: the bank asks it once, and the file keeps
  // that answer on every channel (the draw for post, which every customer can be reached by;
  // the other draws stay as they were, so the rest of the bank does not change).
  const profiling =
    answers.find((consent) => consent.purpose === 'profiling' && consent.channel === 'post')?.granted ??
    false;
  const consents = answers.map((consent) =>
    consent.purpose === 'profiling' ? { ...consent, granted: profiling } : consent,
  );

  return { customer, holdings, consents };
};

/**
 * Generates the demo bank: 5 branches, 30 staff (20 advisors, 5 branch managers, 2 service
 * agents, a marketer, an analyst, an admin) and `customers` customers with their holdings and
 * consents. Deterministic for a given seed; every object passes its zod schema.
 */
export const generateDemoBank = (options: DemoBankOptions = {}): DemoBank => {
  const { customers: count = 2000, seed = 2026 } = options;
  const branches = areas.map(({ branch }) => ({ ...branch }));
  const staff = buildStaff(seed);
  const advisorsByBranch = new Map(
    branches.map((branch) => [
      branch.id,
      staff.filter((member) => member.roles.includes('advisor') && member.branchId === branch.id),
    ]),
  );
  const taken: Taken = { ids: new Set(), numbers: new Set(), emails: new Set(), mobiles: new Set() };
  const customers = Array.from({ length: count }, (_, index) =>
    customerAt(seed, index, advisorsByBranch, taken),
  );
  return { branches, staff, customers };
};
