/**
 * The analyst screen in a real browser against the whole sandbox, whose lake holds the fixture
 * files: Linh Tran (analyst) signs in, picks a saved query, sets the period, runs it, reads
 * the table and the chart (ECharts, its labels in the user's language), and downloads the CSV
 * (for French Excel in French, for English Excel in English); the channel is picked in words and a period ending before it starts is
 * refused before anything is sent; the funnel reads in English too. An advisor sees no link to
 * the screen and gets the refusal at its address.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lakeMirrorRoot } from '#functions/analytics/engines/lake-mirror.ts';
import { type Sandbox, startSandbox } from '#local/sandbox.ts';
import { generateDemoBank } from '#local/seed/demo-bank.ts';
import type { StaffMember } from '#local/seed/staff.ts';
import { uniquePrefix, useEmulator } from '../support/aws.ts';
import { fixtureLakeObjects, fixturePeriod } from '../unit/analytics/fixture-lake.ts';
import { fitsViewportWidth, launchBrowser, screenshot, signInOnIssuerPage } from './support/browser.ts';

const bankSize = 40;
const bank = generateDemoBank({ customers: bankSize });
const analyst = bank.staff.find((member) => member.username === 'linh.tran') as StaffMember;
const advisor = bank.staff.find((member) => member.roles.includes('advisor')) as StaffMember;

let sandbox: Sandbox;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** The runs the analyst's tab asked for. */
let runsPosted = 0;

/** Clicks the download button and answers the file's name and text. */
const downloadCsv = async (target: Page, button: string) => {
  const [download] = await Promise.all([
    target.waitForEvent('download'),
    target.getByRole('button', { name: button }).click(),
  ]);
  return {
    name: download.suggestedFilename(),
    text: await readFile((await download.path()) as string, 'utf8'),
  };
};

beforeAll(async () => {
  useEmulator();
  [sandbox, browser] = await Promise.all([
    startSandbox({ prefix: uniquePrefix('e2e'), customers: bankSize, quiet: true, ports: 'free' }),
    launchBrowser(),
  ]);
  const s3 = new S3Client({ forcePathStyle: true });
  for (const { key, body } of fixtureLakeObjects()) {
    await s3.send(new PutObjectCommand({ Bucket: sandbox.resources.lakeBucket, Key: key, Body: body }));
  }
  context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'fr-FR',
    acceptDownloads: true,
  });
  page = await context.newPage();
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/runs')) runsPosted += 1;
  });
});

afterAll(async () => {
  await browser?.close();
  if (sandbox)
    await rm(join(lakeMirrorRoot(), sandbox.resources.lakeBucket), { recursive: true, force: true });
  await sandbox?.stop();
});

/** Sets the period of the shown query and runs it; waits for its table. */
const runForFixturePeriod = async (
  target: Page,
  labels = { from: 'Du', to: 'Au', run: 'Lancer la requête' },
) => {
  await target.getByLabel(labels.from, { exact: true }).fill(fixturePeriod.from);
  await target.getByLabel(labels.to, { exact: true }).fill(fixturePeriod.to);
  await target.getByRole('button', { name: labels.run }).click();
  await target.locator('table.result-table tbody tr').first().waitFor();
};

