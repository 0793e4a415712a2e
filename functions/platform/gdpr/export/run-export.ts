/**
 * The export job of an access request: it reads the customer's file (their whole item
 * collection), the audit of who accessed it and their privacy requests, the lake rows found by
 * their pseudonym and by the visitor ids linked to them, writes the archive to
 * the exports bucket, and shows its progress on the request as it goes. Run again for a request
 * already `ready`, it does nothing (a redelivered message).
 */
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { lakeRowsAbout } from '#functions/analytics/access.ts';
import { DataExported } from '#schemas/events/data-exported.ts';
import { listAudit } from '#shared/audit.ts';
import { s3 } from '#shared/clients/s3.ts';
import { bucketName, tableName } from '#shared/env.ts';
import { domainEvent } from '#shared/outbox.ts';
import { queryAll } from '#shared/query-all.ts';
import { secretValue } from '#shared/secrets.ts';
import { customerCollection } from '#shared/table/main-table.ts';
import { advance, jobActor, jobSteps } from '../domain/privacy-requests.ts';
import { holdingsOf, privacyRegistry } from '../registry.ts';
import { listRequests, requestOfJob, saveFromJob } from '../store/privacy-requests-store.ts';
import { exportArchive, exportKey, exportSections } from './customer-export.ts';

/** Every record of the customer's audit trail, page after page. */
const wholeAccessLog = async (customerId: string) => {
  const records = [];
  let cursor: string | undefined;
  do {
    const page = await listAudit(customerId, cursor, 100);
    records.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return records;
};

export const runExport = async (requestId: string, now: () => Date = () => new Date()): Promise<void> => {
  let request = await requestOfJob(requestId);
  if (request.kind !== 'access' || request.state === 'ready') return;
  const steps = jobSteps.access;

  request = await saveFromJob(advance(request, { state: 'inProgress', done: 0, step: steps[0] }, now()));
  const fileItems = await queryAll({
    TableName: tableName('main'),
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': customerCollection.pk(request.customerId) },
  });

  request = await saveFromJob(advance(request, { state: 'inProgress', done: 1, step: steps[1] }, now()));
  const accessLog = await wholeAccessLog(request.customerId);
  const requests = (await listRequests()).filter((other) => other.customerId === request?.customerId);

  request = await saveFromJob(advance(request, { state: 'inProgress', done: 2, step: steps[2] }, now()));
  const anonymousIds = fileItems.flatMap((item) =>
    item.entity === 'identity' && typeof item.anonymousId === 'string' ? [item.anonymousId] : [],
  );
  const lake = await lakeRowsAbout(
    { customerId: request.customerId, anonymousIds },
    await secretValue('pseudonymKey'),
  );

  request = await saveFromJob(advance(request, { state: 'inProgress', done: 3, step: steps[3] }, now()));
  const sections = exportSections(holdingsOf(privacyRegistry), fileItems, accessLog, requests, lake);
  await s3.send(
    new PutObjectCommand({
      Bucket: bucketName('privacyExports'),
      Key: exportKey(request.id),
      Body: exportArchive(request, sections, now().toISOString()),
      ContentType: 'application/zip',
    }),
  );

  const ready = advance(request, { state: 'ready', done: steps.length }, now());
  await saveFromJob(
    ready,
    domainEvent(
      DataExported,
      { requestId: ready.id, customerId: ready.customerId, stage: 'ready' },
      jobActor,
      ready.updatedAt,
    ),
  );
};
