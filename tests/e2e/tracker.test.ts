/**
 * The browser tracker on the demo bank website, in headless Chromium against the whole sandbox:
 * a visitor who refuses consent sends and keeps nothing; a visitor who accepts views pages
 * (a single-page tab change included), clicks tracked links, runs the loan simulator and logs in
 * as a customer of the demo bank; every event the browser sent reaches the lake (curated Parquet,
 * customer pseudonymised) and, after the login, the customer's 360° timeline shows the visit.
 */
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { parquetReadObjects } from 'hyparquet';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envName } from '#infra/declaration/functions.ts';
import { type Sandbox, startSandbox } from '#local/sandbox.ts';
import { generateDemoBank } from '#local/seed/demo-bank.ts';
import type { StaffMember } from '#local/seed/staff.ts';
import { lakePrefixes } from '#schemas/analytics/lake.ts';
import type { IngestResponse } from '#schemas/channels/channel-event.ts';
import type { Customer360 } from '#schemas/customers/customer-360.ts';
import { uniquePrefix, useEmulator } from '../support/aws.ts';
import { launchBrowser, screenshot, signInOnIssuerPage } from './support/browser.ts';

const bankSize = 120;
const bank = generateDemoBank({ customers: bankSize });
const advisor = bank.staff.find((member) => member.roles.includes('advisor')) as StaffMember;
// A customer of the advisor's branch who said yes to profiling: their events carry a pseudonym
// in the lake (an objection would keep it out).
const customer = bank.customers
  .filter(({ consents }) => consents.some((c) => c.purpose === 'profiling' && c.granted))
  .map((entry) => entry.customer)
  .find((candidate) => candidate.branchId === advisor.branchId && candidate.kind === 'individual');
const secretCode = '864209';

type SentEvent = {
  messageId: string;
  type: string;
  customerId?: string;
  properties: Record<string, unknown>;
};
type Answer = { status: number; body?: IngestResponse };

let sandbox: Sandbox;
let browser: Browser;
let demoUrl: string;

/** Records every batch the pages of a browser context post, and the API's answers. */
const recordBatches = (context: BrowserContext) => {
  const sent: SentEvent[] = [];
  const answers: Answer[] = [];
  context.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/v1/events')) {
      sent.push(...(JSON.parse(request.postData() ?? '{}') as { batch: SentEvent[] }).batch);
    }
  });
  context.on('response', async (response) => {
    if (response.request().method() !== 'POST' || !response.url().endsWith('/v1/events')) return;
    answers.push({ status: response.status(), body: await response.json().catch(() => undefined) });
  });
  return { sent, answers, rawRequests: () => JSON.stringify(sent) };
};

type LakeRow = {
  event_id: string;
  event_type: string;
  anonymous_id: string | null;
  customer_pid: string | null;
  page_path: string | null;
  properties: string | null;
};

/** The rows of the curated lake files (a file compacted meanwhile is skipped: its rows moved). */
const curatedRows = async (): Promise<LakeRow[]> => {
  const s3 = new S3Client({});
  const bucket = process.env[envName.bucket('lake')];
  const rows: LakeRow[] = [];
  let token: string | undefined;
  do {
    const page = await s3.send(
      new ListObjectsV2Command({
        Bucket: bucket,
        Prefix: `${lakePrefixes.curated}/`,
        ContinuationToken: token,
      }),
    );
    for (const object of page.Contents ?? []) {
      if (!object.Key?.endsWith('.parquet')) continue;
      const body = await s3
        .send(new GetObjectCommand({ Bucket: bucket, Key: object.Key }))
        .then((file) => file.Body?.transformToByteArray())
        .catch(() => undefined);
      if (!body) continue;
      const file = body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer;
      rows.push(
        ...((await parquetReadObjects({
          file,
          columns: ['event_id', 'event_type', 'anonymous_id', 'customer_pid', 'page_path', 'properties'],
        })) as LakeRow[]),
      );
    }
    token = page.NextContinuationToken;
  } while (token);
  return rows;
};

/** What a visitor did, as the lake tells it: distinct pages, clicks, forms, simulations, logins. */
const summaryOf = (rows: LakeRow[]) => {
  const distinct = <T>(type: string, pick: (row: LakeRow, properties: Record<string, unknown>) => T) =>
    [
      ...new Set(
        rows
          .filter((row) => row.event_type === type)
          .map((row) => pick(row, JSON.parse(row.properties ?? '{}') as Record<string, unknown>)),
      ),
    ].sort();
  return {
    pages: distinct('page_view', (row) => row.page_path),
    clicks: distinct('click', (_, properties) => properties.element),
    forms: distinct('form_submit', (_, properties) => properties.form),
    simulations: distinct('simulation_completed', (_, properties) => properties.amount),
    logins: rows.filter((row) => row.event_type === 'identify').length,
    subscriptions: distinct('transaction', (_, properties) => `${properties.kind} ${properties.product}`),
  };
};

