/**
 * The home page, by role: customer search for those who work with customer files, the
 * analyses for analysts, the data protection requests for the privacy officer, and for the others a page saying what is theirs, never a search that
 * would answer "forbidden".
 */
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { readSession } from '#web/src/lib/auth.ts';
import { useDocumentTitle } from '#web/src/lib/document-title.ts';
import { seesAnalytics, seesCustomers, seesPrivacyRequests } from '#web/src/lib/role-homes.ts';
import { CustomerSearchRoute } from './customer-search.tsx';

const RoleHome = ({ marketer }: { marketer: boolean }) => {
  const { t } = useTranslation();
  useDocumentTitle(t('home.title'));
  return (
    <section className="card page-narrow">
      <h1>{t('home.title')}</h1>
      <p>{marketer ? t('home.marketer') : t('home.other')}</p>
    </section>
  );
};

export const HomeRoute = () => {
  const roles = readSession()?.user.roles ?? [];
  if (seesCustomers(roles)) return <CustomerSearchRoute />;
  if (seesAnalytics(roles)) return <Navigate to="/analytics" replace />;
  if (seesPrivacyRequests(roles)) return <Navigate to="/privacy" replace />;
  return <RoleHome marketer={roles.includes('marketer')} />;
};
