/** English, on request: the `common` namespace, with the keys of the French one. */
import type { Translation } from '#web/src/lib/translation.ts';
import type { fr } from './fr.ts';

export const en: Translation<typeof fr> = {
  app: {
    name: 'Relais',
    skipToContent: 'Skip to content',
    loading: 'Loading…',
    signingIn: 'Signing you in…',
    configError: 'Relais cannot start: its configuration is missing or invalid.',
  },
  header: {
    mainNav: 'Main navigation',
    customers: 'Customers',
    analytics: 'Analytics',
    simulator: 'Simulator',
    pipeline: 'Pipeline',
    privacy: 'Data protection requests',
    language: 'Language',
    logout: 'Sign out',
    user: 'Signed-in user',
    branch: '{{name}} branch',
    allBranches: 'All branches',
    userMeta: '{{roles, list}} · {{branch}}',
    logoutUnsaved: {
      title: 'Sign out without saving?',
      body: 'Your changes in progress are not saved. If you sign out, they will be lost.',
      stay: 'Stay signed in',
      leave: 'Sign out',
    },
  },
  languages: { fr: 'Français', en: 'English' },
  roles: {
    advisor: 'Advisor',
    branch_manager: 'Branch manager',
    service_agent: 'Contact-centre agent',
    compliance_officer: 'Compliance officer',
    privacy_officer: 'Privacy officer',
    marketer: 'Marketer',
    analyst: 'Analyst',
    admin: 'Administrator',
  },
  segments: {
    mass_market: 'Mass market',
    affluent: 'Affluent',
    private_banking: 'Private banking',
    professional: 'Professionals',
    young: 'Young people',
  },
  balance: {
    below: 'under {{amount}}',
    above: 'over {{amount}}',
    between: '{{low}} to {{high}}',
  },
  errors: {
    title: 'Something went wrong',
    network: 'The service cannot be reached. Check your connection and try again.',
    generic: 'The service ran into a problem. Try again in a moment.',
    retry: 'Try again',
    signIn: 'Sign-in failed.',
    signInAgain: 'Sign in again',
    notFound: 'Page not found',
    notFoundHint: 'This address matches no page of Relais.',
    home: 'Back to home',
    byStatus: {
      400: { title: 'Incomplete or incorrect request', detail: 'Check the fields shown, then try again.' },
      403: {
        title: 'Not allowed',
        detail: 'Your role does not allow this action. Ask your manager if you need it.',
      },
      404: { title: 'Not found', detail: 'This does not exist or is outside your scope.' },
      409: {
        title: 'Changed in the meantime',
        detail: 'Someone changed this since you opened it. Reload it, then make your change again.',
      },
      413: { title: 'Too large', detail: 'Send less at a time.' },
      422: {
        title: 'Already sent differently',
        detail: 'This request was already sent with other content. Start again from the beginning.',
      },
      428: { title: 'Version missing', detail: 'Reload the page before editing, so that no change is lost.' },
      503: {
        title: 'Service briefly unavailable',
        detail:
          'Try again in a few seconds. If you were saving, reload first to see whether your change was kept.',
      },
    },
  },
  home: {
    title: 'Welcome to Relais',
    marketer:
      'Your marketing space: campaigns (targeting, contact-pressure rules, control groups, reports) come with a next release. Customer files are not open to you: marketing works on aggregates.',
    other: 'No screen of Relais is open to your role yet. Ask your administrator.',
  },
};
