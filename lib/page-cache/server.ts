// The page cache: an HTTP request handler in front of Next.js that answers repeat views of the
// cacheable pages from memory, each with a fresh CSP nonce. Every other request — and every request
// when the database cannot be asked — goes to Next.js untouched. Rules in ./policy.ts; decision
// record docs/decisions/0010-page-cache.md; started by scripts/serve.ts.
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { createNonce } from "@/lib/auth/security-headers";
import { accountNameSlot } from "@/lib/auth/account-slot";
import { sessionUserFrom, verifiedSessionToken, type SessionRead, type SessionUser } from "@/lib/auth/session";
import { escapeHtml } from "@/lib/core/html-escape";
import { handOffSessionRead, SESSION_READ_HEADER } from "@/lib/auth/session-handoff";
import { boundedCache } from "@/lib/core/cache";
import { now as clockNow, today } from "@/lib/core/clock";
import { getEnv, type AppEnv } from "@/lib/core/env";
import { SERVICE_PROBLEM, sendFallbackPage } from "./fallback-pages";
import { deflatePart, gzipFromParts } from "./gzip-parts";
import {
  cacheKey,
  classifyRequest,
  interleave,
  nameInPayload,
  slotValues,
  splitAtSlots,
  storablePage,
  viewerClassId,
  viewerId,
  withFreshNonce,
  type StoredPage,
} from "./policy";
import { isSharedPage, pageScopes, scopesToRead, versionKey } from "./scopes";
import type { ViewerLookupService } from "./viewer";

const gzip = promisify(zlib.gzip);

/**
 * gzip level for a body compressed as it is sent (a miss, a page not kept): fast, as nginx's default is.
 * A stored page's fixed parts are compressed at level 6 once, when the page is first served again
 * (deflateParts): most pages stored are never asked for again before the data changes, and level 6 of
 * a 250 kB page in parts cost ~4 ms of CPU against ~1 ms for level 1 of the whole (measured 7 Dec 2026;
 * level 1 is ~20 % larger: /la/330 39.5 kB against 32.5 kB).
 */
const SEND_GZIP_LEVEL = 1;

export type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export type Rendered = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

export type PageCacheOptions = {
  /** Next.js's own request handler, for every request the cache does not answer. */
  passThrough: Handler;
  /** Renders one GET (uncompressed) and returns the whole response; see renderOverSocket. */
  render: (req: IncomingMessage) => Promise<Rendered>;
  lookup: Pick<ViewerLookupService, "lookup">;
  /** Total bytes of stored HTML (default 256 MB). */
  maxBytes?: number;
  /** Longest an entry lives even when nothing changes (default 10 minutes). */
  ttlMs?: number;
  now?: () => Date;
  /** Whether this is a real deployment (demo accounts' sessions count for nobody); default: the process's settings. */
  env?: Pick<AppEnv, "isProduction" | "AUTH_SECRET">;
  /** Where the cache says it has switched itself off, and back on (default console.error). */
  log?: (line: string) => void;
};

export type PageCacheStats = { hits: number; misses: number; bypasses: number; stored: number; bytes: number };

const HOP_BY_HOP = new Set(["connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding"]);

