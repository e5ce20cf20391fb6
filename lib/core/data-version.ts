// The one answer to "has the data changed?" (decision 0022). PostgreSQL keeps a version per scope in
// `data_version`, raised by deferred triggers as each writing transaction commits (migration
// 20261207130000_data_version), so every writer — any app instance, the importer, psql — moves it,
// and the new version becomes visible together with the data it stands for. Nothing in process is
// told about a change: a cache keys what it keeps by the version it read, and a new version is a new
// key (lib/core/cache.ts).
//
// Scopes: `all` rises once per transaction that wrote anything a page shows; `figures` when published
// figures, LAs, neighbours or Ofsted data change (the importer); `users` when an account changes;
// `triage` when the analysts' inbox changes, and `triage:<LA number>` when that LA's triage does;
// `plans:<LA number>` when that LA's plan, priorities, actions or updates change (or the audit rows
// recording plan changes). A scope that was never written has version "0". The page cache keys each
// page on only the scopes it shows (lib/page-cache/scopes.ts, decision 0029); every table and its
// scope are listed there and checked against the triggers (tests/integration/page-scopes.test.ts).

/** A scope of the data version (see the top of this file). */
export type DataScope = "all" | "figures" | "users" | "triage" | `triage:${string}` | `plans:${string}`;

/** The scope of one LA's improvement plan. */
export const planScope = (laNumber: string): DataScope => `plans:${laNumber}`;

/** The scope of one LA's triage (its state and history). */
export const triageScope = (laNumber: string): DataScope => `triage:${laNumber}`;

/** A version: the scope's counter as decimal text. Equal versions mean the same data; compare with ===. */
export type DataVersion = string;

/**
 * The SQL expression for one scope's version, as text ("0" when the scope has no row), with the scope
 * in the given parameter — for a caller that folds it into a query of its own (the page cache asks for
 * the version and the session in one round trip).
 */
export const dataVersionSql = (scopeParameter: string): string =>
  `coalesce((select "version"::text from "data_version" where "scope" = ${scopeParameter}), '0')`;

/**
 * The SQL expression for several scopes' versions at once, as a JSON object from scope to version text
 * (a scope with no row is absent: read it as "0"), with the scopes in the given text[] parameter.
 */
export const dataVersionsSql = (scopesParameter: string): string =>
  `(select coalesce(jsonb_object_agg("scope", "version"::text), '{}'::jsonb) from "data_version" where "scope" = any(${scopesParameter}::text[]))`;

/** Anything that runs a raw query: the app's Prisma client, a test's, or an open transaction. */
export type RawQueryClient = { $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T> };

/** The current version of one scope (one primary-key lookup). Inside a transaction: as that transaction sees it. */
export async function readDataVersion(client: RawQueryClient, scope: DataScope): Promise<DataVersion> {
  const rows = await client.$queryRawUnsafe<{ version: string }[]>(`select ${dataVersionSql("$1")} as version`, scope);
  return rows[0]?.version ?? "0";
}
