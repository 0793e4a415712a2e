/**
 * Tables as CSV (RFC 4180): the one helper for every download of the web front end (and for
 * `npm run query`, through `features/analytics/utils/csv.ts`).
 *
 * - Fields holding the separator, a double quote or a line break are quoted, quotes doubled;
 *   lines end with CRLF.
 * - Spreadsheets read a CSV with the conventions of their locale: French Excel splits on `;`
 *   and reads `3,5` as a number, English Excel splits on `,` and reads `3.5`. `csvFormatFor`
 *   gives each language its own, and a UTF-8 byte-order mark, without which Excel reads
 *   « Crédit » as « CrÃ©dit ».
 * - Text cells that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`…) are prefixed with
 *   an apostrophe: lake values such as page paths come from the public, and a CSV opened in a
 *   spreadsheet must not execute what a visitor typed into a URL.
 */
import type { Lang } from './i18n.ts';

export type CsvCell = string | number | boolean | null;

export type CsvFormat = {
  /** Field separator. @default ',' */
  separator?: ',' | ';';
  /** Decimal separator of numbers. @default '.' */
  decimal?: '.' | ',';
  /** Start with a UTF-8 byte-order mark. @default false */
  bom?: boolean;
};

/** How a spreadsheet of that language expects a CSV: `;` and `3,5` in French, `,` and `3.5` in English. */
export const csvFormatFor = (lang: Lang): Required<CsvFormat> =>
  lang === 'fr' ? { separator: ';', decimal: ',', bom: true } : { separator: ',', decimal: '.', bom: true };

const formulaStart = /^[=+\-@\t\r]/;

/** One cell as CSV text: quoted when it holds the separator, a quote or a line break. */
export const csvCell = (value: CsvCell, format: CsvFormat = {}): string => {
  if (value === null) return '';
  const separator = format.separator ?? ',';
  let text: string;
  if (typeof value === 'number') {
    // Plain digits, no grouping: « 1 234,5 » would be text to a spreadsheet.
    text = String(value);
    if (format.decimal === ',') text = text.replace('.', ',');
  } else {
    text = String(value);
    if (typeof value === 'string' && formulaStart.test(text)) text = `'${text}`;
  }
  const mustQuote = text.includes(separator) || /["\r\n]/.test(text);
  return mustQuote ? `"${text.replaceAll('"', '""')}"` : text;
};

/** A whole table as CSV: a header row of column names, then one line per row, CRLF line ends. */
export const toCsv = (
  columns: readonly { name: string }[],
  rows: readonly (readonly CsvCell[])[],
  format: CsvFormat = {},
): string => {
  const separator = format.separator ?? ',';
  const lines = [columns.map((c) => c.name), ...rows].map((cells) =>
    cells.map((cell) => csvCell(cell, format)).join(separator),
  );
  return `${format.bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
};
