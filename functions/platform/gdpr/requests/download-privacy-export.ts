/**
 * The privacy officer downloads a ready export to hand it to the customer: a link to the
 * archive that works for 5 minutes, and the delivery recorded — in the customer's audit trail,
 * on the request (`deliveredAt`) and as a DataExported event. A POST: it changes the request.
 * An archive no longer there (erased, or expired) is a 404.
 */
import { GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { DataExported } from '#schemas/events/data-exported.ts';
import type { Route } from '#schemas/routes.ts';
import { recordAudit } from '#shared/audit.ts';
import { s3 } from '#shared/clients/s3.ts';
import { bucketName } from '#shared/env.ts';
import { Conflict, NotFound } from '#shared/errors.ts';
import type { RouteHandler } from '#shared/http/api.ts';
import { domainEvent } from '#shared/outbox.ts';
import { exportFileName, exportKey } from '../export/customer-export.ts';
import { getRequest, saveRequest } from '../store/privacy-requests-store.ts';

/** Whether the archive is still there: an erasure deletes it, and the bucket keeps it 30 days. */
const exportExists = async (requestId: string): Promise<boolean> => {
  try {
    await s3.send(new HeadObjectCommand({ Bucket: bucketName('privacyExports'), Key: exportKey(requestId) }));
    return true;
  } catch (error) {
    if ((error as { name?: string }).name === 'NotFound' || (error as { name?: string }).name === 'NoSuchKey')
      return false;
    throw error;
  }
};

/** How long a download link works. */
const linkSeconds = 5 * 60;

export const downloadPrivacyExport: RouteHandler<Route<'downloadPrivacyExport'>> = async ({
  params,
  caller,
}) => {
  const request = await getRequest(params.requestId);
  if (!request) throw new NotFound('No privacy request has this id.');
  if (request.kind !== 'access' || request.state !== 'ready') {
    throw new Conflict('This request has no export ready to download.', request.version);
  }
  if (!(await exportExists(request.id))) {
    throw new NotFound('This export (erased with its customer, or past its 30 days)');
  }
  const now = new Date();
  await recordAudit([
    {
      at: now.toISOString(),
      actorId: caller.id,
      actorName: caller.name,
      actorRoles: caller.roles,
      action: 'customer.exportDelivered',
      customerId: request.customerId,
      reason: 'privacy_request',
    },
  ]);
  const delivered = {
    ...request,
    deliveredAt: now.toISOString(),
    updatedAt: now.toISOString(),
    version: request.version + 1,
  };
  const event = domainEvent(
    DataExported,
    { requestId: request.id, customerId: request.customerId, stage: 'delivered' },
    caller,
    now.toISOString(),
  );
  if (!(await saveRequest(delivered, event))) {
    throw new Conflict('The request changed meanwhile; reload it and download again.', request.version + 1);
  }
  const fileName = exportFileName(request.id);
  const url = await getSignedUrl(
    s3,
    new GetObjectCommand({
      Bucket: bucketName('privacyExports'),
      Key: exportKey(request.id),
      ResponseContentDisposition: `attachment; filename="${fileName}"`,
    }),
    { expiresIn: linkSeconds },
  );
  return { url, fileName, expiresAt: new Date(now.getTime() + linkSeconds * 1000).toISOString() };
};
