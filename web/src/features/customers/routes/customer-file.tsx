/** The customer file (fiche client): profile, holdings, consents and history in one read. */
import { useEffect, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/ui/error-alert.tsx';
import { Loading, Notice } from '../../../components/ui/status.tsx';
import { currentUser } from '../../../lib/auth.ts';
import { useDocumentTitle } from '../../../lib/document-title.ts';
import { useI18n } from '../../../lib/i18n.ts';
import { useCustomer360 } from '../api/get-customer-360.ts';
import { AuditTrail } from '../components/audit-trail.tsx';
import { ConsentsGrid } from '../components/consents-grid.tsx';
import { CustomerName, customerDisplayName } from '../components/customer-name.tsx';
import { CustomerTimeline } from '../components/customer-timeline.tsx';
import { HoldingsTable } from '../components/holdings-table.tsx';
import { isOutOfScope, OutOfScope } from '../components/out-of-scope.tsx';
import { ProfileCard } from '../components/profile-card.tsx';

export const CustomerFileRoute = () => {
  const { customerId = '' } = useParams();
  const { t } = useI18n();
  const location = useLocation();
  const file = useCustomer360(customerId);
  const user = currentUser();
  const navigate = useNavigate();
  // The "saved" notice belongs to this visit: forget it in history so a reload does not repeat it.
  const [saved] = useState(() => (location.state as { saved?: boolean } | null)?.saved === true);
  useEffect(() => {
    if (saved) navigate('.', { replace: true, state: null });
  }, [saved, navigate]);
  useDocumentTitle(file.data ? customerDisplayName(file.data.customer) : undefined);

  if (file.error && isOutOfScope(file.error)) return <OutOfScope />;
  if (!file.data) {
    return file.error ? (
      <ErrorAlert error={file.error} onRetry={() => void file.refetch()} />
    ) : (
      <Loading label={t.app.loading} />
    );
  }
  const { customer, advisor, holdings, consents, timeline } = file.data;
  return (
    <div className="page page-file">
      <Link to="/" className="back-link">
        ← {t.customer.back}
      </Link>
      <div className="page-head">
        <div>
          <h1>
            <CustomerName customer={customer} />
          </h1>
          <p className="page-subtitle">
            {t.customer.customerNumber} <span className="mono">{customer.customerNumber}</span> ·{' '}
            {t.enums.kind[customer.kind]} · {t.enums.segment[customer.segment]}
          </p>
        </div>
        <Link to={`/customers/${encodeURIComponent(customer.id)}/edit`} className="button button-primary">
          {t.customer.edit}
        </Link>
      </div>
      {saved ? <Notice>{t.customer.saved}</Notice> : null}
      <ProfileCard
        customer={customer}
        {...(advisor ? { advisorName: advisor.name } : {})}
        {...(user ? { viewer: user } : {})}
      />
      <HoldingsTable holdings={holdings} />
      <div className="two-columns">
        <ConsentsGrid consents={consents} />
        <CustomerTimeline entries={timeline} />
      </div>
      {user?.roles.includes('admin') ? <AuditTrail customerId={customer.id} /> : null}
    </div>
  );
};
