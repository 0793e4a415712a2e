/**
 * Saves a run's rows as a CSV file in the browser: raw column names and values, in the format a
 * spreadsheet of the user's language opens correctly (`;` and decimal comma in French).
 */
import type { QueryRun } from '#schemas/analytics/query.ts';
import { csvFormatFor, toCsv } from '#web/src/lib/csv.ts';
import type { Lang } from '#web/src/lib/i18n.ts';

/** The file name: the query, then the period or the run's date, e.g. `daily-active-customers-2024-03-04_2024-03-06.csv`. */
export const csvFileName = (
  queryId: string,
  parameters: Record<string, string | number>,
  startedAt: string,
) => {
  const { from, to } = parameters;
  const period =
    typeof from === 'string' && typeof to === 'string' ? `${from}_${to}` : startedAt.slice(0, 10);
  return `${queryId}-${period}.csv`;
};

/** The CSV text of a run, for a spreadsheet of that language. */
export const runAsCsv = (run: QueryRun, lang: Lang): string =>
  toCsv(run.columns ?? [], run.rows ?? [], csvFormatFor(lang));

/** Starts the download of the run's CSV. */
export const downloadCsv = (run: QueryRun, fileName: string, lang: Lang): void => {
  const blob = new Blob([runAsCsv(run, lang)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled, or some browsers cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};
