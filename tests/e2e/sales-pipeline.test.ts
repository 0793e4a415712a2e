/**
 * The pipeline of deals in a real browser against the whole sandbox. Camille Martin (advisor)
 * opens four car-loan deals for customers of her branch through the API (the demo bank has none),
 * then opens her pipeline from the navigation: the deals are in Qualification with their amount,
 * closing day and probability, counted and totalled. She drags one onto « Analyse des besoins »
 * (the API says its stage changed, the move is announced); moves one to « Perdue » with its
 * button, the dialog asking why (a note is required for « Autre »); drags one two stages on,
 * which is refused in words without calling the API. Someone moves a deal through the API behind
 * the page's back: her move from the version she read gets the conflict message, with the deal's
 * new stage, and the board is read again. The board fits a 360 px phone, its columns scrolling
 * inside it. A contact-centre agent sees no link to it and gets the refusal at its address.
 *
 * On a customer's file, on a phone, she opens a car loan with the form of « Affaires en cours »
 * (every field checked at once first, nothing sent): it is listed there at once, and on her board
 * in Qualification. A contact-centre agent sees the same file without the card.
 */
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '#local/sandbox.ts';
import { generateDemoBank } from '#local/seed/demo-bank.ts';
import type { StaffMember } from '#local/seed/staff.ts';
import type { Customer360 } from '#schemas/customers/customer-360.ts';
import type { Opportunity } from '#schemas/sales/opportunity.ts';
import { uniquePrefix, useEmulator } from '../support/aws.ts';
import { fitsViewportWidth, launchBrowser, screenshot, signInOnIssuerPage } from './support/browser.ts';

const bankSize = 30;
const bank = generateDemoBank({ customers: bankSize });
const advisor = bank.staff.find((member) => member.username === 'camille.martin') as StaffMember;
const agent = bank.staff.find((member) => member.username === 'sarah.levy') as StaffMember;
/** Customers of Camille's branch (not prospects), one deal each, so each card is named apart. */
const customers = bank.customers
  .map((entry) => entry.customer)
  .filter((customer) => customer.branchId === advisor.branchId && customer.kind !== 'prospect');

let sandbox: Sandbox;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** The deals opened for the test: dragged on, lost, moved two stages on, moved behind her back. */
const deals: Record<'dragged' | 'lost' | 'skipped' | 'raced', Opportunity> = {} as never;
/** The stage moves Camille's tab sent the API. */
let movesPosted = 0;
/** The deals Camille's tab opened through the API. */
let dealsPosted = 0;

