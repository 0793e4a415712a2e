/**
 * `/customers/:id`, the customer file (fiche client): profile, holdings, open deals, consents and
 * history in one read. The open deals (and the form that opens one) show to the roles the file
 * lists them to; once a deal is opened, the file is read again to list it.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { customerEditors } from '#schemas/roles.ts';
import { ErrorAlert } from '#web/src/components/ui/error-alert.tsx';
import { Loading, Notice } from '#web/src/components/ui/status.tsx';
import { customer360Key, useCustomer360 } from '#web/src/features/customers/api/get-customer-360.ts';
import { AssignmentForm } from '#web/src/features/customers/components/assignment-form.tsx';
import { AuditTrail } from '#web/src/features/customers/components/audit-trail.tsx';
import { ConsentsGrid } from '#web/src/features/customers/components/consents-grid.tsx';
import { CustomerName, customerDisplayName } from '#web/src/features/customers/components/customer-name.tsx';
import { CustomerTimeline } from '#web/src/features/customers/components/customer-timeline.tsx';
import { HoldingsTable } from '#web/src/features/customers/components/holdings-table.tsx';
import { KycDecisionForm } from '#web/src/features/customers/components/kyc-decision-form.tsx';
import { isOutOfScope, OutOfScope } from '#web/src/features/customers/components/out-of-scope.tsx';
import { ProfileCard } from '#web/src/features/customers/components/profile-card.tsx';
import { RelationshipForm } from '#web/src/features/customers/components/relationship-form.tsx';
import { useCustomersTranslation } from '#web/src/features/customers/i18n.ts';
import { canDecideKyc, canMoveBranch, canReassign } from '#web/src/features/customers/utils/decisions.ts';
import { CustomerDeals } from '#web/src/features/sales/components/customer-deals.tsx';
import { currentUser } from '#web/src/lib/auth.ts';
import { useDocumentTitle } from '#web/src/lib/document-title.ts';

export const CustomerFileRoute = () => {
  const { customerId = '' } = useParams();
  const { t } = useCustomersTranslation();
  const location = useLocation();
  const file = useCustomer360(customerId);
  const user = currentUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
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
      <Loading label={t('common:app.loading')} />
    );
  }
  const { customer, advisor, holdings, consents, openOpportunities, timeline, timelineCursor } = file.data;
  // The decisions show to the roles the API lets take them, and to nobody else.
  const decidesKyc = canDecideKyc(user, customer);
  // The end of the business relationship: the same roles, and only for a customer (not a prospect).
  const endsRelationship = decidesKyc && customer.kind !== 'prospect';
  const reassigns = canReassign(user, customer);
  // Who may edit the file's details, as the route table says (a compliance officer may not).
  const edits = user?.roles.some((role) => (customerEditors as readonly string[]).includes(role)) ?? false;
  const reload = () => file.refetch();
  // What every decision form of the file gets: the customer, and the reload after a conflict.
  const decisionProps = { customer, onReload: reload, reloading: file.isFetching };
  return (
    <div className="page page-file">
      <Link to="/" className="back-link">
        ← {t('customer.back')}
      </Link>
      <div className="page-head">
        <div>
          <h1>
            <CustomerName customer={customer} />
          </h1>
          <p className="page-subtitle">
            {t('customer.customerNumber')} <span className="mono">{customer.customerNumber}</span> ·{' '}
            {t(`enums.kind.${customer.kind}`)} · {t(`common:segments.${customer.segment}`)}
          </p>
        </div>
        {edits ? (
          <Link to={`/customers/${encodeURIComponent(customer.id)}/edit`} className="button button-primary">
            {t('customer.edit')}
          </Link>
        ) : null}
      </div>
      {saved ? <Notice>{t('customer.saved')}</Notice> : null}
      <ProfileCard
        customer={customer}
        {...(advisor ? { advisorName: advisor.name } : {})}
        {...(user ? { viewer: user } : {})}
      />
      {decidesKyc || reassigns ? (
        <div className="two-columns decisions">
          {decidesKyc ? <KycDecisionForm key={customer.id} {...decisionProps} /> : null}
          {endsRelationship ? <RelationshipForm key={customer.id} {...decisionProps} /> : null}
          {reassigns ? (
            <AssignmentForm
              key={customer.id}
              {...decisionProps}
              {...(advisor ? { advisorName: advisor.name } : {})}
              canMoveBranch={canMoveBranch(user)}
            />
          ) : null}
        </div>
      ) : null}
      <HoldingsTable holdings={holdings} />
      {openOpportunities ? (
        <CustomerDeals
          key={customer.id}
          customerId={customer.id}
          deals={openOpportunities}
          refresh={() => queryClient.invalidateQueries({ queryKey: customer360Key(customer.id) })}
        />
      ) : null}
      <div className="two-columns">
        <ConsentsGrid consents={consents} />
        <CustomerTimeline
          customerId={customer.id}
          entries={timeline}
          {...(timelineCursor ? { cursor: timelineCursor } : {})}
        />
      </div>
      {user?.roles.includes('admin') ? <AuditTrail customerId={customer.id} /> : null}
    </div>
  );
};
