// Which database to use: DATABASE_URL when set, otherwise the embedded server started by
// `npm start` / `npm test` (lib/core/db/embedded.ts). No Node-only imports: the app uses this too.
const DEFAULT_DATABASE = "csc_insight";
export const EMBEDDED_SUPERUSER = "csc";
export const embeddedPort = Number(process.env.EMBEDDED_PG_PORT ?? 54329);

export function embeddedUrl(database: string): string {
  return `postgresql://${EMBEDDED_SUPERUSER}@127.0.0.1:${embeddedPort}/${database}`;
}

export function resolveDatabaseUrl(database = DEFAULT_DATABASE): { url: string; embedded: boolean } {
  const fromEnv = process.env.DATABASE_URL?.trim();
  if (fromEnv) return { url: fromEnv, embedded: false };
  return { url: embeddedUrl(database), embedded: true };
}

/** The same server, another database (for test databases made from templates). */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
