/**
 * The privacy officer's screen in a real browser against the whole sandbox: Mathilde Perrin
 * (privacy officer) signs in and lands on the data protection requests, opens an access request
 * for a customer by their number, follows it until its export is ready, and downloads the
 * archive, which holds that customer's file; a wrong number is refused in words. She opens an
 * erasure for another customer, reads its plan (what the AML retention keeps), confirms it and
 * follows it until its report says what was removed; then erases a prospect, of whom nothing is
 * kept. An advisor sees no link to the screen and gets the refusal at its address.
 */
import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '#local/sandbox.ts';
import { generateDemoBank } from '#local/seed/demo-bank.ts';
import type { StaffMember } from '#local/seed/staff.ts';
import { uniquePrefix, useEmulator } from '../support/aws.ts';
import { fitsViewportWidth, launchBrowser, screenshot, signInOnIssuerPage } from './support/browser.ts';

const bankSize = 20;
const bank = generateDemoBank({ customers: bankSize });
const officer = bank.staff.find((member) => member.username === 'mathilde.perrin') as StaffMember;
const advisor = bank.staff.find((member) => member.roles.includes('advisor')) as StaffMember;
const { customer } = bank.customers[0]!;
/** A customer (not a prospect) other than the first: the AML retention keeps part of their data. */
const { customer: erased } = bank.customers.find(
  ({ customer: other }) => other.kind !== 'prospect' && other.id !== customer.id,
)!;

let sandbox: Sandbox;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  useEmulator();
  [sandbox, browser] = await Promise.all([
    startSandbox({ prefix: uniquePrefix('e2e'), customers: bankSize, quiet: true, ports: 'free' }),
    launchBrowser(),
  ]);
  context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'fr-FR',
    acceptDownloads: true,
  });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await sandbox?.stop();
});

/**
 * Opens an erasure request on the screen for the customer of `customerNumber`: signed in already
 * after an earlier test, or signing in when a test runs alone.
 */
const openErasure = async (customerNumber: string) => {
  await page.goto(`${sandbox.webUrl}/privacy`);
  const title = page.getByRole('heading', { name: 'Demandes RGPD', level: 1 });
  await Promise.race([title.waitFor(), page.waitForURL(/\/oauth2\/authorize\?/)]);
  if (/\/oauth2\/authorize\?/.test(page.url())) await signInOnIssuerPage(page, officer);
  await title.waitFor();
  await page.getByLabel('Type de demande').selectOption('erasure');
  await page.getByLabel('N° client').fill(customerNumber);
  await page.getByRole('button', { name: 'Ouvrir la demande' }).click();
};

