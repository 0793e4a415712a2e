/** `/auth/callback`: the hosted UI sends the user here with a code; trade it and go back. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Loading } from '#web/src/components/ui/status.tsx';
import { beginSignIn, completeSignIn } from '#web/src/lib/auth.ts';

export const AuthCallbackRoute = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    completeSignIn(window.location.search).then(
      (returnTo) => navigate(returnTo, { replace: true }),
      () => setFailed(true),
    );
  }, [navigate]);

  if (!failed) return <Loading label={t('app.signingIn')} />;
  return (
    <main id="main" className="page page-narrow">
      <section className="card" role="alert">
        <h1>{t('errors.signIn')}</h1>
        <button type="button" className="button button-primary" onClick={() => void beginSignIn('/')}>
          {t('errors.signInAgain')}
        </button>
      </section>
    </main>
  );
};