describe('the analyst screen', () => {
  it('lets an analyst pick a saved query, run it on a period and read the table and the chart', async () => {
    // Prepare
    await page.goto(`${sandbox.webUrl}/analytics`);
    await signInOnIssuerPage(page, analyst);
    await page.getByRole('heading', { name: 'Analyses', level: 1 }).waitFor();
    await screenshot(page, 'analyst-01-queries');

    // Act
    await page.getByRole('link', { name: /Clients actifs par jour/ }).click();
    await page.getByRole('heading', { name: 'Clients actifs par jour' }).waitFor();
    await runForFixturePeriod(page);
    await screenshot(page, 'analyst-02-daily-active-customers');

    // Assess
    expect(
      await page
        .getByRole('navigation', { name: 'Navigation principale' })
        .getByRole('link', { name: 'Analyses' })
        .count(),
    ).toBe(1);
    const rows = page.locator('table.result-table tbody tr');
    expect(await rows.count()).toBe(3);
    expect(await rows.nth(1).locator('td').allTextContents()).toEqual(['05/03/2024', '4', '4', '9']);
    expect(await page.getByRole('columnheader').allTextContents()).toEqual([
      'Jour',
      'Clients actifs',
      'Visiteurs',
      'Événements',
    ]);
    // The chart (ECharts, drawn in SVG): one image for screen readers, its days as the table writes them.
    const chart = page.getByRole('img', { name: 'Clients actifs par jour' });
    await chart.locator('svg text').first().waitFor();
    expect(await chart.getAttribute('aria-describedby')).toBeTruthy();
    expect(await chart.locator('svg text').allTextContents()).toEqual(
      expect.arrayContaining(['04/03/2024', '05/03/2024', '06/03/2024']),
    );
    expect(await page.getByText('3 lignes').count()).toBe(1);
  });

  it('downloads the result as a CSV file with the raw column names, for French Excel', async () => {
    // Act
    const { name, text } = await downloadCsv(page, 'Télécharger en CSV');

    // Assess
    expect(name).toBe('daily-active-customers-2024-03-04_2024-03-06.csv');
    expect(text).toBe(
      '\uFEFFday;active_customers;visitors;events\r\n2024-03-04;2;4;16\r\n2024-03-05;4;4;9\r\n2024-03-06;2;3;8\r\n',
    );
  });

  it('offers the channels in words, and refuses a period that ends before it starts without running it', async () => {
    // Prepare
    const channel = page.getByLabel('Canal', { exact: true });
    const options = await channel.locator('option').allTextContents();
    const runsBefore = runsPosted;

    // Act: the period the wrong way round.
    await page.getByLabel('Du', { exact: true }).fill(fixturePeriod.to);
    await page.getByLabel('Au', { exact: true }).fill(fixturePeriod.from);
    await page.getByRole('button', { name: 'Lancer la requête' }).click();
    const message = page.getByText('La date de début doit être antérieure ou égale à la date de fin.');
    await message.waitFor();
    await screenshot(page, 'analyst-08-period-refused');
    const describedBy = await page.getByLabel('Du', { exact: true }).getAttribute('aria-describedby');
    const messageId = await message.getAttribute('id');
    const focusedId = await page.evaluate(() => document.activeElement?.id);
    const runsAfterRefusal = runsPosted;

    // Act: the period right, the website only.
    await channel.selectOption({ label: 'Site web' });
    await runForFixturePeriod(page);

    // Assess
    expect(options).toEqual([
      'Tous les canaux',
      'Site web',
      'Application iOS',
      'Application Android',
      'Tablette en agence',
      'Centre de contact',
    ]);
    expect(describedBy).toContain(messageId);
    expect(focusedId).toBe('param-from');
    expect(runsAfterRefusal).toBe(runsBefore);
    // The same query ran before with all channels: wait for the website's figures.
    const rows = page.locator('table.result-table tbody tr');
    await expect
      .poll(() => rows.nth(0).locator('td').allTextContents())
      .toEqual(['04/03/2024', '1', '3', '11']);
    expect(await rows.count()).toBe(3);
  });

  it('draws the visit paths as bars, one per path', async () => {
    // Act
    await page.getByRole('link', { name: /Sessions et parcours de visite/ }).click();
    await page.getByRole('heading', { name: 'Sessions et parcours de visite' }).waitFor();
    await runForFixturePeriod(page);
    await screenshot(page, 'analyst-03-visit-paths');
    const { text } = await downloadCsv(page, 'Télécharger en CSV');

    // Assess
    const chart = page.getByRole('img', { name: 'Sessions par parcours' });
    await chart.locator('svg text').first().waitFor();
    const labels = await chart.locator('svg text').allTextContents();
    expect(labels).toEqual(
      expect.arrayContaining([
        '/ > /credit-immobilier',
        '/',
        '/ > /credit-immobilier > /epargne',
        'accueil > comptes',
      ]),
    );
    // The longest path is cut to the room it has; the table and the tooltip have it whole.
    expect(
      labels.filter((label) => label.startsWith('/ > /epargne > /livret-a') && label.endsWith('…')),
    ).toHaveLength(1);
    expect(await page.locator('table.result-table tbody tr').first().textContent()).toContain(
      '/ > /credit-immobilier',
    );
    // Decimal commas, as French Excel reads numbers.
    expect(text).toBe(
      '\uFEFFrank;path;sessions;share_pct;avg_pages;avg_duration_s\r\n' +
        '1;/ > /credit-immobilier;3;42,9;2;83\r\n' +
        '2;/;1;14,3;1;0\r\n' +
        '3;/ > /credit-immobilier > /epargne;1;14,3;3;360\r\n' +
        '4;/ > /epargne > /livret-a > /assurance-vie > …;1;14,3;5;240\r\n' +
        '5;accueil > comptes;1;14,3;2;300\r\n',
    );
  });

  it('shows the funnel in English, stages in words', async () => {
    // Prepare
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('link', { name: /Funnel: product viewed, simulation, subscription/ }).click();

    // Act
    await runForFixturePeriod(page, { from: 'From', to: 'To', run: 'Run query' });
    await screenshot(page, 'analyst-04-funnel-english');
    const { text } = await downloadCsv(page, 'Download as CSV');

    // Assess
    const stages = await page.locator('table.result-table tbody tr td:nth-child(2)').allTextContents();
    expect(stages).toEqual(['Product viewed', 'Simulation completed', 'Subscription']);
    expect(await page.getByRole('columnheader', { name: '% of product viewers' }).count()).toBe(1);
    // Commas and decimal points, as English Excel reads them.
    expect(text).toBe(
      '\uFEFFstep,stage,people,pct_of_viewers,pct_of_previous\r\n' +
        '1,product_view,4,100,\r\n' +
        '2,simulation_completed,3,75,75\r\n' +
        '3,subscription,1,25,33.3\r\n',
    );
    await page.getByRole('button', { name: 'Français' }).click();
  });

  it('fits a 360 px wide phone screen', async () => {
    // Prepare
    const phone = await browser.newContext({
      viewport: { width: 360, height: 780 },
      isMobile: true,
      hasTouch: true,
    });
    const small = await phone.newPage();
    await small.goto(`${sandbox.webUrl}/analytics?query=channel-mix`);
    await signInOnIssuerPage(small, analyst);

    // Act
    await small.getByRole('heading', { name: 'Mix de canaux par client' }).waitFor();
    await runForFixturePeriod(small);
    await screenshot(small, 'analyst-05-phone');

    // Assess
    expect(await fitsViewportWidth(small)).toBe(true);
    await phone.close();
  });

  it('shows an advisor no link to the screen and the refusal at its address', async () => {
    // Prepare
    const other = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const advisorPage = await other.newPage();
    await advisorPage.goto(`${sandbox.webUrl}/analytics`);

    // Act
    await signInOnIssuerPage(advisorPage, advisor);
    await advisorPage.getByRole('heading', { name: 'Accès réservé aux analystes' }).waitFor();
    await screenshot(advisorPage, 'analyst-06-advisor-refused');

    // Assess
    expect(await advisorPage.getByRole('link', { name: 'Analyses' }).count()).toBe(0);
    expect(await advisorPage.locator('table').count()).toBe(0);
    await other.close();
  });

  it('lands an analyst on the analyses and a marketer on a home made for the role, never on a refusal', async () => {
    // Prepare
    const marketer = bank.staff.find((member) => member.roles.includes('marketer')) as StaffMember;
    const visits = await Promise.all(
      [analyst, marketer].map(async () => browser.newContext({ locale: 'fr-FR' })),
    );
    const [analystPage, marketerPage] = await Promise.all(visits.map((visit) => visit.newPage()));

    // Act: both open the address of the product, as a bookmark would.
    await analystPage!.goto(sandbox.webUrl);
    await signInOnIssuerPage(analystPage!, analyst);
    await marketerPage!.goto(sandbox.webUrl);
    await signInOnIssuerPage(marketerPage!, marketer);
    await analystPage!.getByRole('heading', { name: 'Analyses', level: 1 }).waitFor();
    await marketerPage!.getByRole('heading', { name: 'Bienvenue dans Relais', level: 1 }).waitFor();
    await screenshot(marketerPage!, 'analyst-07-marketer-home');

    // Assess: no customer search, no link to it, no refusal.
    expect(await marketerPage!.getByRole('searchbox').count()).toBe(0);
    expect(await marketerPage!.getByRole('link', { name: 'Clients', exact: true }).count()).toBe(0);
    expect(await marketerPage!.getByText(/Forbidden|interdit|non autorisée/i).count()).toBe(0);
    expect(await analystPage!.getByRole('link', { name: 'Clients', exact: true }).count()).toBe(0);
    await Promise.all(visits.map((visit) => visit.close()));
  });
});
