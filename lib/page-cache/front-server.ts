// The public face of scripts/serve.ts: the one HTTP server that owns the client's socket, in front
// of the page cache and Next.js. Two security jobs live here because only this layer sees the socket:
//
// - **Which address to listen on.** 127.0.0.1 unless HOST says otherwise: the demo accounts have a
//   published password, so a laptop running `npm start` must not be reachable from the network by
//   default. HOST=0.0.0.0 (or an interface address) opens it deliberately.
// - **Who the client is.** Next.js does not give server components or actions the socket address,
//   and X-Forwarded-For / X-Real-IP are whatever the client sent. So every request has those headers
//   removed, and the client's address — the socket's peer, or with TRUSTED_PROXY_HOPS=N the entry
//   the outermost of our N proxies appended — is passed on in CLIENT_IP_HEADER, which this server
//   always overwrites (a client cannot set it). lib/auth/context.ts `clientIp` reads only that.
import http, { type IncomingMessage, type RequestListener, type ServerResponse } from "node:http";
import { CLIENT_IP_HEADER } from "@/lib/auth/context";
import { SESSION_READ_HEADER } from "@/lib/auth/session-handoff";
import { rejectUnreadablePaths } from "./fallback-pages";

export const DEFAULT_LISTEN_HOST = "127.0.0.1";

/** The address to listen on: HOST when set (deliberately opening the server), else loopback only. */
export function listenHost(host: string | undefined): string {
  const value = host?.trim();
  return value ? value : DEFAULT_LISTEN_HOST;
}

/**
 * How many server processes share the port (scripts/serve.ts, decision 0033): WEB_CONCURRENCY when set,
 * else one per core. Each is a whole server (front, page cache, Next.js), as two instances are.
 */
export function serverWorkers(value: string | undefined, cores: number): number {
  const text = value?.trim();
  if (!text) return Math.max(1, Math.min(cores, MAX_WORKERS));
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > MAX_WORKERS)
    throw new Error(`WEB_CONCURRENCY must be a whole number from 1 to ${MAX_WORKERS} (the number of server processes), not "${text}"`);
  return n;
}
const MAX_WORKERS = 32;

/**
 * Headers a client could use to claim an address, and the header the page cache uses to hand its read
 * of the session to the render (lib/auth/session-handoff.ts): none reaches the app as the client sent it.
 */
const ADDRESS_HEADERS = new Set(["x-forwarded-for", "x-real-ip", "forwarded", CLIENT_IP_HEADER, SESSION_READ_HEADER]);

/**
 * The client's address. With no trusted proxy it is the socket's peer. With `hops` proxies in front,
 * the nearest one is the socket's peer and each appended its own peer to X-Forwarded-For, so the
 * client is the `hops`-th entry from the right; entries further left were sent by the client and are
 * ignored. Too few entries (a misconfigured chain) gives the left-most one the proxies did write.
 */
export function resolveClientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  hops: number,
): string | null {
  if (hops <= 0) return socketAddress ?? null;
  const entries = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (entries.length === 0) return socketAddress ?? null;
  return entries[Math.max(0, entries.length - hops)] ?? null;
}

/** Replaces every client-supplied address header with the one this server vouches for (and drops any session hand-off id). */
export function withClientAddress(next: RequestListener, hops: number): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    const address = resolveClientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], hops);
    for (const name of ADDRESS_HEADERS) delete req.headers[name];
    const raw: string[] = [];
    for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
      if (!ADDRESS_HEADERS.has(req.rawHeaders[i]!.toLowerCase())) raw.push(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
    }
    req.rawHeaders.splice(0, req.rawHeaders.length, ...raw);
    if (address) {
      req.headers[CLIENT_IP_HEADER] = address;
      req.rawHeaders.push(CLIENT_IP_HEADER, address);
    }
    return next(req, res);
  };
}

/** The whole front handler serve.ts listens with: unreadable paths refused, client address fixed. */
export function frontHandler(next: RequestListener, options: { trustedProxyHops: number }): RequestListener {
  return withClientAddress(rejectUnreadablePaths(next), options.trustedProxyHops);
}

/** Starts the front server on `port` (0 = any) and HOST-or-loopback. */
export async function startFrontServer(
  next: RequestListener,
  options: { port: number; host?: string; trustedProxyHops: number },
): Promise<http.Server> {
  const server = http.createServer(frontHandler(next, options));
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, listenHost(options.host), () => resolve());
  });
  return server;
}
