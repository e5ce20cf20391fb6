// The production server (used by npm start, the e2e tests and the benchmarks instead of `next start`):
// Next.js's request handler behind the page cache (lib/page-cache, docs/decisions/0010-page-cache.md).
//
//   tsx scripts/serve.ts [-p PORT] [-H HOST]     (PORT and HOST env vars work too; defaults 3000, 127.0.0.1)
//
// PAGE_CACHE=off serves every request straight from Next.js (the benchmarks measure both ways).
// WEB_CONCURRENCY=N runs N whole servers (front, page cache, Next.js) sharing the port, one per core by
// default (node:cluster; decision 0033): a render takes one core, so one process cannot use a second.
// Needs a `next build` of this tree and DATABASE_URL. Stops cleanly on SIGTERM/SIGINT.
import cluster from "node:cluster";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import next from "next";
import { projectRoot } from "../lib/core/db/embedded";
import { getEnv } from "../lib/core/env";
import { listenHost, serverWorkers, startFrontServer } from "../lib/page-cache/front-server";
import { limitFormPosts } from "../lib/page-cache/form-limit";
import { plainServerErrors } from "../lib/page-cache/server-errors";
import { createPageCache, RENDER_SOCKET_KEEP_ALIVE_MS, renderOverSocket } from "../lib/page-cache/server";
import { createViewerLookup } from "../lib/page-cache/viewer";

function option(flag: string, fallback: string | undefined): string | undefined {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

async function main() {
  const port = Number(option("-p", process.env.PORT ?? "3000"));
  const hostname = listenHost(option("-H", process.env.HOST));
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error("DATABASE_URL is not set (npm start sets it for the embedded database)");
  const cacheEnabled = process.env.PAGE_CACHE !== "off";

  const app = next({ dev: false, dir: projectRoot, hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  // Next.js's bare 500s (blank without JavaScript) become the plain GOV.UK error page / CSV text.
  const passThrough = plainServerErrors((req, res) => handle(req, res));

  const closers: (() => Promise<void> | void)[] = [];
  let front: http.RequestListener = passThrough;
  // Next.js also listens on a private Unix socket: the cache renders misses through it, uncompressed,
  // and before this server answers anyone it renders a few public pages through it (nothing is kept in
  // the page cache), so the first person after a start or deploy does not wait for the figures to load.
  const socketPath = path.join(os.tmpdir(), `csc-next-${process.pid}.sock`);
  fs.rmSync(socketPath, { force: true });
  const internal = http.createServer(passThrough);
  // Longer than the cache's own idle limit: the cache closes idle sockets first (no reuse race).
  internal.keepAliveTimeout = RENDER_SOCKET_KEEP_ALIVE_MS;
  // exclusive: in a cluster worker the socket is this process's own, not shared through the primary.
  await new Promise<void>((resolve) => internal.listen({ path: socketPath, exclusive: true }, resolve));
  closers.push(
    () => new Promise<void>((resolve) => internal.close(() => resolve())),
    () => fs.rmSync(socketPath, { force: true }),
  );
  await warmUp(socketPath, WARM_UP_PATHS);
  if (cacheEnabled) {
    const lookup = createViewerLookup(databaseUrl);
    front = createPageCache({ passThrough, render: renderOverSocket(socketPath), lookup });
    closers.push(() => lookup.end());
  }

  // A path that is not valid percent-encoding gets a 400 page here (Next.js would answer a bare 500);
  // a no-JS form post over the size limit goes back to its form with "The text is too long";
  // client-sent address headers are replaced by the one this server vouches for (front-server.ts).
  const server = await startFrontServer(limitFormPosts(front), { port, host: hostname, trustedProxyHops: getEnv().TRUSTED_PROXY_HOPS });
  const ready = `Ready on http://${hostname === "0.0.0.0" || hostname === "::" ? "localhost" : hostname}:${port} (page cache ${cacheEnabled ? "on" : "off"}`;
  // A cluster worker tells the primary, which says it once for all of them.
  if (cluster.isWorker) process.send?.({ type: "ready", line: ready });
  else console.log(`${ready})`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    for (const close of closers) await close();
    await app.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
}

/** Public pages whose first render loads what every page reads: the dashboard's figures, the list, the risk backtest. */
const WARM_UP_PATHS = ["/la/330", "/", "/risk/method"];
const WARM_UP_BUDGET_MS = 10_000;

/**
 * Renders each path once over the private socket, one after another, for at most WARM_UP_BUDGET_MS in all;
 * a failure (database down) is logged, never fatal.
 */
async function warmUp(socketPath: string, paths: readonly string[]) {
  const started = performance.now();
  const took: string[] = [];
  for (const p of paths) {
    if (performance.now() - started > WARM_UP_BUDGET_MS) break;
    const at = performance.now();
    const status = await new Promise<number>((resolve) => {
      const req = http.get({ socketPath, path: p, headers: { host: "localhost" } }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      });
      req.on("error", () => resolve(0));
      req.setTimeout(30_000, () => req.destroy());
    });
    if (status !== 200) {
      console.warn(`Warm-up: ${p} answered ${status || "nothing"}; the first request will load what it needs.`);
      return;
    }
    took.push(`${p} ${Math.round(performance.now() - at)} ms`);
  }
  console.log(`Warm-up: ${took.join(", ")}.`);
}

/**
 * The primary of WEB_CONCURRENCY > 1: forks the servers, says "Ready" when all are, starts another when
 * one stops after it was ready (one that stops before, e.g. no build, stops them all), and passes
 * SIGTERM/SIGINT on. Connections are shared out round-robin by node:cluster.
 */
function supervise(count: number) {
  const readied = new Set<number>();
  let stopping = false;
  const stopAll = (code: number) => {
    if (stopping) return;
    stopping = true;
    process.exitCode = code;
    const running = Object.values(cluster.workers ?? {});
    if (running.length === 0) process.exit(code);
    for (const worker of running) worker?.process.kill("SIGTERM");
  };
  const fork = () =>
    cluster.fork().on("message", function (this: ReturnType<typeof cluster.fork>, message: { type?: string; line?: string }) {
      if (message?.type !== "ready" || readied.has(this.id)) return;
      readied.add(this.id);
      if (readied.size === count) console.log(`${message.line}, ${count} server processes)`);
    });
  cluster.on("exit", (worker, code, signal) => {
    const how = signal ?? `code ${code}`;
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(process.exitCode ?? 0);
    } else if (!readied.has(worker.id)) {
      console.error(`A server process stopped before it was ready (${how}); stopping.`);
      stopAll(1);
    } else {
      console.error(`[serve] server process ${worker.process.pid} stopped (${how}); starting another`);
      readied.delete(worker.id);
      fork();
    }
  });
  process.on("SIGTERM", () => stopAll(0));
  process.on("SIGINT", () => stopAll(0));
  for (let i = 0; i < count; i++) fork();
}

const fail = (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
};
try {
  const workers = serverWorkers(process.env.WEB_CONCURRENCY, os.availableParallelism());
  if (workers > 1 && cluster.isPrimary) supervise(workers);
  else main().catch(fail);
} catch (error) {
  fail(error);
}
