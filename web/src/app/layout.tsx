/**
 * The signed-in shell: skip link, header (product, user, language, sign-out) and the page.
 * Without a live session it sends the user to sign in, back to the page they asked for.
 */
import { useEffect } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { Loading } from '../components/ui/status.tsx';
import { beginSignIn, readSession, type SessionUser, signOut } from '../lib/auth.ts';
import { useBranchNames } from '../lib/branches.ts';
import { type Lang, languages, useI18n } from '../lib/i18n.ts';
import { seesAnalytics, seesCustomers } from '../lib/role-homes.ts';

const LanguageSwitch = () => {
  const { t, lang, setLang } = useI18n();
  return (
    <fieldset className="lang-switch">
      <legend className="visually-hidden">{t.header.language}</legend>
      {languages.map((option: Lang) => (
        <button
          key={option}
          type="button"
          lang={option}
          aria-pressed={lang === option}
          aria-label={t.languages[option]}
          onClick={() => setLang(option)}
        >
          {option.toUpperCase()}
        </button>
      ))}
    </fieldset>
  );
};

const UserBadge = ({ user }: { user: SessionUser }) => {
  const { t } = useI18n();
  const branches = useBranchNames();
  const role = user.roles.map((r) => t.roles[r]).join(', ');
  const branch = user.branchId
    ? t.header.branch(branches.get(user.branchId) ?? user.branchId)
    : t.header.allBranches;
  return (
    <section className="user-badge" aria-label={t.header.user}>
      <span className="user-name">{user.name}</span>
      <span className="user-meta">
        {role} · {branch}
      </span>
    </section>
  );
};

export const AppLayout = () => {
  const { t } = useI18n();
  const location = useLocation();
  const session = readSession();

  useEffect(() => {
    if (!session) void beginSignIn();
  }, [session]);

  // Each page starts at the top, as a new document would.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on navigation on purpose
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [location.pathname]);

  if (!session) return <Loading label={t.app.signingIn} />;
  return (
    <>
      <a href="#main" className="skip-link">
        {t.app.skipToContent}
      </a>
      <header className="app-header">
        <div className="header-inner">
          <Link to="/" className="brand">
            <span className="brand-mark" aria-hidden="true">
              R
            </span>
            {t.app.name}
          </Link>
          <nav aria-label={t.header.mainNav} className="main-nav">
            {seesCustomers(session.user.roles) ? (
              <NavLink to="/" end>
                {t.header.customers}
              </NavLink>
            ) : null}
            {seesAnalytics(session.user.roles) ? (
              <NavLink to="/analytics">{t.header.analytics}</NavLink>
            ) : null}
          </nav>
          <UserBadge user={session.user} />
          <div className="header-actions">
            <LanguageSwitch />
            <button type="button" className="button button-ghost" onClick={signOut}>
              {t.header.logout}
            </button>
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
};
