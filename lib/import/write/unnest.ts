// Many rows in one statement: PostgreSQL's unnest() takes one array per column, so the writers pass
// the rows' fields column by column.

/** One array per key, in the order given: `$1` is `rows.map(r => r[keys[0]])`, and so on. */
export function columnsOf<T, K extends keyof T>(rows: readonly T[], keys: readonly K[]): T[K][][] {
  return keys.map((k) => rows.map((r) => r[k]));
}
