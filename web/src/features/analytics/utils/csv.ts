/**
 * Query results as CSV: the shared helper of `lib/csv.ts`, under the name `npm run query`
 * (local/cli/query.ts) and the analytics tests import.
 */
export { type CsvCell, type CsvFormat, csvCell, csvFormatFor, toCsv } from '#web/src/lib/csv.ts';
