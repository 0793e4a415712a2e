/**
 * The demo bank website's own script (served compiled as `/assets/site.js`): the consent banner,
 * the loan simulator, the savings tabs (addresses changed with `history.pushState`, as a
 * single-page app does) and the customer-area login. It calls the Relais tracker the way a
 * bank's web team would: `init`, `consent`, `track`, `identify`, `reset`; the page views,
 * tracked clicks and tracked forms are the tracker's own work.
 */
import type * as RelaisTrackerApi from '#web/tracker/src/index.ts';
import type { DemoSiteConfig } from '../../demo-site.ts';

// Globals set by `/config.js` (written by the demo site's server) and the tracker script.
declare const RELAIS_DEMO: DemoSiteConfig;
declare const RelaisTracker: typeof RelaisTrackerApi;

const tracker = RelaisTracker;
tracker.init({ apiUrl: RELAIS_DEMO.apiUrl, writeKey: RELAIS_DEMO.writeKey });

const pageName = document.body.dataset.page;
const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
const randomId = (prefix: string) =>
  `${prefix}-${Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => b.toString(16).padStart(2, '0')).join('')}`;

// ---------------------------------------------------------------------------------------------
// Consent banner: refusing is as easy as accepting, and the choice can be changed at any time.

/** What the page tracks on its own (product views): at load once consent is known, and on accept. */
const pageStarted: (() => void)[] = [];

const banner = document.createElement('section');
banner.className = 'consent';
banner.setAttribute('aria-label', 'Cookies et mesure d’audience');
banner.innerHTML = `<div>
  <p>Banque Relais mesure l’audience de son site pour l’améliorer et vous proposer des offres adaptées.
  Rien n’est enregistré sans votre accord ; vous pouvez changer d’avis à tout moment depuis « Gestion des cookies ».</p>
  <div class="actions">
    <button type="button" class="button" data-consent="refuse">Tout refuser</button>
    <button type="button" class="button primary" data-consent="accept">Tout accepter</button>
  </div>
</div>`;
banner.hidden = tracker.consentStatus() !== 'unknown';
document.body.append(banner);
banner.addEventListener('click', (event) => {
  const choice = (event.target as Element).closest('[data-consent]')?.getAttribute('data-consent');
  if (!choice) return;
  const wasGranted = tracker.consentStatus() === 'granted';
  tracker.consent({ analytics: choice === 'accept' });
  banner.hidden = true;
  if (choice === 'accept' && !wasGranted) for (const start of pageStarted) start();
});
for (const button of document.querySelectorAll('[data-consent-open]')) {
  button.addEventListener('click', () => {
    banner.hidden = false;
  });
}

const onPageStart = (start: () => void) => {
  pageStarted.push(start);
  if (tracker.consentStatus() === 'granted') start();
};

// ---------------------------------------------------------------------------------------------
// Loan page: a product view, the simulator (started at the first change, completed on submit) and
// the loan request that follows a simulation (the funnel's subscription step).

const rates: Record<string, number> = { '10': 3.1, '15': 3.25, '20': 3.4, '25': 3.55 };

const setUpSimulator = (form: HTMLFormElement) => {
  const output = document.querySelector<HTMLOutputElement>('#resultat');
  const request = document.querySelector<HTMLElement>('#demande');
  const requested = document.querySelector<HTMLElement>('#demande-envoyee');
  let simulationId: string | undefined;
  const start = () => {
    if (simulationId) return simulationId;
    simulationId = randomId('sim');
    tracker.track('simulation_started', { simulationId, product: 'pret-immo' });
    return simulationId;
  };
  form.addEventListener('input', start);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const project = Number((form.elements.namedItem('montant') as HTMLInputElement).value);
    const downPayment = Number((form.elements.namedItem('apport') as HTMLInputElement).value || 0);
    const years = (form.elements.namedItem('duree') as HTMLSelectElement).value;
    const rate = rates[years];
    if (!output || !request || !requested) return;
    requested.hidden = true;
    request.hidden = true;
    // What is borrowed is the project less the down payment.
    const amount = project - downPayment;
    if (!Number.isFinite(downPayment) || downPayment < 0 || downPayment >= project) {
      output.textContent = 'L’apport doit être positif et inférieur au montant du projet.';
      return;
    }
    if (!rate || !Number.isFinite(amount) || amount < 10_000 || amount > 2_000_000) {
      output.textContent =
        'Le montant à emprunter (projet moins apport) doit être entre 10 000 € et 2 000 000 €.';
      return;
    }
    const months = Number(years) * 12;
    const monthlyRate = rate / 100 / 12;
    const monthly = Math.round(((amount * monthlyRate) / (1 - (1 + monthlyRate) ** -months)) * 100) / 100;
    output.textContent = `Montant emprunté : ${euros.format(amount)}. Mensualité : ${euros.format(monthly)} pendant ${years} ans (taux ${rate.toLocaleString('fr-FR', { minimumFractionDigits: 2 })} %), coût des intérêts : ${euros.format(monthly * months - amount)}.`;
    tracker.track('simulation_completed', {
      simulationId: start(),
      product: 'pret-immo',
      amount,
      durationMonths: months,
      monthlyPayment: monthly,
    });
    simulationId = undefined;
    request.hidden = false;
  });
  request?.querySelector('button')?.addEventListener('click', () => {
    tracker.track('transaction', { kind: 'subscription', product: 'pret-immo', amountBand: '>5k' });
    if (request) request.hidden = true;
    if (requested) requested.hidden = false;
  });
};

