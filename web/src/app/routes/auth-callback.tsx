/** `/auth/callback`: the hosted UI sends the user here with a code; trade it and go back. */
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { Loading } from '../../components/ui/status.tsx';
import { beginSignIn, completeSignIn } from '../../lib/auth.ts';
import { useI18n } from '../../lib/i18n.ts';

export const AuthCallbackRoute = () => {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    completeSignIn(window.location.search).then(
      (returnTo) => navigate(returnTo, { replace: true }),
      () => setFailed(true),
    );
  }, [navigate]);

  if (!failed) return <Loading label={t.app.signingIn} />;
  return (
    <main id="main" className="page page-narrow">
      <section className="card" role="alert">
        <h1>{t.errors.signIn}</h1>
        <button type="button" className="button button-primary" onClick={() => void beginSignIn('/')}>
          {t.errors.signInAgain}
        </button>
      </section>
    </main>
  );
};
