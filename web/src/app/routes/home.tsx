/**
 * The home page, by role: customer search for those who work with customer files, the
 * analyses for analysts, and for the others a page saying what is theirs, never a search that
 * would answer "forbidden".
 */
import { Navigate } from 'react-router';
import { CustomerSearchRoute } from '../../features/customers/routes/customer-search.tsx';
import { readSession } from '../../lib/auth.ts';
import { useDocumentTitle } from '../../lib/document-title.ts';
import { useI18n } from '../../lib/i18n.ts';
import { seesAnalytics, seesCustomers } from '../../lib/role-homes.ts';

const RoleHome = ({ marketer }: { marketer: boolean }) => {
  const { t } = useI18n();
  useDocumentTitle(t.home.title);
  return (
    <section className="card page-narrow">
      <h1>{t.home.title}</h1>
      <p>{marketer ? t.home.marketer : t.home.other}</p>
    </section>
  );
};

export const HomeRoute = () => {
  const roles = readSession()?.user.roles ?? [];
  if (seesCustomers(roles)) return <CustomerSearchRoute />;
  if (seesAnalytics(roles)) return <Navigate to="/analytics" replace />;
  return <RoleHome marketer={roles.includes('marketer')} />;
};