// ---------------------------------------------------------------------------------------------
// Savings page: one address per tab, changed without reloading the page.

const setUpSavingsTabs = () => {
  const tabs = [...document.querySelectorAll<HTMLAnchorElement>('[data-tab]')];
  const show = (slug: string) => {
    const chosen = tabs.some((tab) => tab.dataset.tab === slug) ? slug : 'livret-a';
    for (const tab of tabs) tab.setAttribute('aria-selected', String(tab.dataset.tab === chosen));
    for (const panel of document.querySelectorAll<HTMLElement>('[data-panel]')) {
      panel.hidden = panel.dataset.panel !== chosen;
      if (!panel.hidden) document.title = `Banque Relais — Épargne — ${panel.dataset.title}`;
    }
    return chosen;
  };
  const slugOfPath = () => location.pathname.split('/')[2] ?? '';
  let shown = show(slugOfPath());
  onPageStart(() => tracker.track('product_view', { product: shown, family: 'savings' }));
  for (const tab of tabs) {
    tab.addEventListener('click', (event) => {
      event.preventDefault();
      shown = show(tab.dataset.tab ?? '');
      history.pushState({ slug: shown }, '', `/epargne/${shown}`);
      tracker.track('product_view', { product: shown, family: 'savings' });
    });
  }
  window.addEventListener('popstate', () => {
    shown = show(slugOfPath());
  });
};

// ---------------------------------------------------------------------------------------------
// Customer area: a login by customer number (the demo bank's customers), then `identify`.

type DemoSession = { customerId: string; firstName: string; identityToken: string };
const sessionKey = 'banque_relais_session';

const setUpCustomerArea = () => {
  const loginPanel = document.querySelector<HTMLElement>('#connexion');
  const areaPanel = document.querySelector<HTMLElement>('#espace');
  const form = document.querySelector<HTMLFormElement>('#formulaire-connexion');
  const error = document.querySelector<HTMLElement>('#erreur-connexion');
  const hint = document.querySelector<HTMLElement>('#clients-demo');
  if (!loginPanel || !areaPanel || !form || !error) return;
  if (hint && RELAIS_DEMO.demoCustomers.length) {
    hint.textContent = `Clients de démonstration : ${RELAIS_DEMO.demoCustomers
      .map((customer) => `${customer.number} (${customer.name})`)
      .join(', ')} — n’importe quel code secret.`;
  }
  const render = () => {
    const session = JSON.parse(sessionStorage.getItem(sessionKey) ?? 'null') as DemoSession | null;
    loginPanel.hidden = Boolean(session);
    areaPanel.hidden = !session;
    const hello = document.querySelector('#bonjour');
    if (session && hello) hello.textContent = `Bonjour ${session.firstName}`;
  };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const identifier = (form.elements.namedItem('identifiant') as HTMLInputElement).value.trim();
    error.hidden = true;
    // The secret code stays on the page: the demo bank checks only that the customer exists.
    const response = await fetch('/api/connexion', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ identifiant: identifier, visiteur: tracker.visitorId() }),
    });
    if (!response.ok) {
      error.textContent = 'Numéro client inconnu. Essayez l’un des clients de démonstration.';
      error.hidden = false;
      return;
    }
    const session = (await response.json()) as DemoSession;
    sessionStorage.setItem(sessionKey, JSON.stringify(session));
    tracker.identify(session.customerId, session.identityToken, { method: 'password' });
    form.reset();
    render();
  });
  document.querySelector('#deconnexion')?.addEventListener('click', () => {
    sessionStorage.removeItem(sessionKey);
    tracker.reset();
    render();
  });
  render();
};

if (pageName === 'credit-immobilier') {
  onPageStart(() => tracker.track('product_view', { product: 'pret-immo', family: 'loan' }));
  const form = document.querySelector<HTMLFormElement>('#simulateur');
  if (form) setUpSimulator(form);
}
if (pageName === 'epargne') setUpSavingsTabs();
if (pageName === 'espace-client') setUpCustomerArea();
