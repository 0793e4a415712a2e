/**
 * A customer's export (GDPR art. 15 and 20), pure: from what the bank holds about them — the
 * items of their file, the audit of who read it, their privacy requests, their rows in the
 * analysis lake — to one archive the
 * customer can read and take elsewhere: `export.json` with every section, and one CSV per
 * section (French spreadsheet conventions: `;`, decimal comma, UTF-8 mark) with a README.
 *
 * Which items go in is the privacy registry's word: an item type of the main table is exported
 * when its holding says `export: 'included'`, so the items a later context adds to the
 * customer's file are exported as soon as it registers them; keys and index attributes, which
 * say nothing about the customer, are left out.
 */
import { strToU8, zipSync } from 'fflate';
import type { LakeRowsAbout } from '#functions/analytics/access.ts';
import type { AuditRecord } from '#schemas/audit.ts';
import type { PrivacyRequest } from '#schemas/platform/privacy-request.ts';
import type { DataHolding } from '#shared/privacy/registry.ts';
import { mainIndexes } from '#shared/table/main-table.ts';
import { type CsvCell, csvFormatFor, toCsv } from '#web/src/lib/csv.ts';

export type ExportSection = { name: string; what: string; rows: Record<string, unknown>[] };

/** Attributes of the table's mechanics: keys, index keys, the item type, expiry. */
const mechanics = new Set([
  'pk',
  'sk',
  'entity',
  'expiresAt',
  ...Object.values(mainIndexes).flatMap((index) => [index.partitionKey, index.sortKey]),
]);

/** An item as the customer reads it: its own fields; an event (the outbox of the timeline) as its type and detail. */
const readable = (item: Record<string, unknown>): Record<string, unknown> => {
  const event = item.event as { detailType?: string; detail?: Record<string, unknown> } | undefined;
  if (event?.detail) return { type: event.detailType, ...event.detail };
  return Object.fromEntries(Object.entries(item).filter(([name]) => !mechanics.has(name)));
};

/**
 * The sections of the export: one per exported item type found in the customer's file (in the
 * registry's order), then the audit of who accessed it and their privacy requests.
 */
export const exportSections = (
  holdings: readonly DataHolding[],
  fileItems: readonly Record<string, unknown>[],
  accessLog: readonly AuditRecord[],
  requests: readonly PrivacyRequest[],
  lake: LakeRowsAbout,
): ExportSection[] => {
  const itemSections = holdings.flatMap((holding) => {
    const { where } = holding;
    if (where.kind !== 'item' || holding.access.export !== 'included') return [];
    const rows = fileItems.filter((item) => item.entity === where.itemType).map(readable);
    return rows.length > 0 ? [{ name: where.itemType, what: holding.holds.en, rows }] : [];
  });
  return [
    ...itemSections,
    {
      name: 'accessLog',
      what: 'who read or changed your file, when and why',
      rows: accessLog.map((record) => ({ ...record })),
    },
    {
      name: 'privacyRequests',
      what: 'your data protection requests and how they were handled',
      rows: requests.map((request) => ({ ...request })),
    },
    {
      name: 'lake',
      what: lake.truncated
        ? 'your visits and actions on the sites and apps, as the analysis lake keeps them (the first 10,000: ask for the rest)'
        : 'your visits and actions on the sites and apps, as the analysis lake keeps them (pseudonymised)',
      rows: lake.rows,
    },
  ];
};

/** Nested fields as `a.b` columns; lists as JSON text. */
const flatten = (row: Record<string, unknown>, prefix = ''): Record<string, CsvCell> =>
  Object.fromEntries(
    Object.entries(row).flatMap(([name, value]): [string, CsvCell][] => {
      const column = `${prefix}${name}`;
      if (value === null || value === undefined) return [[column, null]];
      if (Array.isArray(value)) return [[column, JSON.stringify(value)]];
      if (typeof value === 'object')
        return Object.entries(flatten(value as Record<string, unknown>, `${column}.`));
      return [[column, value as CsvCell]];
    }),
  );

const sectionCsv = (section: ExportSection): string => {
  const flat = section.rows.map((row) => flatten(row));
  const columns = [...new Set(flat.flatMap((row) => Object.keys(row)))];
  return toCsv(
    columns.map((name) => ({ name })),
    flat.map((row) => columns.map((column) => row[column] ?? null)),
    csvFormatFor('fr'),
  );
};

/** The archive: a README, `export.json` and one CSV per section, zipped. */
export const exportArchive = (
  request: Pick<PrivacyRequest, 'id' | 'customerId' | 'customerName' | 'receivedOn'>,
  sections: readonly ExportSection[],
  exportedAt: string,
): Uint8Array => {
  const readme = [
    `Export of the personal data held about ${request.customerName} (customer ${request.customerId})`,
    `Request ${request.id}, received on ${request.receivedOn}; exported on ${exportedAt}.`,
    '',
    'export.json holds every section; each section is also a CSV file (semicolon-separated, UTF-8):',
    ...sections.map((section) => `- ${section.name}.csv: ${section.what} (${section.rows.length})`),
    '',
  ].join('\n');
  const json = JSON.stringify(
    { request: request.id, customerId: request.customerId, exportedAt, sections },
    null,
    2,
  );
  return zipSync({
    'README.txt': strToU8(readme),
    'export.json': strToU8(json),
    ...Object.fromEntries(sections.map((section) => [`${section.name}.csv`, strToU8(sectionCsv(section))])),
  });
};

/** The file name of a request's archive, as the customer receives it. */
export const exportFileName = (requestId: string) => `relais-export-${requestId}.zip`;

/** The key of a request's archive in the exports bucket, ending with its file name (a browser's default). */
export const exportKey = (requestId: string) => `exports/${requestId}/${exportFileName(requestId)}`;
