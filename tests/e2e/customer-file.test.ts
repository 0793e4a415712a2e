/**
 * The customer file in a real browser against the whole sandbox: an advisor signs in on the
 * issuer's page, finds a customer of their branch, edits the email and sees it; a stale tab
 * gets the conflict message instead of overwriting; the edit form shows every error at once
 * and asks before leaving with unsaved changes; each new page puts the focus on its heading;
 * an advisor of another branch sees the refusal and no data; the UI switches to English and
 * stays so. A compliance officer records a KYC decision with its reason and finds it in the
 * history; a branch manager reassigns a customer to an advisor of the branch chosen by name; an
 * advisor sees neither form. The compliance officer records the end of a customer's business
 * relationship, sees the day the file will be erased and the entry in the history, then withdraws
 * it; neither an advisor nor a branch manager of another branch is offered it, nor is anyone for
 * a prospect. "See more" pages back through a long history.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '#local/sandbox.ts';
import { generateDemoBank } from '#local/seed/demo-bank.ts';
import type { StaffMember } from '#local/seed/staff.ts';
import type { Customer } from '#schemas/customers/customer.ts';
import { uniquePrefix, useEmulator } from '../support/aws.ts';
import { fitsViewportWidth, launchBrowser, screenshot, signInOnIssuerPage } from './support/browser.ts';

const bankSize = 120;
const bank = generateDemoBank({ customers: bankSize });
const advisor = bank.staff.find((member) => member.roles.includes('advisor')) as StaffMember;
const outsider = bank.staff.find(
  (member) => member.roles.includes('advisor') && member.branchId !== advisor.branchId,
) as StaffMember;
// A customer of the advisor's branch with everything on file, so the test can see that saving
// one field leaves the others alone.
const target = bank.customers
  .map((entry) => entry.customer)
  .find(
    (customer) =>
      customer.branchId === advisor.branchId &&
      customer.kind === 'individual' &&
      customer.kycStatus === 'verified' &&
      customer.contact.email &&
      customer.contact.mobilePhone,
  );
const fileUrl = () => `${sandbox.webUrl}/customers/${target?.id}`;
const compliance = bank.staff.find((member) => member.username === 'agnes.moreau') as StaffMember;
const manager = bank.staff.find(
  (member) => member.roles.includes('branch_manager') && member.branchId === advisor.branchId,
) as StaffMember;
// The compliance officer's customer: another branch's, verified, so that « À revoir » is a change.
const kycTarget = bank.customers
  .map((entry) => entry.customer)
  .find((customer) => customer.branchId !== advisor.branchId && customer.kycStatus === 'verified');
// The customer whose relationship ends: another branch's (outside the advisor's manager's scope),
// a customer rather than a prospect, on file before 29 February 2024, the day its relationship
// ends in the test (so that the file is erased on 28 February 2029, 5 years as the law counts).
const relationshipTarget = bank.customers
  .map((entry) => entry.customer)
  .find(
    (customer) =>
      customer.branchId !== advisor.branchId &&
      customer.kind !== 'prospect' &&
      customer.id !== kycTarget?.id &&
      customer.createdAt < '2024-02-29',
  );

let sandbox: Sandbox;
let browser: Browser;
let advisorContext: BrowserContext;
let page: Page;
/** What the advisor's tab asked the API, method and path (`PATCH /v1/customers/…`). */
const calls: string[] = [];

