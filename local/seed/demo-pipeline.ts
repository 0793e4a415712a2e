/**
 * The demo bank's sales pipeline, for `npm start` (tests open their own deals): over the year
 * around `asOf`, about one customer in four with an advisor has a deal or two on a product of the
 * catalogue they may hold — closed ones (won or lost, with a reason) in the past year, open ones at
 * every stage of their family's pipeline, expected to close in the coming months. Each deal's
 * history walks its pipeline's allowed moves. Deterministic for a seed, like the demo bank.
 */
import { displayName, eventItem } from '#functions/customers/access.ts';
import { catalogue } from '#functions/sales/access.ts';
import { opportunityItem } from '#functions/sales/store/opportunities-store.ts';
import { OpportunityCreated } from '#schemas/events/opportunity-created.ts';
import type { Opportunity } from '#schemas/sales/opportunity.ts';
import {
  type LostReason,
  lostReasons,
  pipelines,
  probabilityPercent,
  type Stage,
} from '#schemas/sales/pipeline.ts';
import type { Product } from '#schemas/sales/product.ts';
import { domainEvent } from '#shared/outbox.ts';
import { progressBar } from '../progress.ts';
import { type DemoBank, type Random, seededRandom } from './demo-bank.ts';

const day = 86_400_000;
const iso = (time: number) => new Date(time).toISOString();

/** What a deal of this family is worth, in euros: a range to draw from. */
const amounts: Record<Product['family'], readonly [number, number]> = {
  loan: [3_000, 250_000],
  savings: [1_000, 40_000],
  insurance: [200, 3_000],
  account: [100, 2_000],
  card: [100, 500],
};

/** Where a customer's deal stands: open at a stage (its index in the pipeline), won or lost. */
const outcome = (random: Random, stages: number): { open: number } | 'won' | 'lost' =>
  random.weighted<{ open: number } | 'won' | 'lost'>([
    ['won', 3],
    ['lost', 2],
    ...Array.from({ length: stages }, (_, index) => [{ open: index }, 2] as const),
  ]);

/** One deal of `customer`, owned by their advisor, opened `openedDaysAgo` before `asOf`. */
const demoDeal = (
  random: Random,
  customer: DemoBank['customers'][number]['customer'],
  product: Product,
  asOf: number,
  index: number,
): Opportunity => {
  const pipeline = pipelines[product.family].map((line) => line.stage);
  const result = outcome(random, pipeline.length);
  const opened = asOf - random.int(20, 330) * day;
  const reached = typeof result === 'object' ? result.open : pipeline.length - 1;
  // The stages walked, one forward at a time, then the close if any.
  const walk: Stage[] = [
    ...pipeline.slice(0, result === 'lost' ? random.int(1, pipeline.length) : reached + 1),
    ...(typeof result === 'object' ? [] : [result]),
  ];
  const span = Math.max(1, Math.min(asOf - day, opened + random.int(15, 120) * day) - opened);
  const at = (step: number) => iso(opened + Math.round((span * step) / Math.max(1, walk.length - 1)));
  const owner = customer.advisorId ?? '';
  const stage = walk.at(-1) ?? 'qualification';
  const closed = stage === 'won' || stage === 'lost';
  const lostReason: LostReason | undefined = stage === 'lost' ? random.pick(lostReasons) : undefined;
  const [low, high] = amounts[product.family];
  const amountCents = Math.round(random.int(low, high) / 10) * 1000;
  const lastMove = at(walk.length - 1);
  return {
    id: `op-demo-${customer.id.slice(3)}-${index}`,
    customerId: customer.id,
    customerName: displayName(customer),
    branchId: customer.branchId,
    ownerId: owner,
    productCode: product.code,
    family: product.family,
    title: product.name.fr,
    amountCents,
    expectedCloseOn: (closed ? lastMove : iso(asOf + random.int(5, 150) * day)).slice(0, 10),
    source: random.weighted([
      ['branch', 5],
      ['phone', 2],
      ['web', 2],
    ] as const),
    stage,
    stageEnteredAt: lastMove,
    probabilityPercent: probabilityPercent(product.family, stage),
    ...(lostReason ? { lostReason } : {}),
    ...(closed ? { closedOn: lastMove.slice(0, 10) } : {}),
    history: walk.map((to, step) => ({
      ...(step > 0 ? { from: walk[step - 1] } : {}),
      to,
      by: owner,
      at: at(step),
      ...(to === 'lost' && lostReason ? { lostReason } : {}),
    })),
    createdAt: at(0),
    updatedAt: lastMove,
    createdBy: owner,
    updatedBy: owner,
    version: walk.length,
  };
};

/** The demo pipeline of `bank` around `asOf`. */
export const generateDemoPipeline = (bank: DemoBank, asOf: Date, seed = 2027): Opportunity[] => {
  const random = seededRandom(seed);
  const offered = catalogue.filter((product) => product.family !== 'account');
  return bank.customers.flatMap(({ customer }) => {
    if (!customer.advisorId || !random.chance(0.25)) return [];
    const eligible = offered.filter((product) => product.eligibility.customerKinds.includes(customer.kind));
    return Array.from({ length: random.chance(0.3) ? 2 : 1 }, (_, index) =>
      demoDeal(random, customer, random.pick(eligible), asOf.getTime(), index),
    );
  });
};

/**
 * Writes the demo pipeline of `bank` around `asOf`, each deal with its OpportunityCreated (its
 * history, as the timeline shows it), with a progress bar unless `quiet`; answers how many.
 */
export const writeDemoPipeline = async (bank: DemoBank, asOf: Date, quiet = false): Promise<number> => {
  const { seedCaller, writeBatch } = await import('./write-demo-bank.ts');
  const deals = generateDemoPipeline(bank, asOf);
  const bar = quiet ? undefined : progressBar({ label: 'Demo pipeline', total: deals.length });
  for (let i = 0; i < deals.length; i += 12) {
    const slice = deals.slice(i, i + 12);
    await writeBatch(
      slice.flatMap((deal) => [
        opportunityItem(deal),
        eventItem(
          deal.customerId,
          domainEvent(
            OpportunityCreated,
            {
              opportunityId: deal.id,
              customerId: deal.customerId,
              branchId: deal.branchId,
              ownerId: deal.ownerId,
              productCode: deal.productCode,
              family: deal.family,
              amountCents: deal.amountCents,
              expectedCloseOn: deal.expectedCloseOn,
              source: deal.source,
              stage: deal.history[0]?.to ?? deal.stage,
            },
            seedCaller,
            deal.createdAt,
          ),
        ),
      ]),
    );
    bar?.tick(slice.length);
  }
  bar?.done();
  return deals.length;
};
