/**
 * The rows of a run: numbers right-aligned in the user's locale, dates, journey stages and
 * segments in words, column names translated where known (the CSV keeps the raw names).
 */
import type { QueryRun } from '#schemas/analytics/query.ts';
import { useLocale } from '#web/src/lib/i18n.ts';

export type ResultTableProps = {
  run: QueryRun;
  caption: string;
  columnLabel: (name: string) => string;
  cellLabel: (column: string, value: string) => string;
};

const numeric = (type: string) => type === 'bigint' || type === 'double';

export const ResultTable = ({ run, caption, columnLabel, cellLabel }: ResultTableProps) => {
  const { format } = useLocale();
  const columns = run.columns ?? [];
  return (
    <div className="table-scroll">
      <table className="data-table responsive-table result-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.name} scope="col" className={numeric(column.type) ? 'numeric' : undefined}>
                {columnLabel(column.name)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {(run.rows ?? []).map((row, r) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows of a result have no identity but their place
            <tr key={r}>
              {columns.map((column, c) => {
                const value = row[c] ?? null;
                return (
                  <td
                    key={column.name}
                    data-label={columnLabel(column.name)}
                    className={numeric(column.type) ? 'numeric' : undefined}
                  >
                    {value === null
                      ? '—'
                      : typeof value === 'number'
                        ? format.number(value)
                        : cellLabel(column.name, String(value))}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
};