function acceptsGzip(req: IncomingMessage): boolean {
  const accept = req.headers["accept-encoding"];
  if (!accept) return false;
  return accept.split(",").some((part) => {
    const [coding, ...params] = part.trim().split(";");
    if (coding?.trim().toLowerCase() !== "gzip") return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

async function send(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  headers: Iterable<[string, string | string[]]>,
  body: Buffer,
  cacheState: string,
  /** the body already gzipped (a stored page's copy: ./gzip-parts.ts), sent instead of compressing it again */
  gzipped?: Buffer,
) {
  for (const [name, value] of headers) {
    if (!HOP_BY_HOP.has(name.toLowerCase())) res.setHeader(name, value);
  }
  res.setHeader("x-page-cache", cacheState);
  let payload = body;
  const type = String(res.getHeader("content-type") ?? "");
  if (body.length > 1024 && /^(text\/|application\/(json|javascript))/.test(type)) {
    const vary = String(res.getHeader("vary") ?? "");
    if (!/accept-encoding/i.test(vary)) res.setHeader("vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
    if (acceptsGzip(req)) {
      payload = gzipped ?? (await gzip(body, { level: SEND_GZIP_LEVEL }));
      res.setHeader("content-encoding", "gzip");
    }
  }
  res.setHeader("content-length", payload.length);
  res.statusCode = status;
  res.end(payload);
}

const headerEntries = (headers: http.IncomingHttpHeaders): [string, string | string[]][] =>
  Object.entries(headers).filter((e): e is [string, string | string[]] => e[1] !== undefined);

/** Whether the page shows this name, as markup or inside its RSC payload. */
const mentions = (body: Buffer, name: string) => body.includes(escapeHtml(name)) || body.includes(nameInPayload(name));

/** The body with every name slot filled with `name`, escaped for where it stands (splitAtSlots has checked that it can be). */
function fillSlots(body: string, slot: string, name: string): Buffer {
  const split = splitAtSlots(body, { nonce: null, accountSlot: slot });
  if (!split) throw new Error("the account name slot cannot be filled here");
  return Buffer.concat(
    interleave(
      split.segments.map((part) => Buffer.from(part, "utf8")),
      slotValues(split.slots, { nonce: "", name }),
    ),
  );
}

/**
 * Compresses each fixed part of a stored page (./gzip-parts.ts) and counts them in its size: done once, the
 * first time the page is served again (the object is updated in place, so requests that waited for the
 * same render share it).
 */
function deflateParts(page: StoredPage): void {
  const deflated = page.segments.map((segment) => deflatePart(segment));
  page.deflated = deflated;
  page.bytes += deflated.reduce((n, b) => n + b.length, 0);
}

export function createPageCache(options: PageCacheOptions): Handler & { stats: () => PageCacheStats; clear: () => void } {
  const now = options.now ?? clockNow;
  const env = options.env ?? getEnv();
  const store = boundedCache<string, StoredPage>({
    maxSize: options.maxBytes ?? 256 * 1024 * 1024,
    sizeOf: (page) => page.bytes,
    ttlMs: options.ttlMs ?? 10 * 60 * 1000,
  });
  /** One render per key at a time: requests arriving meanwhile wait for it (after every write, all pages miss at once). */
  const inflight = new Map<string, Promise<StoredPage | null>>();
  const counts = { hits: 0, misses: 0, bypasses: 0 };
  const log = options.log ?? ((line: string) => console.error(line));
  /** Why the cache is switched off (the database could not be asked), or null while it works. One line per change. */
  let offBecause: string | null = null;
  const switchOff = (error: unknown) => {
    if (offBecause !== null) return;
    offBecause = error instanceof Error ? error.message : String(error);
    log(`[page-cache] off: the database could not be asked (${offBecause}); serving every page straight from the app until it answers`);
  };
  const switchOn = () => {
    if (offBecause === null) return;
    offBecause = null;
    log("[page-cache] on again: the database answers");
  };

  /** A copy of a stored page with this nonce and the viewer's name, gzipped from its compressed parts. */
  const sendCopy = (
    req: IncomingMessage,
    res: ServerResponse,
    page: StoredPage,
    nonce: string,
    name: string | undefined,
    state: string,
  ) => {
    const copy = withFreshNonce(page, nonce, name);
    const gzipped = page.deflated && acceptsGzip(req) ? gzipFromParts(copy.raw, page.deflated) : undefined;
    return send(req, res, page.status, copy.headers, copy.body, state, gzipped);
  };

  const serveStored = (req: IncomingMessage, res: ServerResponse, key: string, page: StoredPage, name: string | undefined) => {
    counts.hits++;
    if (!page.deflated) {
      deflateParts(page);
      // Set again so that the cache counts the compressed parts in its size (unless the entry has gone or been
      // replaced meanwhile): as a new object, as lru-cache does not measure the same value again, and keeping
      // its time to live.
      if (store.peek(key) === page) store.set(key, { ...page }, { noUpdateTTL: true });
    }
    return sendCopy(req, res, page, createNonce(), name, "hit");
  };

  const bypass = (req: IncomingMessage, res: ServerResponse, reason: string) => {
    counts.bypasses++;
    res.setHeader("x-page-cache", `bypass; ${reason}`);
    return options.passThrough(req, res);
  };

  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    const candidate = classifyRequest(req);
    if ("bypass" in candidate) return bypass(req, res, candidate.bypass);

    let key: string;
    let sessionRead: SessionRead | null = null;
    let user: SessionUser | null = null;
    /** one copy serves everyone with this viewer's access, their name filled in (decision 0031) */
    let shared = false;
    try {
      const path = candidate.url.split("?")[0]!;
      // Every scope this page could show anyone, read with the session in one query; the viewer then says which count.
      const viewer = await options.lookup.lookup(candidate.sessionToken, scopesToRead(path));
      switchOn();
      user = sessionUserFrom(viewer.session, env);
      // A cookie that is not a live session: the app decides what to show (and may clear it).
      if (candidate.sessionCookie !== null && user === null) return bypass(req, res, "session");
      if (candidate.sessionToken !== null) sessionRead = { token: candidate.sessionToken, row: viewer.session };
      // Shared only for a cookie signed with this secret, as the app itself requires: a known token with a
      // forged signature keeps an entry of its own (for that exact cookie), and the app decides what it sees.
      shared =
        user !== null &&
        isSharedPage(path) &&
        (await verifiedSessionToken(decodeURIComponent(candidate.sessionCookie!), env.AUTH_SECRET)) === candidate.sessionToken;
      key = cacheKey({
        url: candidate.url,
        host: req.headers.host ?? "",
        viewer: shared ? viewerClassId(user!) : viewerId(candidate, user),
        dataVersion: versionKey(pageScopes(path, user), viewer.versions),
        date: today(now()),
      });
    } catch (error) {
      switchOff(error);
      // Database unreachable: no cache decision can be trusted, so nothing is served from or kept in
      // the cache. The app renders the page; if it cannot, the fallback page says so — Next.js's own
      // error page needs JavaScript to appear.
      counts.bypasses++;
      let rendered: Rendered;
      try {
        rendered = await options.render(req);
      } catch {
        return sendFallbackPage(res, SERVICE_PROBLEM, "bypass; database");
      }
      if (rendered.status >= 500) return sendFallbackPage(res, SERVICE_PROBLEM, "bypass; database");
      return send(req, res, rendered.status, headerEntries(rendered.headers), rendered.body, "bypass; database");
    }

    const name = user?.name;
    const stored = store.get(key);
    if (stored) return serveStored(req, res, key, stored, name);

    const pending = inflight.get(key);
    if (pending) {
      const page = await pending;
      if (page) return serveStored(req, res, key, page, name);
    }

    counts.misses++;
    let rendered: Rendered;
    let resolveInflight: (page: StoredPage | null) => void = () => {};
    if (!pending) inflight.set(key, new Promise((resolve) => (resolveInflight = resolve)));
    // The render uses this request's read of the session rather than reading it again (decision 0022),
    // and, for a shared page, puts the name slot where the account bar's name goes.
    if (sessionRead) req.headers[SESSION_READ_HEADER] = handOffSessionRead({ ...sessionRead, accountNameSlot: shared });
    const accountSlot = accountNameSlot();
    /** whether the rendered page carries the account-name slot (looked for once per body: it is ~0.5 MB) */
    let hasSlot: boolean;
    /** the first render's text, for a shared render that carries the slot (the only one split or filled as text) */
    let text: string | null = null;
    let keep = true;
    try {
      rendered = await options.render(req);
      // Searched as bytes: a UTF-8 string occurs in the text exactly where its bytes occur in the body.
      hasSlot = rendered.body.includes(accountSlot);
      // A shared render with the slot is read as text once: to check where the slot stands, to split it, and to fill it.
      if (shared && hasSlot) text = rendered.body.toString("utf8");
      if (shared && !hasSlot && mentions(rendered.body, name!)) {
        // Rendered with the person's own name and no slot (the hand-off was not taken): never shared, and
        // never let a copy go to anyone else (the key is the shared one: nothing is kept).
        shared = false;
        keep = false;
      } else if (text !== null && !splitAtSlots(text, { nonce: null, accountSlot })) {
        // The slot stands somewhere it cannot be filled safely: render again for this person alone.
        delete req.headers[SESSION_READ_HEADER];
        rendered = await options.render(req);
        hasSlot = rendered.body.includes(accountSlot);
        shared = false;
        keep = false;
      }
    } catch (error) {
      resolveInflight(null);
      if (!pending) inflight.delete(key);
      log(
        `[page-cache] could not render ${candidate.url.split("?")[0]} for the cache (${error instanceof Error ? error.message : String(error)}); passed to the app`,
      );
      return bypass(req, res, "render");
    }
    // A shared page has the slot wherever the account bar is; one that shows no name at all (checked above) has none.
    // A page rendered outside the shared mode never carries the slot; if it somehow did, it is not kept.
    const slot = shared && hasSlot ? accountSlot : null;
    const storable =
      keep && rendered.status < 500 && (shared || !hasSlot)
        ? storablePage(rendered.status, rendered.headers, slot ? text! : rendered.body, slot)
        : null;
    // Kept as it is: its fixed parts are compressed once when it is first served again (deflateParts);
    // this response is compressed as it is sent, fast (SEND_GZIP_LEVEL).
    const page = storable;
    if (page) store.set(key, page);
    resolveInflight(page);
    if (!pending) inflight.delete(key);
    // The app failed to render (e.g. the database went away after the session lookup): Next.js's
    // error document needs JavaScript to show anything, so send the plain GOV.UK page instead.
    if (rendered.status >= 500) return sendFallbackPage(res, SERVICE_PROBLEM, "miss; error");
    if (page) return sendCopy(req, res, page, page.nonce, name, "miss");
    // Not kept (an error page, a redirect): sent as rendered, with a shared render's name slot filled in.
    const sent = slot ? fillSlots(text!, slot, name!) : rendered.body;
    return send(req, res, rendered.status, headerEntries(rendered.headers), sent, "miss; not stored");
  };

  return Object.assign(
    (req: IncomingMessage, res: ServerResponse) => {
      handler(req, res).catch((error: unknown) => {
        log(
          `[page-cache] failed on ${req.method} ${(req.url ?? "").split("?")[0]}: ${error instanceof Error ? error.message : String(error)}`,
        );
        if (!res.headersSent) {
          res.statusCode = 500;
          res.setHeader("content-type", "text/plain; charset=utf-8");
        }
        res.end("Sorry, there is a problem with the service. Try again later.");
      });
    },
    {
      stats: (): PageCacheStats => ({ ...counts, stored: store.size, bytes: store.calculatedSize }),
      clear: () => store.clear(),
    },
  );
}

/**
 * `render` for createPageCache: sends the request to Next.js listening on a private Unix socket
 * (same process) without Accept-Encoding, and collects the whole response.
 */
export function renderOverSocket(socketPath: string): (req: IncomingMessage) => Promise<Rendered> {
  // Idle sockets are closed here after 30 s, before the internal server would close them (scripts/serve.ts
  // keeps them 65 s), so a request is not sent on a socket the server is closing at that moment.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64, timeout: RENDER_SOCKET_IDLE_MS });
  const once = (req: IncomingMessage) =>
    new Promise<Rendered>((resolve, reject) => {
      const headers: http.OutgoingHttpHeaders = { ...req.headers };
      delete headers["accept-encoding"];
      delete headers.connection;
      // The client's address travels in the front server's own header (lib/page-cache/front-server.ts),
      // already among req.headers; nothing the client sent about addresses is passed on.
      const upstream = http.request({ socketPath, agent, method: "GET", path: req.url, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 502, headers: response.headers, body: Buffer.concat(chunks) }));
        response.on("error", reject);
      });
      upstream.setTimeout(60_000, () => upstream.destroy(new Error("render timed out")));
      upstream.on("error", (error: NodeJS.ErrnoException) =>
        // A kept-alive socket closed by the other end as it was reused (EPIPE, ECONNRESET before any
        // answer): a GET, so it is sent again once on a new socket, as Node's documentation advises.
        reject(Object.assign(error, { retry: upstream.reusedSocket && ["EPIPE", "ECONNRESET"].includes(error.code ?? "") })),
      );
      upstream.end();
    });
  return (req) => once(req).catch((error: Error & { retry?: boolean }) => (error.retry ? once(req) : Promise.reject(error)));
}

/** How long the page cache keeps an idle socket to Next.js open; the internal server must keep them longer (RENDER_SOCKET_KEEP_ALIVE_MS). */
const RENDER_SOCKET_IDLE_MS = 30_000;
/** keepAliveTimeout for the internal server that renderOverSocket talks to (scripts/serve.ts). */
export const RENDER_SOCKET_KEEP_ALIVE_MS = 65_000;