/** Calls the API as a demo user, as the browser would, and answers the JSON. */
const callApi = async <T>(
  user: StaffMember,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> => {
  const response = await fetch(`${sandbox.apiUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${await sandbox.idToken(user.username)}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
};

/** Opens a car loan for a customer as Camille (hers, at the first stage). */
const openDeal = (customerId: string, amountCents: number, expectedCloseOn: string) =>
  callApi<Opportunity>(
    advisor,
    'POST',
    `/v1/customers/${customerId}/opportunities`,
    { productCode: 'pret-auto', amountCents, expectedCloseOn, source: 'branch' },
    { 'idempotency-key': randomUUID() },
  );

/** The deal as stored now. */
const readDeal = (deal: Opportunity) =>
  callApi<Opportunity>(advisor, 'GET', `/v1/customers/${deal.customerId}/opportunities/${deal.id}`);

beforeAll(async () => {
  useEmulator();
  if (customers.length < 5) throw new Error('the demo bank has fewer than 5 customers in Camille’s branch');
  [sandbox, browser] = await Promise.all([
    startSandbox({ prefix: uniquePrefix('e2e'), customers: bankSize, quiet: true, ports: 'free' }),
    launchBrowser(),
  ]);
  deals.dragged = await openDeal(customers[0]!.id, 1_500_000, '2027-01-29');
  deals.lost = await openDeal(customers[1]!.id, 800_000, '2027-02-15');
  deals.skipped = await openDeal(customers[2]!.id, 1_200_000, '2027-03-10');
  deals.raced = await openDeal(customers[3]!.id, 2_000_050, '2027-04-20');
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
  page = await context.newPage();
  page.on('request', (request) => {
    if (
      request.method() === 'POST' &&
      /\/v1\/customers\/[^/]+\/opportunities\/[^/]+\/stage$/.test(request.url())
    )
      movesPosted += 1;
    if (request.method() === 'POST' && /\/v1\/customers\/[^/]+\/opportunities$/.test(request.url()))
      dealsPosted += 1;
  });
});

afterAll(async () => {
  await browser?.close();
  await sandbox?.stop();
});

/** Text as the screen shows it, its narrow and non-breaking spaces (Intl's) as plain ones. */
const plain = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

/** A column of the board, by its heading. */
const column = (name: string) => page.getByRole('region', { name, exact: true });
/** A deal's card in a column (named by its customer and title). */
const card = (columnName: string, deal: Opportunity): Locator =>
  column(columnName)
    .getByRole('list', { name: columnName })
    .getByRole('article', { name: deal.customerName });
/** The value of a card's fact, by its label. */
const fact = async (deal: Locator, label: string) =>
  plain(await deal.getByText(label, { exact: true }).locator('xpath=following-sibling::dd[1]').textContent());
/** What an alert says, under its title. */
const said = async (alert: Locator) => plain(await alert.locator('p:not(.alert-title)').textContent());
/** The polite live region that announces the moves. */
const announcement = () => page.locator('.pipeline-live[aria-live="polite"]');

/** Whether every card fits inside its column (none spills over the next one). */
const cardsInsideColumns = () =>
  page.evaluate(() =>
    [...document.querySelectorAll('.pipeline-column')].every((columnElement) => {
      const box = columnElement.getBoundingClientRect();
      return [...columnElement.querySelectorAll('article')].every((cardElement) => {
        const inner = cardElement.getBoundingClientRect();
        return inner.left >= box.left && inner.right <= box.right;
      });
    }),
  );

/** Opens the board at its address: signed in already after an earlier test, or signing in. */
const openPipeline = async () => {
  await page.goto(`${sandbox.webUrl}/pipeline`);
  const title = page.getByRole('heading', { name: 'Pipeline des affaires', level: 1 });
  await Promise.race([title.waitFor(), page.waitForURL(/\/oauth2\/authorize\?/)]);
  if (/\/oauth2\/authorize\?/.test(page.url())) await signInOnIssuerPage(page, advisor);
  await title.waitFor();
  await column('Qualification').getByRole('list', { name: 'Qualification' }).waitFor();
};

describe('the pipeline board', () => {
  it('opens from the navigation on her own pipeline, the deals she opened in Qualification', async () => {
    // Prepare
    await page.goto(sandbox.webUrl);
    await signInOnIssuerPage(page, advisor);

    // Act
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Affaires' })
      .click();
    await page.getByRole('heading', { name: 'Pipeline des affaires', level: 1 }).waitFor();
    const dragged = card('Qualification', deals.dragged);
    await dragged.waitFor();
    await screenshot(page, 'pipeline-01-board');
    const totals = plain(await column('Qualification').locator('.pipeline-column-totals').textContent());
    const facts = [
      await fact(dragged, 'Montant'),
      await fact(dragged, 'Signature prévue'),
      await fact(dragged, 'Probabilité'),
    ];
    const link = await dragged.getByRole('link', { name: deals.dragged.customerName }).getAttribute('href');
    const headings = await page.getByRole('heading', { level: 2 }).allTextContents();
    const fitted = await cardsInsideColumns();

    // Assess
    expect(deals.dragged).toMatchObject({
      stage: 'qualification',
      ownerId: advisor.sub,
      title: 'Crédit auto',
    });
    expect(await page.getByLabel('Affaires', { exact: true }).inputValue()).toBe('mine');
    expect(totals).toBe('4 affaires Total : 55 000,50 €');
    expect(facts).toEqual(['15 000 €', '29/01/2027', '10 %']);
    expect(link).toBe(`/customers/${deals.dragged.customerId}`);
    expect(fitted).toBe(true);
    expect(headings).toEqual(
      expect.arrayContaining([
        'Qualification',
        'Analyse des besoins',
        'Proposition',
        'Négociation',
        'Gagnées',
        'Perdues',
      ]),
    );
    expect(await column('Analyse des besoins').getByText('Aucune affaire à cette étape.').count()).toBe(1);
  });

  it('drags a deal from Qualification onto « Analyse des besoins », and the API stores the move', async () => {
    // Prepare
    await openPipeline();
    const before = movesPosted;

    // Act
    await card('Qualification', deals.dragged).dragTo(column('Analyse des besoins'));
    const moved = card('Analyse des besoins', deals.dragged);
    await moved.waitFor();
    await announcement()
      .getByText(/est maintenant en analyse des besoins\.$/)
      .waitFor();
    const announced = plain(await announcement().textContent());
    await screenshot(page, 'pipeline-02-dragged');
    const stored = await readDeal(deals.dragged);

    // Assess
    expect(movesPosted).toBe(before + 1);
    expect(announced).toBe(
      `« Crédit auto » de ${deals.dragged.customerName} est maintenant en analyse des besoins.`,
    );
    expect(stored).toMatchObject({ stage: 'needs_analysis', probabilityPercent: 25, version: 2 });
    expect(await fact(moved, 'Probabilité')).toBe('25 %');
    expect(await card('Qualification', deals.dragged).count()).toBe(0);
  });

  it('moves a deal to « Perdue » with its button, the dialog asking why (a note for « Autre »)', async () => {
    // Prepare
    await openPipeline();
    const lostCard = card('Qualification', deals.lost);

    // Act: by the keyboard, from the card's button.
    const toggle = lostCard.getByRole('button', { name: 'Déplacer vers…' });
    await toggle.focus();
    await page.keyboard.press('Enter');
    const offered = await lostCard.locator('.pipeline-move-list').getByRole('button').allTextContents();
    await lostCard.getByRole('button', { name: 'Perdue', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Affaire perdue' });
    await dialog.waitFor();
    await dialog.getByLabel('Autre').check();
    await dialog.getByRole('button', { name: 'Marquer comme perdue' }).click();
    const noteError = dialog.getByText(
      'Pour le motif « Autre », dites dans la note pourquoi l’affaire est perdue.',
    );
    await noteError.waitFor();
    const postedBeforeNote = movesPosted;
    await screenshot(page, 'pipeline-03-lost-dialog');
    await dialog
      .getByLabel('Note')
      .fill('Le client a pris une location avec option d’achat chez son concessionnaire.');
    await dialog.getByRole('button', { name: 'Marquer comme perdue' }).click();
    const lost = card('Perdues', deals.lost);
    await lost.waitFor();
    await announcement()
      .getByText(/est maintenant perdue\.$/)
      .waitFor();
    await page.waitForFunction((id) => document.activeElement?.id === id, `pipeline-deal-${deals.lost.id}`);
    await screenshot(page, 'pipeline-04-lost');
    const stored = await readDeal(deals.lost);

    // Assess
    expect(offered).toEqual(['Analyse des besoins', 'Perdue']);
    expect(postedBeforeNote).toBe(movesPosted - 1);
    expect(await fact(lost, 'Motif')).toBe('Autre');
    expect(stored).toMatchObject({ stage: 'lost', lostReason: 'other', probabilityPercent: 0 });
    expect(stored.history.at(-1)).toMatchObject({
      from: 'qualification',
      to: 'lost',
      lostReason: 'other',
      note: 'Le client a pris une location avec option d’achat chez son concessionnaire.',
    });
    expect(await dialog.count()).toBe(0);
  });

  it('refuses a move the pipeline forbids in words, without calling the API', async () => {
    // Prepare
    await openPipeline();
    const before = movesPosted;

    // Act: two stages on, from Qualification to Négociation.
    await card('Qualification', deals.skipped).dragTo(column('Négociation'));
    const refusal = page.getByRole('alert').filter({ hasText: 'Déplacement impossible' });
    await refusal.waitFor();
    await screenshot(page, 'pipeline-05-refused');

    // Assess
    expect(await said(refusal)).toBe(
      '« Crédit auto » ne peut pas passer de « Qualification » à « Négociation » : une affaire avance d’une étape à la fois et n’est gagnée qu’à sa dernière étape. Depuis « Qualification », elle peut aller vers : Analyse des besoins ou Perdue.',
    );
    expect(movesPosted).toBe(before);
    expect(await card('Qualification', deals.skipped).count()).toBe(1);
    expect((await readDeal(deals.skipped)).stage).toBe('qualification');
  });

  it('says that someone moved the deal first, with its new stage, and reads the board again', async () => {
    // Prepare: the board shows the deal at version 1; then it moves behind the page's back.
    await openPipeline();
    const stale = card('Qualification', deals.raced);
    await stale.waitFor();
    await callApi(
      advisor,
      'POST',
      `/v1/customers/${deals.raced.customerId}/opportunities/${deals.raced.id}/stage`,
      {
        to: 'needs_analysis',
        version: 1,
      },
    );
    await callApi(
      advisor,
      'POST',
      `/v1/customers/${deals.raced.customerId}/opportunities/${deals.raced.id}/stage`,
      {
        to: 'proposal',
        version: 2,
      },
    );
    const before = movesPosted;

    // Act: from the version the page read.
    await stale.getByRole('button', { name: 'Déplacer vers…' }).click();
    await stale.getByRole('button', { name: 'Analyse des besoins', exact: true }).click();
    const conflict = page
      .getByRole('alert')
      .filter({ hasText: 'Quelqu’un a déplacé cette affaire avant vous' });
    await conflict.getByText(/est maintenant en proposition\./).waitFor();
    await card('Proposition', deals.raced).waitFor();
    await screenshot(page, 'pipeline-06-conflict');

    // Assess
    expect(movesPosted).toBe(before + 1);
    expect(await said(conflict)).toBe(
      `« Crédit auto » de ${deals.raced.customerName} est maintenant en proposition. Le tableau a été rechargé : déplacez-la de nouveau si besoin.`,
    );
    expect(await conflict.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await card('Qualification', deals.raced).count()).toBe(0);
    expect(await card('Analyse des besoins', deals.raced).count()).toBe(0);
    expect((await readDeal(deals.raced)).stage).toBe('proposal');
  });

  it('shows the deals closing one month, then every month again, and reads in English', async () => {
    // Prepare
    await openPipeline();

    // Act: January 2027, when only the dragged deal is expected to close.
    await page.getByLabel('Mois de signature').fill('2027-01');
    await card('Analyse des besoins', deals.dragged).waitFor();
    await column('Proposition').getByText('Aucune affaire à cette étape.').waitFor();
    // Each column is read on its own: wait for the board to settle rather than count mid-way.
    await expect.poll(() => page.getByRole('article').count()).toBe(1);
    await screenshot(page, 'pipeline-07-month');
    await page.getByRole('button', { name: 'Tous les mois' }).click();
    await card('Proposition', deals.raced).waitFor();
    await expect.poll(() => page.getByRole('article').count()).toBe(4);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Sales pipeline', level: 1 }).waitFor();
    const english = {
      columns: await page.locator('.pipeline-column h2').allTextContents(),
      totals: plain(await column('Qualification').locator('.pipeline-column-totals').textContent()),
      toggle: await card('Qualification', deals.skipped).getByRole('button', { name: 'Move to…' }).count(),
    };
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('heading', { name: 'Pipeline des affaires', level: 1 }).waitFor();

    // Assess
    expect(english).toEqual({
      columns: ['Qualification', 'Needs analysis', 'Proposal', 'Negotiation', 'Won', 'Lost'],
      totals: '1 deal Total: €12,000',
      toggle: 1,
    });
  });

  it('fits a 360 px wide phone, the columns scrolling inside the board', async () => {
    // Prepare
    await openPipeline();

    // Act
    await page.setViewportSize({ width: 360, height: 800 });
    const fits = await fitsViewportWidth(page);
    const scrollsInside = await page
      .locator('.pipeline-board')
      .evaluate((board) => board.scrollWidth > board.clientWidth && board.clientWidth <= window.innerWidth);
    const toggle = card('Qualification', deals.skipped).getByRole('button', { name: 'Déplacer vers…' });
    const toggleVisible = await toggle.isVisible();
    const fitted = await cardsInsideColumns();
    await screenshot(page, 'pipeline-08-phone');
    await page.setViewportSize({ width: 1280, height: 900 });

    // Assess
    expect(fits).toBe(true);
    expect(scrollsInside).toBe(true);
    expect(toggleVisible).toBe(true);
    expect(fitted).toBe(true);
  });

  it('is not offered to a contact-centre agent, who gets the refusal at its address', async () => {
    // Prepare
    const agentContext = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'fr-FR',
    });
    const agentPage = await agentContext.newPage();
    const listed: string[] = [];
    agentPage.on('request', (request) => {
      if (request.url().includes('/v1/opportunities')) listed.push(request.url());
    });
    await agentPage.goto(`${sandbox.webUrl}/pipeline`);
    await signInOnIssuerPage(agentPage, agent);

    // Act
    await agentPage.getByRole('heading', { name: "Écran réservé au réseau d'agences", level: 1 }).waitFor();
    await screenshot(agentPage, 'pipeline-09-agent-refused');
    const nav = agentPage.getByRole('navigation', { name: 'Navigation principale' });

    // Assess
    expect(await nav.getByRole('link', { name: 'Simulateur' }).count()).toBe(1);
    expect(await nav.getByRole('link', { name: 'Affaires' }).count()).toBe(0);
    expect(await agentPage.getByRole('region', { name: 'Qualification' }).count()).toBe(0);
    expect(listed).toEqual([]);
    await agentContext.close();
  }, 60_000);
});

/** The 15th of next month, `YYYY-MM-DD`, and as the screen writes it in French. */
const nextMonth = () => {
  const now = new Date();
  const day = new Date(now.getFullYear(), now.getMonth() + 1, 15);
  const [year, month] = [String(day.getFullYear()), String(day.getMonth() + 1).padStart(2, '0')];
  return { iso: `${year}-${month}-15`, shown: `15/${month}/${year}` };
};

describe('the open deals on a customer file', () => {
  /** A customer of Camille's branch with no deal yet. */
  const customer = () => customers[4]!;
  const fileUrl = () => `${sandbox.webUrl}/customers/${customer().id}`;

  it('lets an advisor open a deal from the file on a phone, lists it there and on her board', async () => {
    // Prepare
    const closing = nextMonth();
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto(fileUrl());
    const dealsCard = page.getByRole('region', { name: 'Affaires en cours' });
    await Promise.race([dealsCard.waitFor(), page.waitForURL(/\/oauth2\/authorize\?/)]);
    if (/\/oauth2\/authorize\?/.test(page.url())) await signInOnIssuerPage(page, advisor);
    await dealsCard.waitFor();
    const listedBefore = await dealsCard.getByRole('article').count();
    const emptySaid = await dealsCard.getByText('Aucune affaire en cours pour ce client.').count();
    const before = dealsPosted;

    // Act: every field checked at once, nothing sent; then the car loan.
    const toggle = dealsCard.getByRole('button', { name: 'Ouvrir une affaire', exact: true });
    await toggle.click();
    const form = dealsCard.getByRole('form', { name: 'Nouvelle affaire' });
    const product = form.getByLabel('Produit', { exact: true });
    await product.waitFor();
    const submit = form.getByRole('button', { name: 'Ouvrir l’affaire', exact: true });
    await submit.click();
    await form.getByText('Choisissez un produit.', { exact: true }).waitFor();
    const checked = {
      errors: await form.locator('.field-error').allTextContents(),
      focused: await product.evaluate((element) => element === document.activeElement),
      posted: dealsPosted - before,
    };
    const formFits = await fitsViewportWidth(page);
    await screenshot(page, 'pipeline-10-file-deal-errors');
    await product.selectOption({ label: 'Crédit auto' });
    await form.getByLabel('Montant (€)', { exact: true }).fill('15 000');
    await form.getByLabel('Signature prévue le', { exact: true }).fill(closing.iso);
    const sources = await form.getByLabel('Origine', { exact: true }).locator('option').allTextContents();
    await submit.click();
    const listed = dealsCard.getByRole('article', { name: 'Crédit auto' });
    await listed.waitFor();
    await page.waitForFunction(() => document.activeElement?.id.startsWith('customer-deal-'));
    await screenshot(page, 'pipeline-11-file-deal-opened');
    const shown = {
      amount: await fact(listed, 'Montant'),
      stage: await fact(listed, 'Étape'),
      probability: await fact(listed, 'Probabilité'),
      closing: await fact(listed, 'Signature prévue'),
      link: await listed.getByRole('link', { name: 'Voir dans le pipeline' }).getAttribute('href'),
      announced: plain(await dealsCard.getByRole('status').textContent()),
      focused: await listed.evaluate((element) => element === document.activeElement),
      formClosed: await toggle.getAttribute('aria-expanded'),
    };
    const fileFits = await fitsViewportWidth(page);
    const file = await callApi<Customer360>(advisor, 'GET', `/v1/customers/${customer().id}/360`);
    const [summary] = file.openOpportunities ?? [];
    const stored = await readDeal({ customerId: customer().id, id: summary?.id ?? '' } as Opportunity);
    await page.setViewportSize({ width: 1280, height: 900 });
    await listed.getByRole('link', { name: 'Voir dans le pipeline' }).click();
    await page.getByRole('heading', { name: 'Pipeline des affaires', level: 1 }).waitFor();
    const onBoard = card('Qualification', stored);
    await onBoard.waitFor();
    await screenshot(page, 'pipeline-12-board-with-file-deal');

    // Assess
    expect(listedBefore).toBe(0);
    expect(emptySaid).toBe(1);
    expect(checked).toEqual({
      errors: ['Choisissez un produit.', 'Indiquez le montant.', 'Indiquez le jour de signature prévu.'],
      focused: true,
      posted: 0,
    });
    expect(formFits).toBe(true);
    expect(sources).toEqual(['Agence', 'Téléphone', 'Internet', 'Campagne']);
    expect(dealsPosted).toBe(before + 1);
    expect(shown).toEqual({
      amount: '15 000,00 €',
      stage: 'Qualification',
      probability: '10 %',
      closing: closing.shown,
      link: '/pipeline',
      announced: 'Affaire « Crédit auto » ouverte, en qualification.',
      focused: true,
      formClosed: 'false',
    });
    expect(fileFits).toBe(true);
    expect(file.openOpportunities).toHaveLength(1);
    expect(stored).toMatchObject({
      productCode: 'pret-auto',
      title: 'Crédit auto',
      amountCents: 1_500_000,
      expectedCloseOn: closing.iso,
      source: 'branch',
      stage: 'qualification',
      ownerId: advisor.sub,
    });
    expect(await fact(onBoard, 'Montant')).toBe('15 000 €');
    expect(await fact(onBoard, 'Signature prévue')).toBe(closing.shown);
  });

  it('shows a contact-centre agent the same file without the open deals', async () => {
    // Prepare
    const agentContext = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'fr-FR',
    });
    const agentPage = await agentContext.newPage();
    await agentPage.goto(fileUrl());
    await signInOnIssuerPage(agentPage, agent);

    // Act
    await agentPage.getByRole('heading', { name: 'Produits détenus' }).waitFor();
    await screenshot(agentPage, 'pipeline-13-agent-file');
    const file = await callApi<Customer360>(agent, 'GET', `/v1/customers/${customer().id}/360`);
    const shown = {
      card: await agentPage.getByRole('region', { name: 'Affaires en cours' }).count(),
      heading: await agentPage.getByRole('heading', { name: 'Affaires en cours' }).count(),
      toggle: await agentPage.getByRole('button', { name: 'Ouvrir une affaire' }).count(),
    };

    // Assess
    expect('openOpportunities' in file).toBe(false);
    expect(shown).toEqual({ card: 0, heading: 0, toggle: 0 });
    await agentContext.close();
  }, 60_000);
});
