/** French messages of the privacy officer's screen: the `privacy` namespace. */
import type { PrivacyRequestKind, PrivacyRequestState } from '#schemas/platform/privacy-request.ts';

type Labels<K extends string> = Record<K, string>;

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
    download: "Télécharger l'export",
    downloading: 'Préparation du lien…',
    delivered: 'Téléchargé le {{at}}',
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
