import Link from 'next/link';
import * as React from 'react';
import type { ReactNode } from 'react';
import { compact } from '@/lib/static-markup';

/** A server component's render (React's server build has no hooks); a client component's table stays React's. */
const RSC = !('useState' in React);

export type Column<R> = {
  key: string;
  header: ReactNode;
  cell: (row: R, index: number) => ReactNode;
  /** Classes of the column's cells (header and body). */
  className?: string;
  /** Shown at a desk only; left out of the phone card. */
  deskOnly?: boolean;
  /** The row's own page (a person, a meeting): the cell links there, the way from a list into a record. */
  href?: (row: R) => string;
};

/**
 * Every list of the portal. At a desk a table with a header row; on a phone each row becomes a card whose
 * cells carry their column's name, so nothing is wider than the screen. The roles are explicit, so the list
 * stays a table to screen readers (and tests) whichever way it is laid out. No rows → the `empty` text.
 */
export function Table<R>({
  columns,
  rows,
  rowKey,
  empty,
  testId,
  rowProps,
  framed = true,
}: {
  columns: Column<R>[];
  rows: readonly R[];
  rowKey: (row: R, index: number) => string;
  empty: ReactNode;
  testId?: string;
  rowProps?: (row: R) => Record<string, string | undefined>;
  framed?: boolean;
}) {
  const frame = framed ? 'rounded-lg border border-stone-200 bg-white' : '';
  if (rows.length === 0)
    return (
      <p
        className={`p-4 text-sm text-stone-600 ${frame}`}
        data-testid={testId ? `${testId}-empty` : undefined}
      >
        {empty}
      </p>
    );
  const row = (r: R, i: number) => (
    <tr role="row" key={rowKey(r, i)} className="wb-tr" {...rowProps?.(r)}>
      {columns.map((c) => {
        const label = typeof c.header === 'string' ? c.header : undefined;
        return (
          <td
            role="cell"
            key={c.key}
            data-label={label}
            className={`${c.deskOnly ? 'wb-td-desk' : 'wb-td'}${c.className ? ` ${c.className}` : ''}`}
          >
            {label === undefined && (
              <span className="w-24 shrink-0 text-stone-500 sm:hidden" aria-hidden>
                {c.header}
              </span>
            )}
            <span className="wb-cv">
              {c.href ? (
                <Link href={c.href(r)} className="wb-link">
                  {c.cell(r, i)}
                </Link>
              ) : (
                c.cell(r, i)
              )}
            </span>
          </td>
        );
      })}
    </tr>
  );
  const body = (
    <tbody role="rowgroup" className="block sm:table-row-group">
      {rows.map(row)}
    </tbody>
  );
  return (
    <div className={`sm:overflow-x-auto ${frame}`}>
      <table role="table" className="w-full text-sm" data-testid={testId}>
        <thead role="rowgroup" className="hidden bg-stone-50 text-left text-stone-600 sm:table-header-group">
          <tr role="row">
            {columns.map((c) => (
              <th role="columnheader" key={c.key} className={`p-2 font-medium ${c.className ?? ''}`}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        {/* Rows of text, badges and links become one string of HTML; a form in a row stays React's. */}
        {RSC ? compact(body) : body}
      </table>
    </div>
  );
}
