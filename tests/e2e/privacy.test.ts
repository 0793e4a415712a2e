/**
 * The privacy officer's screen in a real browser against the whole sandbox: Mathilde Perrin
 * (privacy officer) signs in and lands on the data protection requests, opens an access request
 * for a customer by their number, follows it until its export is ready, and downloads the
 * archive, which holds that customer's file; a wrong number is refused in words. An advisor
 * sees no link to the screen and gets the refusal at its address.
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
