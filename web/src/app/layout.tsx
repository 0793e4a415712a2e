/**
 * The signed-in shell: skip link, header (product, user, language, sign-out) and the page.
 * Without a live session it sends the user to sign in, back to the page they asked for. On
 * every change of page it starts at the top and moves the focus to the page's heading (for
 * screen-reader and keyboard users), whatever the page.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { ConfirmDialog } from '#web/src/components/ui/confirm-dialog.tsx';
import { Loading } from '#web/src/components/ui/status.tsx';
import { beginSignIn, readSession, type SessionUser, signOut } from '#web/src/lib/auth.ts';
import { useBranchNames } from '#web/src/lib/branches.ts';
import { languages, setLang, useLocale } from '#web/src/lib/i18n.ts';
import {
  seesAnalytics,
  seesCustomers,
  seesPipeline,
  seesPrivacyRequests,
  seesSimulator,
} from '#web/src/lib/role-homes.ts';
import { focusPageHeading } from '#web/src/lib/route-focus.ts';
import { hasUnsavedChanges } from '#web/src/lib/unsaved-changes.ts';

const LanguageSwitch = () => {
  const { t } = useTranslation();
  const { lang } = useLocale();
  return (
    <fieldset className="lang-switch">
      <legend className="visually-hidden">{t('header.language')}</legend>
      {languages.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          aria-pressed={lang === option}
          aria-label={t(`languages.${option}`)}
          onClick={() => setLang(option)}
        >
          {option.toUpperCase()}
        </button>
      ))}
    </fieldset>
  );
};

const UserBadge = ({ user }: { user: SessionUser }) => {
  const { t } = useTranslation();
  const branches = useBranchNames();
  const branch = user.branchId
    ? t('header.branch', { name: branches.get(user.branchId) ?? user.branchId })
    : t('header.allBranches');
  return (
    <section className="user-badge" aria-label={t('header.user')}>
      <span className="user-name">{user.name}</span>
      <span className="user-meta">
        {t('header.userMeta', { roles: user.roles.map((role) => t(`roles.${role}`)), branch })}
      </span>
    </section>
  );
};

/** Sign-out, asked first when a page has unsaved changes. */
const SignOutButton = () => {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button button-ghost"
        onClick={() => (hasUnsavedChanges() ? setAsking(true) : signOut())}
      >
        {t('header.logout')}
      </button>
      {asking ? (
        <ConfirmDialog
          title={t('header.logoutUnsaved.title')}
          cancelLabel={t('header.logoutUnsaved.stay')}
          confirmLabel={t('header.logoutUnsaved.leave')}
          onCancel={() => setAsking(false)}
          onConfirm={signOut}
        >
          <p>{t('header.logoutUnsaved.body')}</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
};

export const AppLayout = () => {
  const { t } = useTranslation();
  const location = useLocation();
  const session = readSession();
  const main = useRef<HTMLElement>(null);
  /** The page shown: the first one is the document's, where the browser puts the focus itself. */
  const shown = useRef(location.pathname);

  useEffect(() => {
    if (!session) void beginSignIn();
  }, [session]);

  // Each page starts at the top, as a new document would, with the focus on its heading.
  useEffect(() => {
    window.scrollTo(0, 0);
    if (shown.current === location.pathname || !main.current) return;
    shown.current = location.pathname;
    return focusPageHeading(main.current);
  }, [location.pathname]);

  if (!session) return <Loading label={t('app.signingIn')} />;
  return (
    <>
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <div className="header-inner">
          <Link to="/" className="brand">
            <span className="brand-mark" aria-hidden="true">
              R
            </span>
            {t('app.name')}
          </Link>
          <nav aria-label={t('header.mainNav')} className="main-nav">
            {seesCustomers(session.user.roles) ? (
              <NavLink to="/" end>
                {t('header.customers')}
              </NavLink>
            ) : null}
            {seesPipeline(session.user.roles) ? (
              <NavLink to="/pipeline">{t('header.pipeline')}</NavLink>
            ) : null}
            {seesSimulator(session.user.roles) ? (
              <NavLink to="/simulator">{t('header.simulator')}</NavLink>
            ) : null}
            {seesAnalytics(session.user.roles) ? (
              <NavLink to="/analytics">{t('header.analytics')}</NavLink>
            ) : null}
            {seesPrivacyRequests(session.user.roles) ? (
              <NavLink to="/privacy">{t('header.privacy')}</NavLink>
            ) : null}
          </nav>
          <UserBadge user={session.user} />
          <div className="header-actions">
            <LanguageSwitch />
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} ref={main}>
        <Outlet />
      </main>
    </>
  );
};
