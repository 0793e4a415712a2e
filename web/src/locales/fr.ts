/**
 * French, the default language of Relais: the `common` namespace, what the app shell and the
 * shared components say (the features have their own namespaces, in `features/<feature>/locales/`).
 * English has the same keys (`Translation`). API values shared by several features (roles,
 * segments) are translated here, typed against the schemas so a new value cannot be forgotten.
 */
import type { Customer } from '#schemas/customers/customer.ts';
import type { Role } from '#schemas/roles.ts';

type Labels<K extends string> = Record<K, string>;

export const fr = {
  app: {
    name: 'Relais',
    skipToContent: 'Aller au contenu',
    loading: 'Chargement…',
    signingIn: 'Connexion en cours…',
    configError: 'Relais ne peut pas démarrer : la configuration est introuvable ou invalide.',
  },
  header: {
    mainNav: 'Navigation principale',
    customers: 'Clients',
    analytics: 'Analyses',
    simulator: 'Simulateur',
    pipeline: 'Affaires',
    privacy: 'Demandes RGPD',
    language: 'Langue',
    logout: 'Se déconnecter',
    user: 'Utilisateur connecté',
    branch: 'Agence {{name}}',
    allBranches: 'Toutes agences',
    /** The user's roles, then their branch. */
    userMeta: '{{roles, list}} · {{branch}}',
    logoutUnsaved: {
      title: 'Se déconnecter sans enregistrer ?',
      body: 'Vos modifications en cours ne sont pas enregistrées. Si vous vous déconnectez, elles seront perdues.',
      stay: 'Rester connecté',
      leave: 'Se déconnecter',
    },
  },
  languages: { fr: 'Français', en: 'English' },
  roles: {
    advisor: 'Conseiller',
    branch_manager: "Directeur d'agence",
    service_agent: 'Conseiller relation client',
    compliance_officer: 'Responsable conformité',
    privacy_officer: 'Délégué à la protection des données',
    marketer: 'Marketing',
    analyst: 'Analyste',
    admin: 'Administrateur',
  } as const satisfies Labels<Role>,
  /** Customer segments: the customer file shows them, the analyses filter and group by them. */
  segments: {
    mass_market: 'Grand public',
    affluent: 'Patrimonial',
    private_banking: 'Banque privée',
    professional: 'Professionnels',
    young: 'Jeunes',
  } as const satisfies Labels<Customer['segment']>,
  /** Balance bands (`formatBalanceBand`), the amounts already formatted. */
  balance: {
    below: 'moins de {{amount}}',
    above: 'plus de {{amount}}',
    between: '{{low}} à {{high}}',
  },
  errors: {
    title: 'Une erreur est survenue',
    network: 'Le service est injoignable. Vérifiez votre connexion puis réessayez.',
    generic: 'Le service a rencontré un problème. Réessayez dans un instant.',
    retry: 'Réessayer',
    signIn: 'La connexion a échoué.',
    signInAgain: 'Se reconnecter',
    notFound: 'Page introuvable',
    notFoundHint: "L'adresse ne correspond à aucune page de Relais.",
    home: "Retour à l'accueil",
    /** What an API refusal means, by HTTP status, in the user's words (the API speaks English). */
    byStatus: {
      400: {
        title: 'Demande incomplète ou incorrecte',
        detail: 'Vérifiez les champs signalés puis réessayez.',
      },
      403: {
        title: 'Action non autorisée',
        detail:
          'Votre rôle ne permet pas cette action. Adressez-vous à votre responsable si vous en avez besoin.',
      },
      404: { title: 'Introuvable', detail: "Cet élément n'existe pas ou n'est pas dans votre périmètre." },
      409: {
        title: 'Modifié entre-temps',
        detail:
          "Quelqu'un a modifié ces informations depuis que vous les avez ouvertes. Rechargez-les puis refaites votre modification.",
      },
      413: { title: 'Envoi trop volumineux', detail: 'Réduisez la taille de ce que vous envoyez.' },
      422: {
        title: 'Demande déjà envoyée autrement',
        detail: 'Cette demande a déjà été envoyée avec un autre contenu. Recommencez depuis le début.',
      },
      428: {
        title: 'Version manquante',
        detail: 'Rechargez la page avant de modifier : aucune modification ne doit être perdue.',
      },
      503: {
        title: 'Service momentanément indisponible',
        detail:
          "Réessayez dans quelques secondes. Si vous enregistriez, rechargez d'abord pour voir si votre modification a été prise en compte.",
      },
    },
  },
  home: {
    title: 'Bienvenue dans Relais',
    marketer:
      'Votre espace marketing : les campagnes (ciblage, règles de pression commerciale, populations témoins, rapports) arrivent avec une prochaine version. Les fiches clients ne vous sont pas ouvertes : le marketing travaille sur des agrégats.',
    other: "Aucun écran de Relais n'est encore ouvert à votre rôle. Adressez-vous à votre administrateur.",
  },
} as const;