describe("the privacy officer's screen", () => {
  it('opens an access request by customer number and downloads the export once it is ready', async () => {
    // Prepare
    await page.goto(sandbox.webUrl);
    await signInOnIssuerPage(page, officer);
    await page.getByRole('heading', { name: 'Demandes RGPD', level: 1 }).waitFor();

    // Act: a wrong number first, then the customer's.
    await page.getByLabel('N° client').fill('C0000000000');
    await page.getByRole('button', { name: 'Ouvrir la demande' }).click();
    await page.getByText('Aucun client ne porte ce numéro.').waitFor();
    await page.getByLabel('N° client').fill(customer.customerNumber);
    await page.getByRole('button', { name: 'Ouvrir la demande' }).click();
    await page.getByText(/Demande ouverte pour/).waitFor();
    const row = page.getByRole('row', { name: new RegExp(customer.lastName, 'i') });
    await row.getByText('Export prêt').waitFor({ timeout: 60_000 });
    await screenshot(page, 'privacy-01-export-ready');
    // The legal month, with the days left (the row leaves the open list once downloaded).
    const deadline = await row.getByText(/encore \d+ jours?/).count();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row.getByRole('button', { name: "Télécharger l'export" }).click(),
    ]);

    // Assess
    expect(download.suggestedFilename()).toMatch(/^relais-export-pr-[a-z0-9-]+\.zip$/);
    const files = unzipSync(new Uint8Array(await readFile((await download.path()) as string)));
    const exported = JSON.parse(strFromU8(files['export.json']!)) as { customerId: string };
    expect(exported.customerId).toBe(customer.id);
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining(['README.txt', 'customer.csv', 'consents.csv']),
    );
    expect(deadline).toBe(1);
    await page.setViewportSize({ width: 360, height: 800 });
    expect(await fitsViewportWidth(page)).toBe(true);
    await screenshot(page, 'privacy-02-phone');
  }, 120_000);

  it("shows an erasure's plan, confirms it and reports what was removed", async () => {
    // Prepare
    await page.setViewportSize({ width: 1280, height: 900 });

    // Act: an erasure request, whose plan shows at once.
    await openErasure(erased.customerNumber);
    const panel = page.getByRole('region', { name: /^Effacement des données de/ });
    await panel.waitFor();
    const heading = panel.getByRole('heading', { level: 2 });
    const focused = await heading.evaluate((element) => element === document.activeElement);
    const headingText = await heading.textContent();
    const scope = await panel.getByText(/Client soumis à la conservation anti-blanchiment/).count();
    const keptPlaces = panel.getByRole('region', { name: /Ce qui sera conservé/ });
    const kept = await keptPlaces.getByText('item main/customer', { exact: true }).count();
    // The registry's texts in French, the screen's language: what the place holds and why it is kept.
    const keptInFrench = await keptPlaces
      .getByRole('listitem')
      .filter({ hasText: 'le profil du client' })
      .filter({ hasText: /lutte contre le blanchiment \(CMF L561-12\)/ })
      .count();
    // The 15 functions' log groups, alike, as one entry that opens on their names.
    const expiring = panel.getByRole('region', { name: /Ce qui disparaîtra de lui-même/ });
    const logGroups = await expiring
      .getByRole('listitem')
      .filter({ hasText: 'Les journaux d’exécution de 15 fonctions' })
      .count();
    const logGroupsShut = await expiring.getByText('logGroup customersApi', { exact: true }).isVisible();
    await expiring.getByText('Les journaux d’exécution de 15 fonctions').click();
    const logGroupsOpen = await expiring.getByText('logGroup customersApi', { exact: true }).isVisible();
    const inEnglish = await panel.locator('[lang="en"]').count();
    const warning = await panel.getByText(/ne peut pas être annulé/).count();
    await screenshot(page, 'privacy-03-erasure-plan');
    await page.setViewportSize({ width: 360, height: 800 });
    const planFits = await fitsViewportWidth(page);
    await screenshot(page, 'privacy-04-erasure-plan-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
    await panel.getByRole('button', { name: "Confirmer l'effacement" }).click();
    await panel.getByText(/Effacement terminé le/).waitFor({ timeout: 150_000 });
    await screenshot(page, 'privacy-05-erasure-report');

    // Assess
    expect(focused).toBe(true);
    expect(headingText).toContain(erased.lastName.toLocaleUpperCase('fr-FR'));
    expect(scope).toBe(1);
    expect(kept).toBe(1);
    expect(keptInFrench).toBe(1);
    expect([logGroups, logGroupsShut, logGroupsOpen]).toEqual([1, false, true]);
    expect(inEnglish).toBe(0);
    expect(warning).toBe(1);
    expect(planFits).toBe(true);
    expect(await panel.getByText(/Effacement confirmé par Mathilde/).count()).toBe(1);
    const removed = panel.getByRole('region', { name: /^Supprimé/ }).getByRole('listitem');
    expect(await removed.count()).toBeGreaterThan(0);
    expect(await removed.filter({ hasText: /[1-9][\d\s\u202f]* éléments?/ }).count()).toBeGreaterThan(0);
    expect(
      await panel
        .getByRole('region', { name: /^Conservé/ })
        .getByText('item main/customer', { exact: true })
        .count(),
    ).toBe(1);
    // Dealt with, it leaves the open list and shows among all the requests, with its report.
    await page.getByLabel('Afficher aussi les demandes traitées').check();
    const row = page
      .getByRole('row', { name: new RegExp(erased.lastName, 'i') })
      .filter({ hasText: 'Effacement' });
    await row.getByText('Terminée').waitFor();
    expect(await row.getByRole('button', { name: 'Voir le rapport' }).count()).toBe(1);
  }, 240_000);

  it('erases a prospect entirely: nothing is kept of their file', async () => {
    // Prepare: a prospect an advisor opened yesterday, who now asks for their data to go.
    const created = await fetch(`${sandbox.apiUrl}/v1/customers`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await sandbox.idToken(advisor.username)}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        kind: 'prospect',
        firstName: 'Inès',
        lastName: 'Oubliée',
        segment: 'young',
        branchId: advisor.branchId,
        contact: { email: 'ines.oubliee@exemple.fr' },
      }),
    });
    const prospect = (await created.json()) as { customerNumber: string };

    // Act
    await openErasure(prospect.customerNumber);
    const panel = page.getByRole('region', { name: 'Effacement des données de OUBLIÉE Inès' });
    await panel.waitFor();
    const scope = await panel.getByText(/Prospect sans obligation de conservation/).count();
    const keptProfile = await panel
      .getByRole('region', { name: /Ce qui sera conservé/ })
      .getByText('item main/customer', { exact: true })
      .count();
    await panel.getByRole('button', { name: "Confirmer l'effacement" }).click();
    await panel.getByText(/Effacement terminé le/).waitFor({ timeout: 150_000 });
    await screenshot(page, 'privacy-06-prospect-erased');

    // Assess: the profile is among what was removed, not what was kept
    expect(created.status).toBe(201);
    expect(scope).toBe(1);
    expect(keptProfile).toBe(0);
    expect(
      await panel
        .getByRole('region', { name: /^Supprimé/ })
        .getByRole('listitem')
        .filter({ hasText: 'item main/customer' })
        .filter({ hasText: /1 élément/ })
        .count(),
    ).toBe(1);
  }, 240_000);

  it('is not offered to an advisor, who gets the refusal at its address', async () => {
    // Prepare
    const advisorContext = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'fr-FR',
    });
    const advisorPage = await advisorContext.newPage();
    await advisorPage.goto(`${sandbox.webUrl}/privacy`);
    await signInOnIssuerPage(advisorPage, advisor);

    // Act
    await advisorPage
      .getByRole('heading', { name: 'Écran réservé au délégué à la protection des données' })
      .waitFor();

    // Assess
    expect(
      await advisorPage
        .getByRole('navigation', { name: 'Navigation principale' })
        .getByRole('link', { name: 'Demandes RGPD' })
        .count(),
    ).toBe(0);
    await advisorContext.close();
  }, 60_000);
});
