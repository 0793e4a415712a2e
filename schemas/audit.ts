/** The append-only audit trail of who read or changed a customer file, or was refused it. */

import { Id, IsoDateTime } from './common.ts';
import * as z from './zod.ts';

/** Why a user opened a customer file; sent as the `X-Access-Reason` header. */
export const AccessReason = z.enum([
  'consultation',
  'customer_meeting',
  'service_request',
  'compliance',
  'marketing',
  'privacy_request',
]);
export type AccessReason = z.infer<typeof AccessReason>;

export const AuditRecord = z
  .object({
    id: Id,
    at: IsoDateTime,
    actorId: z.string(),
    actorName: z.string(),
    actorRoles: z.array(z.string()),
    action: z.enum([
      'customer.read',
      'customer.read360',
      'customer.readTimeline',
      'customer.search',
      'customer.list',
      'customer.update',
      'customer.consentsUpdate',
      'customer.kycDecision',
      'customer.relationshipEnd',
      'customer.reassign',
      'customer.accessRefused',
      'customer.privacyRequest',
      'customer.exportDelivered',
      'customer.erasureConfirmed',
      'opportunity.read',
      'opportunity.list',
      'opportunity.create',
      'opportunity.stageChange',
      'opportunity.update',
      'quote.issue',
      'quote.list',
      'quote.print',
      'quote.accept',
      'activity.log',
      'task.create',
      'task.update',
      'task.list',
      'meetingReport.write',
      'meetingReport.correct',
      'meetingReport.read',
    ]),
    customerId: Id,
    reason: AccessReason,
  })
  .register(z.globalRegistry, { id: 'AuditRecord' });
export type AuditRecord = z.infer<typeof AuditRecord>;
