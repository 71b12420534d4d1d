/** The table every panel lists its records in. */
import type { VNode } from 'preact';

/**
 * A table named `label` with a header cell per entry of `headers` (`''` for an unnamed column)
 * and a row per item, drawn by `row`. Once `rows` has loaded empty, `empty` (if given) says so
 * above it.
 */
export function DataTable<T>({
  label,
  headers,
  rows,
  row,
  empty,
}: {
  label: string;
  headers: readonly string[];
  rows: readonly T[] | undefined;
  row: (item: T) => VNode;
  empty?: string;
}) {
  return (
    <>
      {empty && rows?.length === 0 ? <p class="muted">{empty}</p> : null}
      <table aria-label={label}>
        <thead>
          <tr>
            {headers.map((h) => (
              <th key={h}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>{rows?.map(row)}</tbody>
      </table>
    </>
  );
}
