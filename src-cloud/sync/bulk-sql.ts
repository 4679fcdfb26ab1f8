import { sql, type SQL } from 'drizzle-orm';

/**
 * Bulk writes as `INSERT … SELECT FROM unnest($1::text[], $2::bigint[], …)`: one parameter per
 * column instead of one per value, so a 1,000-mutation batch costs a handful of short
 * statements to build, send and plan (the 100,000-mutation catch-up must take seconds).
 */
export function arrayParam(values: readonly unknown[], type: BulkColumnType): SQL {
  return sql`${sql.param([...values])}::${sql.raw(type)}[]`;
}

export type BulkColumnType = 'text' | 'bigint' | 'integer';

/** One column of a bulk write: its name in `u(…)`, its array type, and its value per row. */
export type BulkColumn<Row> = readonly [
  name: string,
  type: BulkColumnType,
  value: (row: Row) => unknown,
];

/**
 * `unnest($1::text[], $2::bigint[], …) AS u(a, b, …)`: the rows as one array parameter per
 * column, for `INSERT … SELECT … FROM` it.
 */
export function unnestRows<Row>(rows: readonly Row[], columns: readonly BulkColumn<Row>[]): SQL {
  const arrays = sql.join(
    columns.map(([, type, value]) => arrayParam(rows.map(value), type)),
    sql`, `,
  );
  const names = columns.map(([name]) => name).join(', ');
  return sql`unnest(${arrays}) AS u(${sql.raw(names)})`;
}

/** The rows of a raw statement's result on either driver (node-postgres or PGlite). */
export function resultRows<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/** Rows in slices small enough for one statement each, so memory stays bounded. */
export function inChunks<T>(rows: readonly T[], size = 1000): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < rows.length; start += size) {
    chunks.push(rows.slice(start, start + size));
  }
  return chunks;
}
