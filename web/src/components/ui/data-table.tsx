/**
 * The tables of Relais: a table on a desk, stacked cards on a phone (each cell carries its
 * column's label for the CSS), one column as the row's header for screen readers.
 */
import type { ReactNode } from 'react';

export type Column<T> = {
  label: string;
  cell: (row: T) => ReactNode;
  /** The cell that names the row (`<th scope="row">`). @default false */
  rowHeader?: boolean;
  /** Class of the header and the cells, e.g. `numeric`. */
  className?: string;
  /** Class of the cells only, e.g. `mono`. */
  cellClassName?: string;
};

export type DataTableProps<T> = {
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  rowClassName?: (row: T) => string | undefined;
  /** Read by screen readers only. */
  caption?: string;
};

export const DataTable = <T,>({ columns, rows, rowKey, rowClassName, caption }: DataTableProps<T>) => (
  <table className="data-table responsive-table">
    {caption ? <caption className="visually-hidden">{caption}</caption> : null}
    <thead>
      <tr>
        {columns.map((column) => (
          <th key={column.label} scope="col" className={column.className}>
            {column.label}
          </th>
        ))}
      </tr>
    </thead>
    <tbody>
      {rows.map((row) => (
        <tr key={rowKey(row)} className={rowClassName?.(row)}>
          {columns.map((column) => {
            const className = [column.className, column.cellClassName].filter(Boolean).join(' ') || undefined;
            return column.rowHeader ? (
              <th key={column.label} scope="row" data-label={column.label} className={className}>
                {column.cell(row)}
              </th>
            ) : (
              <td key={column.label} data-label={column.label} className={className}>
                {column.cell(row)}
              </td>
            );
          })}
        </tr>
      ))}
    </tbody>
  </table>
);
