/**
 * Query results as CSV (RFC 4180), for the analyst screen's download and `npm run query`.
 * Text cells that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`…) are prefixed with
 * an apostrophe: lake values such as page paths come from the public, and a CSV opened in a
 * spreadsheet must not execute what a visitor typed into a URL.
 */

export type CsvCell = string | number | boolean | null;

const formulaStart = /^[=+\-@\t\r]/;

/** One cell as CSV text: quoted when it holds a comma, a quote or a line break. */
export const csvCell = (value: CsvCell): string => {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && formulaStart.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/**
 * A whole result as CSV: a header row of column names, then one line per row, CRLF line ends.
 * `bom` starts the text with a byte-order mark, so that spreadsheets read accents as UTF-8.
 */
export const toCsv = (
  columns: readonly { name: string }[],
  rows: readonly (readonly CsvCell[])[],
  options: { bom?: boolean } = {},
): string => {
  const lines = [columns.map((c) => csvCell(c.name)), ...rows.map((row) => row.map(csvCell))];
  return `${options.bom ? '\uFEFF' : ''}${lines.map((cells) => cells.join(',')).join('\r\n')}\r\n`;
};
