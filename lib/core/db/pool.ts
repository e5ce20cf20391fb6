// node-postgres pool settings with timeouts, for the app's Prisma client (./client.ts) and the page
// cache's own lookup pool (lib/page-cache/viewer.ts). A PostgreSQL that hangs (frozen, a network that
// drops packets) rather than refusing connections would otherwise hold every request for as long as
// it hangs:
// - connectionTimeoutMillis bounds opening a connection and waiting for a free one in the pool;
// - statement_timeout makes PostgreSQL itself cancel a slow statement (the connection stays usable);
// - query_timeout is the client's own limit, 1 s later, for a server that does not answer at all:
//   the connection that timed out is then closed (TimeoutClient), so it is never handed out again
//   still waiting for the old answer, and the pool opens fresh ones once the server is back;
// - after such a timeout every connection opened before it is presumed as dead as that one: its next
//   query closes it and fails at once instead of waiting out its own timeout (a page that asks the
//   database several times would otherwise wait once per idle connection in the pool). A connection
//   that completes its handshake afterwards proves the server answers again and ends the presumption.
import pg from "pg";

/** When a query last got no answer at all (performance.now()), until a new connection succeeds. */
let unansweredSince: number | null = null;

/** Closes its connection when a query times out on the client side, and never crashes the process. */
class TimeoutClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    // A connection closed under a checked-out client emits "error"; the query has already failed.
    this.on("error", () => {});
    let connectedAt = Number.POSITIVE_INFINITY;
    this.once("connect", () => {
      connectedAt = performance.now();
      unansweredSince = null;
    });
    const destroy = () => (this as unknown as { connection?: { stream?: { destroy: () => void } } }).connection?.stream?.destroy();
    const drop = (error: unknown) => {
      if (error instanceof Error && error.message === "Query read timeout") {
        unansweredSince ??= performance.now();
        destroy();
      }
    };
    // pg's query has a dozen overloads: every form passes through unchanged; only the outcome is watched.
    const query = pg.Client.prototype.query;
    this.query = ((...args: unknown[]) => {
      if (unansweredSince !== null && connectedAt <= unansweredSince) destroy(); // the query fails with "Connection terminated"
      const last = args.at(-1);
      if (typeof last === "function") {
        const callback = last as (error: unknown, result: unknown) => void;
        args[args.length - 1] = (error: unknown, result: unknown) => {
          drop(error);
          callback(error, result);
        };
      }
      const result: unknown = Reflect.apply(query, this, args);
      if (result instanceof Promise) result.catch(drop);
      return result;
    }) as pg.Client["query"];
  }
}

type PoolTimeouts = { connectTimeoutMs: number; statementTimeoutMs: number };

/** Pool options with these timeouts; statementTimeoutMs 0 = no statement limit (scripts). */
export function poolConfig(connectionString: string, max: number, timeouts: PoolTimeouts): pg.PoolConfig {
  return {
    connectionString,
    max,
    Client: TimeoutClient,
    connectionTimeoutMillis: timeouts.connectTimeoutMs,
    idleTimeoutMillis: 30_000,
    ...(timeouts.statementTimeoutMs > 0
      ? { statement_timeout: timeouts.statementTimeoutMs, query_timeout: timeouts.statementTimeoutMs + 1_000 }
      : {}),
  };
}