/** Lets the tracker send what it holds, until nothing is left (a retry may be needed). */
const flushTracker = (page: Page) =>
  page.evaluate(async () => {
    const tracker = (window as unknown as { RelaisTracker: { flush: () => Promise<void> } }).RelaisTracker;
    for (let attempt = 0; attempt < 30; attempt++) {
      await tracker.flush();
      if ((JSON.parse(localStorage.getItem('relais_queue') ?? '[]') as unknown[]).length === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  });

beforeAll(async () => {
  useEmulator();
  if (!customer) throw new Error('the demo bank has no individual customer in the advisor’s branch');
  [sandbox, browser] = await Promise.all([
    startSandbox({ prefix: uniquePrefix('e2e'), customers: bankSize, quiet: true, ports: 'free' }),
    launchBrowser(),
  ]);
  demoUrl = sandbox.demoSiteUrl;
});

afterAll(async () => {
  await browser?.close();
  await sandbox?.stop();
});

describe('the tracker on the demo bank website', () => {
  it('sends nothing and keeps nothing for a visitor who refuses consent', async () => {
    // Prepare
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'fr-FR' });
    const { sent } = recordBatches(context);
    const page = await context.newPage();
    await page.goto(demoUrl);
    await page.getByRole('button', { name: 'Tout refuser' }).waitFor();
    await screenshot(page, 'tracker-01-consent-banner-mobile');

    // Act
    await page.getByRole('link', { name: 'Simuler mon prêt immobilier' }).click();
    await page.waitForURL(/\/credit-immobilier$/);
    const beforeChoice = await page.evaluate(() => Object.keys(localStorage));
    await page.getByRole('button', { name: 'Tout refuser' }).click();
    await page.getByRole('button', { name: 'Calculer mes mensualités' }).click();
    await page.getByText(/Mensualité/).waitFor();
    await page.getByRole('link', { name: 'Épargne' }).first().click();
    await page.waitForURL(/\/epargne$/);
    await flushTracker(page);

    // Assess
    expect(beforeChoice).toEqual([]);
    // The refusal and when it was made (it lapses after 13 months), nothing else.
    const kept = await page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
    expect(Object.keys(kept).sort()).toEqual(['relais_consent', 'relais_consentAt']);
    expect(kept.relais_consent).toBe('denied');
    expect(await page.getByRole('button', { name: 'Tout refuser' }).isVisible()).toBe(false);
    expect(sent).toEqual([]);
    await context.close();
  });

  it("delivers a consenting visitor's pages, clicks, simulation and login to the lake and the customer's timeline", async () => {
    // Prepare
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
    const { sent, answers, rawRequests } = recordBatches(context);
    const page = await context.newPage();
    await page.goto(demoUrl);
    await page.getByRole('button', { name: 'Tout accepter' }).click();

    // Act: browse, simulate, switch a tab, log in, simulate again as the customer.
    await page.getByRole('link', { name: 'Simuler mon prêt immobilier' }).click();
    await page.waitForURL(/\/credit-immobilier$/);
    // The project less the default down payment of 30,000 € is borrowed.
    await page.getByLabel('Montant du projet (€)').fill('310000');
    await page.getByLabel('Durée').selectOption('25');
    await page.getByRole('button', { name: 'Calculer mes mensualités' }).click();
    await page.getByText(/Mensualité/).waitFor();
    await screenshot(page, 'tracker-02-simulator');
    await page.getByRole('link', { name: 'Épargne' }).first().click();
    await page.waitForURL(/\/epargne$/);
    await page.getByRole('tab', { name: 'Assurance vie' }).click();
    await page.waitForURL(/\/epargne\/assurance-vie$/);
    await page.getByRole('link', { name: 'Espace client' }).first().click();
    await page.waitForURL(/\/espace-client$/);
    await page.getByLabel('Numéro client').fill(customer!.customerNumber);
    await page.getByLabel('Code secret').fill(secretCode);
    await page.getByRole('button', { name: 'Me connecter' }).click();
    await page.getByRole('heading', { name: `Bonjour ${customer!.firstName}` }).waitFor();
    await screenshot(page, 'tracker-03-logged-in');
    await page.getByRole('link', { name: 'Simuler un prêt' }).click();
    await page.waitForURL(/\/credit-immobilier$/);
    await page.getByLabel('Montant du projet (€)').fill('180000');
    await page.getByRole('button', { name: 'Calculer mes mensualités' }).click();
    await page.getByText(/Montant emprunté : 150\s000,00\s€/).waitFor();
    await page.getByRole('button', { name: 'Faire ma demande de prêt' }).click();
    await page
      .getByRole('status')
      .getByText(/Votre demande est enregistrée/)
      .waitFor();
    await flushTracker(page);

    const visitor = await page.evaluate(() =>
      (window as unknown as { RelaisTracker: { visitorId: () => string } }).RelaisTracker.visitorId(),
    );

    // Assess: what the browser sent. (Playwright sees the requests of live pages; those handed to
    // the browser at page hide leave after their page is gone, so only the lake sees them all.)
    // The login may leave at page hide, unseen here: when seen, it names the visitor and the
    // customer; the lake below must hold it in any case.
    for (const login of sent.filter((event) => event.type === 'identify')) {
      expect(login).toMatchObject({
        anonymousId: visitor,
        customerId: customer!.id,
        identityToken: expect.any(String),
        properties: { method: 'password' },
      });
    }
    expect(rawRequests()).not.toContain(secretCode);
    expect(rawRequests()).not.toContain(customer!.customerNumber);
    // A resent event racing its first copy may be answered "retry later": never refused for good.
    expect(
      answers.map((answer) => answer.status).filter((status) => status !== 200 && status !== 207),
    ).toEqual([]);
    expect(
      answers.flatMap((answer) => answer.body?.rejected ?? []).filter((refusal) => !refusal.retryable),
    ).toEqual([]);

    // Assess: the whole visit in the lake (the archiver batches for up to 20 s).
    let rows: LakeRow[] = [];
    await expect
      .poll(
        async () => {
          rows = (await curatedRows()).filter((row) => row.anonymous_id === visitor);
          return summaryOf(rows);
        },
        { timeout: 120_000, interval: 3_000 },
      )
      .toEqual({
        pages: ['/', '/credit-immobilier', '/epargne', '/epargne/assurance-vie', '/espace-client'],
        clicks: [
          'accueil-simuler-pret',
          'credit-demande',
          'espace-simuler-pret',
          'menu-epargne',
          'menu-espace-client',
          'onglet-epargne',
        ],
        forms: ['connexion', 'simulateur-pret-immo'],
        simulations: [150000, 280000],
        logins: 1,
        subscriptions: ['subscription pret-immo'],
      });
    const inLake = new Set(rows.map((row) => row.event_id));
    expect(sent.filter((event) => !inLake.has(event.messageId))).toEqual([]);
    // The customer is in the lake only as a pseudonym, from the login on.
    const login = rows.find((row) => row.event_type === 'identify');
    expect(login?.customer_pid).toMatch(/^[0-9a-f]{32}$/);
    expect(rows.some((row) => row.customer_pid === customer!.id)).toBe(false);
    expect(JSON.stringify(rows)).not.toContain(secretCode);

    // Assess: the advisor of the customer's branch sees the visit in the 360° file.
    const token = await sandbox.idToken(advisor.username);
    let file: Customer360 | undefined;
    await expect
      .poll(
        async () => {
          const response = await fetch(`${sandbox.apiUrl}/v1/customers/${customer!.id}/360`, {
            headers: { authorization: `Bearer ${token}` },
          });
          file = (await response.json()) as Customer360;
          return file.timeline?.map((entry) => entry.type) ?? [];
        },
        { timeout: 60_000, interval: 2_000 },
      )
      .toEqual(expect.arrayContaining(['Login', 'Visit', 'SimulationCompleted']));
    const visit = file?.timeline.find((entry) => entry.type === 'Visit');
    expect(visit?.source).toBe('relais.channels');
    expect(visit?.detail.paths).toEqual(expect.arrayContaining(['/credit-immobilier']));
    expect(file?.timeline.find((entry) => entry.type === 'SimulationCompleted')?.detail).toMatchObject({
      product: 'pret-immo',
      amount: 150000,
    });
    await context.close();
  });

  it('shows the visit in the customer file of the web front end', async () => {
    // Prepare
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
    const page = await context.newPage();

    // Act
    await page.goto(`${sandbox.webUrl}/customers/${customer!.id}`);
    await signInOnIssuerPage(page, advisor);
    await page.getByRole('heading', { name: 'Historique' }).waitFor();
    await page.locator('.timeline-item').first().waitFor();
    await screenshot(page, 'tracker-04-customer-timeline');

    // Assess
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(customer!.firstName);
    expect(await page.locator('.timeline-item').count()).toBeGreaterThanOrEqual(3);
    await context.close();
  });
});
