/** French messages of the privacy officer's screen: the `privacy` namespace. */
import type {
  ErasureReport,
  PrivacyRequestKind,
  PrivacyRequestState,
} from '#schemas/platform/privacy-request.ts';

type Labels<K extends string> = Record<K, string>;
type ErasureScope = ErasureReport['scope'];

export const fr = {
  title: 'Demandes RGPD',
  subtitle:
    "Les demandes d'accès et d'effacement des clients : la banque doit répondre dans le mois qui suit leur réception.",
  notAllowed: 'Écran réservé au délégué à la protection des données',
  notAllowedHint: 'Les demandes RGPD des clients sont traitées par le DPO et son équipe.',
  home: "Retour à l'accueil",
  open: {
    title: 'Ouvrir une demande',
    kind: 'Type de demande',
    erasureHint:
      "Rien n'est encore effacé : la demande montre ce qui sera supprimé et ce que la loi conserve, et l'effacement commence quand vous le confirmez.",
    customerNumber: 'N° client',
    customerNumberHint: 'Le numéro figurant sur les relevés du client, par exemple C9000000042.',
    receivedOn: 'Reçue le',
    receivedOnHint: 'Le délai légal court à partir de ce jour.',
    note: 'Note',
    noteHint:
      "Comment la demande est arrivée et comment l'identité a été vérifiée ; aucune autre donnée personnelle.",
    submit: 'Ouvrir la demande',
    submitting: 'Ouverture…',
    opened: 'Demande ouverte pour {{name}}, à traiter avant le {{due}}.',
    notFound: 'Aucun client ne porte ce numéro.',
    required: 'Indiquez le numéro du client.',
  },
  list: {
    retention: 'Ouverte d’office : durée de conservation échue le {{dueOn}}',
    title: 'Demandes en cours',
    caption: 'Demandes RGPD en cours, la plus urgente en premier',
    empty: 'Aucune demande en cours.',
    customer: 'Client',
    kind: 'Demande',
    receivedOn: 'Reçue le',
    dueOn: 'À traiter avant le',
    state: 'État',
    actions: 'Actions',
    /** Days left before the legal deadline (negative: late). */
    daysLeft_one: 'encore {{count, number}} jour',
    daysLeft_many: 'encore {{count, number}} jours',
    daysLeft_other: 'encore {{count, number}} jours',
    dueToday: "échéance aujourd'hui",
    late_one: 'en retard de {{count, number}} jour',
    late_many: 'en retard de {{count, number}} jours',
    late_other: 'en retard de {{count, number}} jours',
    progress: 'Étape {{done, number}} sur {{total, number}}',
    /** The step running, e.g. « Fichier client, étape 1 sur 3 ». */
    stepOf: '{{step}}, étape {{index, number}} sur {{total, number}}',
    download: "Télécharger l'export",
    downloading: 'Préparation du lien…',
    delivered: 'Téléchargé le {{at}}',
    titleAll: 'Toutes les demandes',
    captionAll: 'Toutes les demandes RGPD, la plus urgente en premier',
    emptyAll: 'Aucune demande.',
    showAll: 'Afficher aussi les demandes traitées',
    review: 'Vérifier et confirmer',
    follow: 'Suivre',
    report: 'Voir le rapport',
  },
  /** The steps of the jobs, as `progress.step` names them. */
  steps: {
    file: 'Fichier client',
    audit: "Journal d'audit",
    lake: 'Lac de données',
    archive: 'Archive',
    report: 'Rapport',
  },
  panel: {
    title: {
      access: 'Accès aux données de {{name}}',
      erasure: 'Effacement des données de {{name}}',
    } as const satisfies Labels<PrivacyRequestKind>,
    summary: 'Reçue le {{received}}, à traiter avant le {{due}}. État : {{state}}.',
    close: 'Fermer',
    cancel: 'Annuler',
    scope: {
      entirely: 'Prospect sans obligation de conservation : toutes ses données sont effacées.',
      exceptHeld:
        'Client soumis à la conservation anti-blanchiment : ce que la loi impose de garder est conservé, tout le reste est effacé.',
    } as const satisfies Labels<ErasureScope>,
    erase: 'Ce qui sera effacé',
    keep: 'Ce qui sera conservé, et pourquoi',
    expire: 'Ce qui disparaîtra de lui-même, et dans quel délai',
    why: 'Pourquoi :',
    within: 'Délai :',
    nothing: 'Rien.',
    logGroups_one: 'Les journaux d’exécution d’{{count, number}} fonction',
    logGroups_many: 'Les journaux d’exécution de {{count, number}} de fonctions',
    logGroups_other: 'Les journaux d’exécution de {{count, number}} fonctions',
    registryNote: 'Les descriptions viennent du registre des traitements.',
    irreversibleTitle: 'Effacement définitif',
    irreversible:
      "Une fois confirmé, l'effacement ne peut pas être annulé : les données listées comme effacées ne pourront pas être restaurées.",
    confirm: "Confirmer l'effacement",
    confirming: 'Confirmation…',
    conflictTitle: 'La demande a changé entre-temps',
    conflict:
      "Elle a été confirmée ailleurs, ou elle a changé depuis que vous l'avez ouverte. Elle vient d'être rechargée : relisez-la avant de continuer.",
    confirmedBy: 'Effacement confirmé par {{name}} le {{at}}.',
    waiting: "L'effacement va commencer.",
    lakeWait:
      "Le lac de données n'est nettoyé qu'une fois terminés les lots d'archivage en cours : comptez une à deux minutes.",
    failed: "L'effacement a échoué. Ouvrez une nouvelle demande pour le relancer.",
    exportReady: "L'export est prêt : téléchargez-le depuis la liste.",
    report: {
      title: "Rapport d'effacement",
      done: 'Effacement terminé le {{at}}.',
      scope: {
        entirely: 'Toutes les données du prospect ont été effacées.',
        exceptHeld: 'Les données du client ont été effacées, sauf ce que la loi impose de conserver.',
      } as const satisfies Labels<ErasureScope>,
      removed: 'Supprimé',
      kept: 'Conservé, et pourquoi',
      expiring: 'Disparaîtra de lui-même',
      count_zero: 'aucun élément',
      count_one: '{{count, number}} élément',
      count_many: '{{count, number}} éléments',
      count_other: '{{count, number}} éléments',
    },
  },
  kinds: {
    access: 'Accès et portabilité',
    erasure: 'Effacement',
  } as const satisfies Labels<PrivacyRequestKind>,
  states: {
    received: 'Reçue',
    awaitingConfirmation: 'À confirmer',
    inProgress: 'En cours',
    ready: 'Export prêt',
    completed: 'Terminée',
    failed: 'Échec',
  } as const satisfies Labels<PrivacyRequestState>,
} as const;
