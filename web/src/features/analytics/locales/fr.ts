/**
 * French messages of the analyst screen: the `analytics` namespace. The lake's vocabularies
 * (channels, event types) are typed against the schemas, so a new value cannot be forgotten;
 * segments are in `common`.
 */
import type { ChannelEventType } from '#schemas/channels/channel-event.ts';
import type { Channel } from '#schemas/channels/write-key.ts';
import type { DomainEventType } from '#schemas/events/index.ts';

type Labels<K extends string> = Record<K, string>;
/** What the lake's `event_type` holds: channel events, and the domain events by detail-type. */
type LakeEventType = ChannelEventType | Exclude<DomainEventType, 'ChannelEvent'>;

export const fr = {
  title: 'Analyses',
  subtitle: "Requêtes enregistrées sur le lac d'interactions, aux données pseudonymisées.",
  queries: 'Requêtes enregistrées',
  queriesEmpty: 'Aucune requête enregistrée.',
  /** The browser tab: the query, then the screen. */
  documentTitle: '{{query}} · Analyses',
  version: 'version {{version}}',
  parameters: 'Paramètres',
  noParameters: "Cette requête n'a pas de paramètre.",
  run: 'Lancer la requête',
  running: 'Requête en cours…',
  /** While a run goes on, the whole seconds since it started. */
  runningFor_one: 'Requête en cours… {{count, number}} s écoulée',
  runningFor_many: 'Requête en cours… {{count, number}} s écoulées',
  runningFor_other: 'Requête en cours… {{count, number}} s écoulées',
  failed: 'La requête a échoué',
  rows_zero: 'Aucune ligne',
  rows_one: '{{count, number}} ligne',
  rows_many: '{{count, number}} de lignes',
  rows_other: '{{count, number}} lignes',
  /** How long the run took (seconds, formatted) and on which engine. */
  stats: 'en {{duration}} s · {{engine}}',
  statsScanned: 'en {{duration}} s · {{engine}} · {{megabytes}} Mo lus',
  /** Engines by code (an open list: an unknown engine shows as sent). */
  engines: { athena: 'Athena', duckdb: 'DuckDB (lac local)' },
  empty: 'Aucune donnée sur cette période.',
  emptyHint: "Élargissez la période ou changez les filtres : les jours sans événement n'apparaissent pas.",
  chart: 'Graphique',
  /** The chart's accessible name: the values, then what they are given by. */
  chartLabel: '{{y}} par {{x}}',
  chartSummed: 'Valeurs additionnées par libellé.',
  chartTableHint: 'Les mêmes valeurs sont dans le tableau ci-dessous.',
  table: 'Tableau',
  download: 'Télécharger en CSV',
  pickQuery: 'Choisissez une requête dans la liste.',
  notAllowed: 'Accès réservé aux analystes',
  notAllowedHint:
    "Les analyses du lac d'interactions sont réservées au rôle Analyste. Demandez l'accès à votre administrateur si vous en avez besoin.",
  home: "Retour à l'accueil",
  invalidDate: 'Saisissez une date valide (JJ/MM/AAAA).',
  invalidInteger: 'Saisissez un nombre entier.',
  invalidRange: 'La date de début doit être antérieure ou égale à la date de fin.',
  requiredChoice: 'Choisissez une valeur dans la liste.',
  choose: 'Choisissez…',
  /** Labels of the parameters shown as lists (the API's labels describe a text box). */
  lists: { channel: 'Canal', segment: 'Segment', eventType: "Type d'événement" },
  allOptions: { channel: 'Tous les canaux', segment: 'Tous les segments', eventType: 'Tous les types' },
  channels: {
    web: 'Site web',
    ios: 'Application iOS',
    android: 'Application Android',
    branch_tablet: 'Tablette en agence',
    contact_centre: 'Centre de contact',
  } as const satisfies Labels<Channel>,
  eventTypes: {
    page_view: 'Page vue',
    screen_view: 'Écran vu',
    click: 'Clic',
    form_submit: 'Formulaire envoyé',
    search: 'Recherche',
    product_view: 'Produit consulté',
    simulation_started: 'Simulation commencée',
    simulation_completed: 'Simulation terminée',
    identify: 'Connexion identifiée',
    logout: 'Déconnexion',
    app_open: "Ouverture de l'application",
    transaction: 'Opération',
    custom: 'Événement personnalisé',
    CustomerCreated: 'Fiche client créée',
    CustomerUpdated: 'Fiche client modifiée',
    KycStatusChanged: 'Statut KYC modifié',
    ConsentChanged: 'Consentement modifié',
    IdentityLinked: 'Appareil associé',
    IdentityUnlinked: 'Appareil dissocié',
  } as const satisfies Labels<LakeEventType>,
  /** Result columns by name (an open list: an unknown column shows its name). */
  columns: {
    day: 'Jour',
    active_customers: 'Clients actifs',
    visitors: 'Visiteurs',
    events: 'Événements',
    channel_mix: 'Canaux utilisés',
    channels: 'Nombre de canaux',
    customers: 'Clients',
    share_pct: 'Part (%)',
    avg_events: 'Événements par client',
    rank: 'Rang',
    path: 'Parcours',
    sessions: 'Sessions',
    avg_pages: 'Pages par session',
    avg_duration_s: 'Durée moyenne (s)',
    step: 'Étape',
    stage: 'Étape du parcours',
    people: 'Personnes',
    pct_of_viewers: '% des visiteurs du produit',
    pct_of_previous: "% de l'étape précédente",
    segment: 'Segment',
    product: 'Produit',
    views: 'Fiches vues',
    simulations: 'Simulations',
  },
  /** Stages of the product funnel (an open list). */
  stages: {
    product_view: 'Produit consulté',
    simulation_completed: 'Simulation terminée',
    subscription: 'Souscription',
  },
} as const;