/** Calls the API as a demo user, as the browser would, and answers the JSON. */
const callApi = async <T>(user: StaffMember, method: string, path: string, body?: unknown): Promise<T> => {
  const response = await fetch(`${sandbox.apiUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${await sandbox.idToken(user.username)}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
};

/** The focused element: its tag, id and text. */
const focused = (target: Page) =>
  target.evaluate(() => {
    const element = document.activeElement;
    return { tag: element?.tagName, id: element?.id ?? '', text: element?.textContent?.trim() ?? '' };
  });

beforeAll(async () => {
  useEmulator();
  if (!target) throw new Error('the demo bank has no fully filled customer in the advisor’s branch');
  [sandbox, browser] = await Promise.all([
    startSandbox({ prefix: uniquePrefix('e2e'), customers: bankSize, quiet: true, ports: 'free' }),
    launchBrowser(),
  ]);
  advisorContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
  page = await advisorContext.newPage();
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    const api = pathname.indexOf('/v1/');
    if (api >= 0) calls.push(`${request.method()} ${pathname.slice(api)}`);
  });
});

afterAll(async () => {
  await browser?.close();
  await sandbox?.stop();
});

describe('customer file in the browser', () => {
  it('lets an advisor sign in, find a customer of their branch by the first letters of the name and open the file', async () => {
    // Prepare
    const customer = target!;
    await page.goto(sandbox.webUrl);
    await page.waitForURL(/\/oauth2\/authorize\?/);
    await screenshot(page, '01-sign-in');

    // Act
    await signInOnIssuerPage(page, advisor);
    const box = page.getByLabel('Nom, numéro client, e-mail ou téléphone');
    await box.fill(customer.lastName.slice(0, 3));
    await box.press('Enter');
    const row = page.getByRole('row').filter({ hasText: customer.customerNumber });
    await row.waitFor();
    await screenshot(page, '02-search-results');
    await row.getByRole('link').click();
    await page.getByRole('heading', { name: 'Produits détenus' }).waitFor();
    await screenshot(page, '03-customer-file');
    // The new page's heading has the focus, as a screen reader announces a new document.
    await expect.poll(async () => (await focused(page)).tag).toBe('H1');

    // Assess
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await expect.poll(() => page.getByRole('banner').textContent()).toContain(advisor.name);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(customer.firstName);
    expect((await focused(page)).text).toContain(customer.firstName);
    expect(await page.getByRole('heading', { level: 1 }).getAttribute('tabindex')).toBe('-1');
    expect(await page.getByRole('link', { name: customer.contact.email }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Consentements' }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Historique' }).count()).toBe(1);
  });

  it('saves a new email and shows it on the file, leaving the other fields as they were', async () => {
    // Prepare
    const newEmail = `${target!.firstName
      .toLowerCase()
      .normalize('NFD')
      .replace(/[^a-z]/g, '')}.e2e@exemple.fr`;
    await page.getByRole('link', { name: 'Modifier la fiche' }).click();
    const email = page.getByLabel('E-mail', { exact: true });
    await email.waitFor();

    // Act
    await email.fill(newEmail);
    await screenshot(page, '04-edit');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Modifications enregistrées.').waitFor();
    await screenshot(page, '05-saved');

    // Assess
    expect(page.url()).toBe(fileUrl());
    expect(await page.getByRole('link', { name: newEmail }).count()).toBe(1);
    expect(await page.getByRole('link', { name: target!.contact.email }).count()).toBe(0);
    expect(await page.getByText('Vérifié', { exact: true }).count()).toBe(1);
    expect(await page.locator(`a[href="tel:${target!.contact.mobilePhone}"]`).count()).toBe(1);
  });

  it('tells a second tab with a stale version that someone else changed the file, and overwrites nothing', async () => {
    // Prepare
    const staleTab = await advisorContext.newPage();
    await staleTab.goto(`${fileUrl()}/edit`);
    const staleEmail = staleTab.getByLabel('E-mail', { exact: true });
    await staleEmail.waitFor();
    await page.getByRole('link', { name: 'Modifier la fiche' }).click();
    await page.getByLabel('E-mail', { exact: true }).fill('premier.onglet@exemple.fr');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Modifications enregistrées.').waitFor();

    // Act
    await staleEmail.fill('second.onglet@exemple.fr');
    await staleTab.getByRole('button', { name: 'Enregistrer' }).click();
    const conflict = staleTab.getByText(
      "Cette fiche a été modifiée par quelqu'un d'autre depuis que vous l'avez ouverte. Rechargez-la pour voir ses dernières données, puis refaites votre modification.",
    );
    await conflict.waitFor();
    await screenshot(staleTab, '06-conflict');
    await staleTab.getByRole('button', { name: 'Recharger la fiche' }).click();
    await expect.poll(() => staleEmail.inputValue()).toBe('premier.onglet@exemple.fr');
    await page.reload();
    await page.getByRole('heading', { name: 'Produits détenus' }).waitFor();

    // Assess
    expect(await conflict.count()).toBe(0);
    expect(await page.getByRole('link', { name: 'premier.onglet@exemple.fr' }).count()).toBe(1);
    expect(await page.getByText('second.onglet@exemple.fr').count()).toBe(0);
    await staleTab.close();
  });

  it('shows every error of the edit form at once, next to its field, and sends nothing', async () => {
    // Prepare
    await page.getByRole('link', { name: 'Modifier la fiche' }).click();
    await page.getByRole('heading', { name: 'Modifier la fiche', level: 1 }).waitFor();
    await expect.poll(async () => (await focused(page)).tag).toBe('H1');
    await page.getByLabel('Prénom').fill('');
    await page.getByLabel('E-mail', { exact: true }).fill('pas-une-adresse');
    await page.getByLabel('Code postal').fill('96000');
    const sentBefore = calls.filter((call) => call.startsWith('PATCH')).length;

    // Act
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText("La fiche n'a pas été enregistrée. Corrigez ces champs :").waitFor();
    await screenshot(page, '12-edit-errors');

    // Assess: three fields, three messages, each tied to its field; the first one has the focus.
    const errorOf = async (label: string) => {
      const describedBy =
        (await page.getByLabel(label, { exact: true }).getAttribute('aria-describedby')) ?? '';
      return page.locator(`[id="${describedBy.split(' ')[0]}"]`).textContent();
    };
    expect(await errorOf('Prénom')).toBe('Saisissez le prénom.');
    expect(await errorOf('E-mail')).toBe(
      'Saisissez une adresse e-mail valide, par exemple prenom.nom@exemple.fr.',
    );
    expect(await errorOf('Code postal')).toBe(
      'Saisissez un code postal français de 5 chiffres, par exemple 75002. En Corse, il commence par 20 ; outre-mer, par 971 à 976 ou 984 à 988.',
    );
    expect(await page.locator('[aria-invalid="true"]').count()).toBe(3);
    expect(await focused(page)).toMatchObject({ tag: 'INPUT', id: 'firstName' });
    expect(calls.filter((call) => call.startsWith('PATCH')).length).toBe(sentBefore);
  });

  it('asks before leaving the form with unsaved changes, in the app and when the tab closes', async () => {
    // Prepare: the form holds the changes of the test above.
    const editUrl = `${fileUrl()}/edit`;

    // Act: a link of the app, then "stay".
    await page.getByRole('link', { name: '← Retour à la fiche' }).click();
    const question = page.getByRole('alertdialog', { name: 'Quitter sans enregistrer ?' });
    await question.waitFor();
    await screenshot(page, '13-leave-warning');
    const safeAnswerFocused = await focused(page);
    await question.getByRole('button', { name: 'Rester sur la page' }).click();
    await question.waitFor({ state: 'hidden' });
    const urlAfterStay = page.url();
    const emailAfterStay = await page.getByLabel('E-mail', { exact: true }).inputValue();

    // Act: closing the tab gets the browser's own question (dismissed: the tab stays).
    const closing = page.waitForEvent('dialog');
    await page.close({ runBeforeUnload: true });
    const browserQuestion = await closing;
    const questionType = browserQuestion.type();
    await browserQuestion.dismiss();

    // Act: leaving for good.
    await page.getByRole('link', { name: '← Retour à la fiche' }).click();
    await question.getByRole('button', { name: 'Quitter sans enregistrer' }).click();
    await page.getByRole('heading', { name: 'Produits détenus' }).waitFor();

    // Assess
    expect(safeAnswerFocused).toMatchObject({ tag: 'BUTTON', text: 'Rester sur la page' });
    expect(urlAfterStay).toBe(editUrl);
    expect(emailAfterStay).toBe('pas-une-adresse');
    expect(questionType).toBe('beforeunload');
    expect(page.isClosed()).toBe(false);
    expect(page.url()).toBe(fileUrl());
    await expect.poll(async () => (await focused(page)).tag).toBe('H1');
    expect(await page.getByText('pas-une-adresse').count()).toBe(0);
  });

  it('offers an unsaved draft back after a reload, with its time, rather than restoring it silently', async () => {
    // Prepare
    await page.getByRole('link', { name: 'Modifier la fiche' }).click();
    const email = page.getByLabel('E-mail', { exact: true });
    await email.waitFor();
    const stored = await email.inputValue();
    await email.fill('brouillon@exemple.fr');

    // Act: reload, confirming the browser's question.
    page.once('dialog', (dialog) => void dialog.accept());
    await page.reload();
    await page.getByRole('button', { name: 'Restaurer le brouillon' }).waitFor();
    await screenshot(page, '14-draft-offer');
    const emailBeforeAnswer = await email.inputValue();
    const offer = (await page.locator('.draft-offer').textContent()) ?? '';
    await page.getByRole('button', { name: 'Restaurer le brouillon' }).click();
    const restored = await email.inputValue();
    await email.fill(stored);
    await page.getByRole('link', { name: '← Retour à la fiche' }).click();
    await page.getByRole('heading', { name: 'Produits détenus' }).waitFor();

    // Assess: the form showed the file until asked; put back as it was, nothing is asked on leaving.
    expect(emailBeforeAnswer).toBe(stored);
    expect(offer).toMatch(/^Vous avez un brouillon non enregistré du \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}\./);
    expect(restored).toBe('brouillon@exemple.fr');
    expect(await page.getByRole('alertdialog').count()).toBe(0);
  });

  it('reads the branch list once for the whole session, across pages and reloads', () => {
    // Assess: the tests above moved between pages and reloaded the tab several times.
    expect(calls.filter((call) => call === 'GET /v1/branches')).toEqual(['GET /v1/branches']);
  });

  it('shows an advisor of another branch the refusal and none of the customer’s data', async () => {
    // Prepare
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const other = await context.newPage();
    await other.goto(fileUrl());

    // Act
    await signInOnIssuerPage(other, outsider);
    await other.getByRole('heading', { name: 'Client introuvable ou hors de votre périmètre' }).waitFor();
    await screenshot(other, '07-refusal');
    const text = (await other.locator('body').textContent()) ?? '';

    // Assess
    expect(other.url()).toBe(fileUrl());
    expect(text).toContain(outsider.name);
    expect(text).not.toContain(target!.customerNumber);
    expect(text.toLowerCase()).not.toContain(target!.lastName.toLowerCase());
    expect(text).not.toContain('premier.onglet@exemple.fr');
    await context.close();
  });

  it('switches the interface to English and remembers it', async () => {
    // Prepare
    await page.goto(fileUrl());
    await page.getByRole('heading', { name: 'Produits détenus' }).waitFor();

    // Act
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Products held' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Products held' }).waitFor();
    await screenshot(page, '08-english');

    // Assess
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('link', { name: 'Edit file' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Consents' }).count()).toBe(1);
  });

  it('fits a 360 px wide phone screen', async () => {
    // Prepare
    const phone = await browser.newContext({
      viewport: { width: 360, height: 780 },
      isMobile: true,
      hasTouch: true,
    });
    const small = await phone.newPage();
    await small.goto(fileUrl());
    await signInOnIssuerPage(small, advisor);

    // Act
    await small.getByRole('heading', { name: 'Produits détenus' }).waitFor();
    await screenshot(small, '09-phone-file');
    const fileFits = await fitsViewportWidth(small);
    await small.getByRole('link', { name: 'Modifier la fiche' }).click();
    await small.getByLabel('E-mail', { exact: true }).waitFor();
    await screenshot(small, '10-phone-edit');
    const formFits = await fitsViewportWidth(small);

    // Assess
    expect(fileFits).toBe(true);
    expect(formFits).toBe(true);
    await phone.close();
  });

  it("shows an administrator the file's access log: who opened it, when and why", async () => {
    // Prepare: the advisor opened the file in the tests above.
    const admin = bank.staff.find((member) => member.roles.includes('admin')) as StaffMember;
    const adminContext = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'fr-FR',
    });
    const adminPage = await adminContext.newPage();

    // Act
    await adminPage.goto(fileUrl());
    await signInOnIssuerPage(adminPage, admin);
    const log = adminPage.getByRole('region', { name: 'Journal des accès' });
    await log.getByRole('rowheader', { name: advisor.name }).first().waitFor();
    await screenshot(adminPage, '11-admin-access-log');

    // Assess
    expect(await log.getByText('Consultation du dossier 360°').count()).toBeGreaterThan(0);
    await adminContext.close();
  });

  it('shows an advisor no access log', async () => {
    await page.goto(fileUrl());
    // (in English: the advisor switched the interface earlier)
    await page.getByRole('heading', { name: 'Consents' }).waitFor();
    expect(await page.getByRole('heading', { name: /Access log|Journal des accès/ }).count()).toBe(0);
  });
});

describe('KYC decision, assignment and history in the browser', () => {
  let complianceContext: BrowserContext;
  let officer: Page;
  /** What the compliance officer's tab asked the API: method, path and query. */
  const officerCalls: { method: string; url: URL; body: unknown }[] = [];
  const entries = (on: Page) => on.getByRole('region', { name: 'Historique' }).getByRole('listitem');
  /** The focused element's index among the history's entries (-1: not an entry). */
  const focusedEntryIndex = (on: Page) =>
    on.evaluate(() => {
      const active = document.activeElement;
      if (active?.tagName !== 'LI' || !active.parentElement?.classList.contains('timeline')) return -1;
      return Array.from(active.parentElement.children).indexOf(active);
    });

  beforeAll(async () => {
    if (!kycTarget || !relationshipTarget || !compliance || !manager) {
      throw new Error('the demo bank lacks a user or customer');
    }
    complianceContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
    officer = await complianceContext.newPage();
    officer.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.includes('/v1/')) {
        officerCalls.push({ method: request.method(), url, body: request.postDataJSON() });
      }
    });
  });

  afterAll(async () => {
    await complianceContext?.close();
  });

  it('lets a compliance officer record a KYC decision with its reason, and shows it in the history', async () => {
    // Prepare
    const customer = kycTarget!;
    const reason = 'Justificatif de domicile expiré (contrôle e2e)';
    await officer.goto(`${sandbox.webUrl}/customers/${customer.id}`);
    await signInOnIssuerPage(officer, compliance);
    const form = officer.getByRole('region', { name: 'Décision KYC' });
    await form.waitFor();

    // Act: no reason first, then the reason, then confirm.
    await form.getByLabel('Nouveau statut').selectOption({ label: 'À revoir' });
    await form.getByRole('button', { name: 'Enregistrer la décision' }).click();
    const missingReason = form.getByText('Saisissez le motif de la décision.');
    await missingReason.waitFor();
    const focusedWithoutReason = await focused(officer);
    await form.getByLabel('Motif de la décision').fill(reason);
    await form.getByRole('button', { name: 'Enregistrer la décision' }).click();
    const question = officer.getByRole('alertdialog', { name: 'Confirmer la décision KYC ?' });
    await question.waitFor();
    const questionText = (await question.textContent()) ?? '';
    await screenshot(officer, '15-kyc-confirm');
    await question.getByRole('button', { name: 'Confirmer la décision' }).click();
    await officer.getByText('Décision KYC enregistrée : À revoir.').waitFor();
    const history = officer.getByRole('region', { name: 'Historique' });
    await history.getByText('Nouveau statut : À revoir (auparavant : Vérifié)').waitFor();
    await screenshot(officer, '16-kyc-recorded');

    // Assess
    expect(focusedWithoutReason).toMatchObject({ tag: 'TEXTAREA', id: 'kyc-reason' });
    expect(questionText).toContain('passera de « Vérifié » à « À revoir »');
    expect(questionText).toContain(reason);
    expect((await focused(officer)).text).toBe('Décision KYC enregistrée : À revoir.');
    const put = officerCalls.find((call) => call.method === 'PUT');
    expect(put?.url.pathname).toMatch(new RegExp(`/v1/customers/${customer.id}/kyc$`));
    expect(put?.body).toEqual({ status: 'to_review', reason, version: customer.version });
    const decision = history.getByRole('listitem').filter({ hasText: 'Décision KYC' }).first();
    expect(await decision.textContent()).toContain(`Motif : ${reason}`);
    expect(await decision.textContent()).toContain(`par ${compliance.name}`);
    expect(await officer.locator('.badge-kyc-to_review').textContent()).toBe('À revoir');
    // Compliance decides KYC but does not reassign customers.
    expect(await officer.getByRole('heading', { name: 'Affectation' }).count()).toBe(0);
    // …nor edits the file's details, which the API does not let compliance officers change.
    expect(await officer.getByRole('link', { name: 'Modifier la fiche' }).count()).toBe(0);
    expect(await missingReason.count()).toBe(0);
  });

  it('lets a branch manager reassign a customer of the branch to an advisor chosen by name', async () => {
    // Prepare
    const customer = target!;
    const newAdvisor = bank.staff.find(
      (member) =>
        member.roles.includes('advisor') &&
        member.branchId === customer.branchId &&
        member.sub !== customer.advisorId,
    ) as StaffMember;
    const [newSegment, segmentLabel] =
      customer.segment === 'affluent' ? ['young', 'Jeunes'] : ['affluent', 'Patrimonial'];
    const managerContext = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'fr-FR',
    });
    const managerPage = await managerContext.newPage();
    await managerPage.goto(fileUrl());
    await signInOnIssuerPage(managerPage, manager);
    const form = managerPage.getByRole('region', { name: 'Affectation' });
    await form.waitFor();
    const advisorField = form.getByLabel('Conseiller attitré');
    const choices = async () => (await advisorField.locator('option').allTextContents()).sort();

    // Act: another advisor of the branch, by name, and another segment.
    await advisorField.locator('option', { hasText: newAdvisor.name }).waitFor({ state: 'attached' });
    const offered = await choices();
    await advisorField.selectOption({ label: newAdvisor.name });
    await form.getByLabel('Segment').selectOption({ label: segmentLabel });
    await form.getByRole('button', { name: 'Enregistrer l’affectation' }).click();
    await form.getByText('Affectation enregistrée.').waitFor();
    const profile = managerPage.locator('.profile');
    await profile.getByText(newAdvisor.name).waitFor();
    await screenshot(managerPage, '17-assignment-saved');

    // Assess
    // The branch's advisors and manager by name, and no one of another branch.
    const expected = bank.staff
      .filter((member) => member.branchId === customer.branchId)
      .filter((member) => member.roles.includes('advisor') || member.roles.includes('branch_manager'))
      .map((member) => member.name);
    expect(offered).toEqual(['Aucun conseiller attitré', ...expected].sort());
    expect(offered).not.toContain(outsider.name);
    expect(await profile.getByText(segmentLabel, { exact: true }).count()).toBe(1);
    expect(await form.getByLabel('Segment').inputValue()).toBe(newSegment);
    await managerPage
      .getByRole('region', { name: 'Historique' })
      .getByText('Affectation modifiée : segment et conseiller')
      .waitFor();
    // A branch manager does not move customers to another branch.
    expect(await form.getByLabel('Agence').count()).toBe(0);
    // …and decides KYC for the branch, and the end of the relationship too.
    expect(await managerPage.getByRole('heading', { name: 'Décision KYC' }).count()).toBe(1);
    expect(await managerPage.getByRole('heading', { name: 'Relation d’affaires' }).count()).toBe(1);
    await managerContext.close();
  });

  it('shows an advisor neither the KYC decision nor the assignment', async () => {
    // Prepare: the advisor's tab (in English since the test that switched it).
    await page.goto(fileUrl());

    // Act
    await page.getByRole('heading', { name: 'Products held' }).waitFor();

    // Assess
    expect(await page.getByRole('heading', { name: /KYC decision|Décision KYC/ }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: /^(Assignment|Affectation)$/ }).count()).toBe(0);
    expect(await page.getByLabel(/New status|Nouveau statut/).count()).toBe(0);
    expect(await page.getByRole('button', { name: /Record the decision|Save the assignment/ }).count()).toBe(
      0,
    );
  });

  it('lets a compliance officer record the end of a relationship, shows when the file goes, then withdraw it', async () => {
    // Prepare
    const customer = relationshipTarget!;
    const reason = 'Clôture de tous les comptes à la demande du client (contrôle e2e)';
    const withdrawal = 'Fin enregistrée par erreur : un compte reste ouvert (contrôle e2e)';
    await officer.goto(`${sandbox.webUrl}/customers/${customer.id}`);
    const form = officer.getByRole('region', { name: 'Relation d’affaires' });
    await form.waitFor();
    const history = officer.getByRole('region', { name: 'Historique' });
    const profile = officer.locator('.profile');

    // Act: nothing typed first, then the day and the reason, then confirm.
    await form.getByRole('button', { name: 'Enregistrer la fin de relation' }).click();
    await form.getByText('Saisissez la date de fin de la relation.').waitFor();
    const errorsShown = await form.locator('[aria-invalid="true"]').count();
    const reasonError = await form.getByText('Saisissez le motif.').count();
    await expect.poll(async () => (await focused(officer)).id).toBe('relationship-ended-on');
    const focusedOnErrors = await focused(officer);
    await form.getByLabel('Date de fin de la relation').fill('2024-02-29');
    await form.getByLabel('Motif de la fin de relation').fill(reason);
    await form.getByRole('button', { name: 'Enregistrer la fin de relation' }).click();
    const question = officer.getByRole('alertdialog', { name: 'Confirmer la fin de la relation ?' });
    await question.waitFor();
    const questionText = (await question.textContent()) ?? '';
    await screenshot(officer, '19-relationship-confirm');
    await question.getByRole('button', { name: 'Confirmer la fin de relation' }).click();
    await form.getByText('Fin de relation enregistrée.').waitFor();
    await expect.poll(async () => (await focused(officer)).tag).toBe('P');
    const focusedAfterEnd = await focused(officer);
    const ended = form.getByText('Relation terminée le 29/02/2024 — dossier effacé le 28/02/2029');
    await ended.waitFor();
    const entry = history.getByRole('listitem').filter({
      hasText: 'Fin de la relation d’affaires le 29/02/2024 : dossier conservé 5 ans (LCB-FT), puis effacé',
    });
    await entry.waitFor();
    const entryText = (await entry.textContent()) ?? '';
    const profileText = (await profile.textContent()) ?? '';
    await screenshot(officer, '20-relationship-ended');

    // Act: withdraw it, with its own reason.
    await form.getByLabel('Motif de l’annulation').fill(withdrawal);
    await form.getByRole('button', { name: 'Annuler la fin de relation' }).click();
    const undo = officer.getByRole('alertdialog', { name: 'Annuler la fin de la relation ?' });
    await undo.waitFor();
    const undoText = (await undo.textContent()) ?? '';
    await undo.getByRole('button', { name: 'Confirmer l’annulation' }).click();
    await form.getByText('Fin de relation annulée : la relation se poursuit.').waitFor();
    await expect.poll(async () => (await focused(officer)).tag).toBe('P');
    const focusedAfterWithdrawal = await focused(officer);
    const withdrawn = history
      .getByRole('listitem')
      .filter({ hasText: 'Fin de relation annulée : la relation se poursuit' });
    await withdrawn.waitFor();
    await screenshot(officer, '21-relationship-withdrawn');

    // Assess: the errors, each by its field, the first one focused.
    expect(errorsShown).toBe(2);
    expect(reasonError).toBe(1);
    expect(focusedOnErrors).toMatchObject({ tag: 'INPUT', id: 'relationship-ended-on' });
    // The question says what happens and when the file goes.
    expect(questionText).toContain('sera enregistrée comme terminée le 29/02/2024');
    expect(questionText).toContain('son dossier sera effacé le 28/02/2029');
    expect(questionText).toContain(reason);
    expect(focusedAfterEnd.text).toBe('Fin de relation enregistrée.');
    expect(entryText).toContain(`Motif : ${reason}`);
    expect(entryText).toContain(`par ${compliance.name}`);
    expect(profileText).toContain('Fin de relation');
    expect(profileText).toContain('29/02/2024');
    const puts = officerCalls.filter(
      (call) =>
        call.method === 'PUT' && call.url.pathname.endsWith(`/v1/customers/${customer.id}/relationship`),
    );
    expect(puts.map((call) => call.body)).toEqual([
      { endedOn: '2024-02-29', reason, version: customer.version },
      { endedOn: null, reason: withdrawal, version: customer.version + 1 },
    ]);
    // Withdrawn: the relationship goes on, and its end can be recorded again.
    expect(undoText).toContain('se poursuivra : son dossier ne sera plus effacé le 28/02/2029');
    expect(focusedAfterWithdrawal.text).toBe('Fin de relation annulée : la relation se poursuit.');
    expect(await withdrawn.textContent()).toContain(`Motif : ${withdrawal}`);
    expect(await ended.count()).toBe(0);
    expect(await form.getByLabel('Date de fin de la relation').inputValue()).toBe('');
    expect(await profile.getByText('Fin de relation', { exact: true }).count()).toBe(0);
  });

  it('offers the end of the relationship neither to an advisor nor to a branch manager of another branch', async () => {
    // Prepare
    const managerContext = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'fr-FR',
    });
    const managerPage = await managerContext.newPage();

    // Act: the advisor's tab (in English since the test that switched it) on a customer of the
    // branch; the manager of that branch on the customer of another branch.
    await page.goto(fileUrl());
    await page.getByRole('heading', { name: 'Products held' }).waitFor();
    const advisorSees = await page
      .getByRole('heading', { name: /^(Business relationship|Relation d’affaires)$/ })
      .count();
    const advisorButtons = await page
      .getByRole('button', { name: /Record the end of the relationship|Enregistrer la fin de relation/ })
      .count();
    await managerPage.goto(`${sandbox.webUrl}/customers/${relationshipTarget!.id}`);
    await signInOnIssuerPage(managerPage, manager);
    await managerPage
      .getByRole('heading', { name: 'Client introuvable ou hors de votre périmètre' })
      .waitFor();
    const managerSees = await managerPage.getByRole('heading', { name: 'Relation d’affaires' }).count();
    const managerText = (await managerPage.locator('body').textContent()) ?? '';
    await managerContext.close();

    // Assess
    expect(advisorSees).toBe(0);
    expect(advisorButtons).toBe(0);
    expect(managerSees).toBe(0);
    expect(managerText).not.toContain(relationshipTarget!.customerNumber);
  });

  it('loads older history entries with « Voir plus », page by page, and focuses the first one added', async () => {
    // Prepare: a prospect with 45 entries (its creation and 44 changes): 20 in the file, then 20 and 5.
    let customer = await callApi<Customer>(advisor, 'POST', '/v1/customers', {
      kind: 'prospect',
      firstName: 'Zoé',
      lastName: 'Historique',
      segment: 'young',
      branchId: advisor.branchId,
      contact: { email: 'zoe.historique@exemple.fr' },
    });
    for (let n = 1; n <= 44; n++) {
      customer = await callApi<Customer>(advisor, 'PATCH', `/v1/customers/${customer.id}`, {
        firstName: `Zoé-${n}`,
        version: customer.version,
      });
    }
    officerCalls.length = 0;
    await officer.goto(`${sandbox.webUrl}/customers/${customer.id}`);
    const history = officer.getByRole('region', { name: 'Historique' });
    await history.getByRole('listitem').first().waitFor();
    const inFile = await entries(officer).count();
    // A prospect has no business relationship to end: compliance decides KYC, nothing more.
    const relationshipForms = await officer.getByRole('heading', { name: 'Relation d’affaires' }).count();
    const kycForms = await officer.getByRole('heading', { name: 'Décision KYC' }).count();
    const more = history.getByRole('button', { name: 'Voir plus' });

    // Act: the keyboard, as a keyboard user does it.
    await more.focus();
    await officer.keyboard.press('Enter');
    await expect.poll(() => entries(officer).count()).toBe(40);
    await history.getByText('20 entrées plus anciennes chargées.').waitFor();
    const focusAfterFirst = await focusedEntryIndex(officer);
    await screenshot(officer, '18-history-more');
    await more.focus();
    await officer.keyboard.press('Enter');
    await expect.poll(() => entries(officer).count()).toBe(45);
    await history.getByText('5 entrées plus anciennes chargées.').waitFor();
    const focusAfterSecond = await focusedEntryIndex(officer);

    // Assess
    expect(inFile).toBe(20);
    expect(relationshipForms).toBe(0);
    expect(kycForms).toBe(1);
    expect(focusAfterFirst).toBe(20);
    expect(focusAfterSecond).toBe(40);
    expect(await more.count()).toBe(0);
    const texts = await entries(officer).allTextContents();
    expect(texts.at(-1)).toContain('Fiche créée');
    expect(texts.at(-1)).toContain('Prospect · Jeunes');
    expect(texts[0]).toContain('Champs modifiés : prénom');
    const pages = officerCalls.filter((call) =>
      call.url.pathname.endsWith(`/customers/${customer.id}/timeline`),
    );
    expect(pages).toHaveLength(2);
    expect(pages.map((call) => call.url.searchParams.get('limit'))).toEqual(['20', '20']);
    expect(pages.every((call) => (call.url.searchParams.get('cursor') ?? '').length > 0)).toBe(true);
  });
});
