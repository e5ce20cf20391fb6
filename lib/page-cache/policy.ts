// The page cache's rules (pure, unit-tested): which requests may be answered from the cache, what
// the cache key is made of, which responses may be stored, and how a stored page gets a fresh CSP
// nonce. The I/O is in ./viewer.ts (one query) and ./server.ts (HTTP). Why a page cache at all,
// and why it is safe: docs/decisions/0010-page-cache.md.
import { createHash } from "node:crypto";
import { htmlEscapeJsonString } from "next/dist/shared/lib/htmlescape";
import { escapeHtml } from "@/lib/core/html-escape";
import type { SessionUser } from "@/lib/auth/session";
import { PAGES } from "./scopes";

/** Pages whose HTML depends only on the URL, the signed-in user, the database and the date (with the data they show: ./scopes.ts). */
const CACHEABLE_PATHS: readonly RegExp[] = PAGES.map((page) => page.path);

/** better-auth's session cookie with our prefix (lib/auth/server.ts COOKIE_PREFIX), plain and __Secure-. */
export const SESSION_COOKIE_NAMES = ["csc.session_token", "__Secure-csc.session_token"] as const;

/** Longest URL (path + query) worth caching; longer ones go straight to the app. */
const MAX_URL_LENGTH = 2_000;

export type RequestFacts = {
  method?: string | undefined;
  url?: string | undefined;
  headers: Record<string, string | string[] | undefined>;
};

export type Candidate = {
  /** path + query exactly as requested */
  url: string;
  /** the raw session cookie value (signed token), or null for an anonymous request */
  sessionCookie: string | null;
  /** the session token (the part before the signature), looked up in auth_session */
  sessionToken: string | null;
};

export type Bypass = { bypass: string };

const header = (headers: RequestFacts["headers"], name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
};

/** Parses a Cookie header into name → value (first occurrence wins; a repeated name is reported). */
export function parseCookieHeader(cookieHeader: string): { cookies: Map<string, string>; repeated: boolean } {
  const cookies = new Map<string, string>();
  let repeated = false;
  for (const part of cookieHeader.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) {
      if (part.trim()) repeated = true; // a malformed pair: treat like anything unusual, bypass
      continue;
    }
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (!name) continue;
    if (cookies.has(name)) repeated = true;
    else cookies.set(name, value);
  }
  return { cookies, repeated };
}

/**
 * Whether this request may be served from (and stored in) the cache. Only plain document GETs of
 * the pages above, carrying no cookie but the session cookie: a React Server Components fetch, a
 * prefetch, a server action, a HEAD, or any other cookie (e.g. the no-JS form-error flag) goes
 * straight to the app.
 */
export function classifyRequest(request: RequestFacts): Candidate | Bypass {
  if (request.method !== "GET") return { bypass: "method" };
  const url = request.url ?? "";
  if (!url.startsWith("/") || url.length > MAX_URL_LENGTH) return { bypass: "url" };
  const q = url.indexOf("?");
  const path = q < 0 ? url : url.slice(0, q);
  const search = q < 0 ? "" : url.slice(q + 1);
  if (!CACHEABLE_PATHS.some((re) => re.test(path))) return { bypass: "path" };
  if (/(^|&)_rsc=/.test(search)) return { bypass: "rsc" };
  const h = request.headers;
  for (const name of ["rsc", "next-router-prefetch", "next-router-state-tree", "next-action", "next-url", "authorization"]) {
    if (h[name] !== undefined) return { bypass: name };
  }
  const cookieHeader = header(h, "cookie");
  if (!cookieHeader) return { url, sessionCookie: null, sessionToken: null };
  const { cookies, repeated } = parseCookieHeader(cookieHeader);
  if (repeated) return { bypass: "cookie" };
  let sessionCookie: string | null = null;
  for (const [name, value] of cookies) {
    if (!(SESSION_COOKIE_NAMES as readonly string[]).includes(name) || sessionCookie !== null) return { bypass: "cookie" };
    sessionCookie = value;
  }
  if (!sessionCookie) return { url, sessionCookie: null, sessionToken: null };
  let decoded: string;
  try {
    decoded = decodeURIComponent(sessionCookie);
  } catch {
    return { bypass: "cookie" };
  }
  const dot = decoded.indexOf(".");
  const token = dot < 0 ? decoded : decoded.slice(0, dot);
  if (!token) return { bypass: "cookie" };
  return { url, sessionCookie, sessionToken: token };
}

/**
 * The cache key: everything the page's HTML depends on. `viewer` is "anonymous" or the user id and
 * the exact session cookie (so a forged or stale cookie can never share an entry with the real one);
 * `dataVersion` is the versions of the data-version scopes this page shows this viewer (./scopes.ts
 * versionKey), each raised by every committed write to its tables; the host and date complete it.
 */
export function cacheKey(parts: { url: string; host: string; viewer: string; dataVersion: string; date: string }): string {
  return createHash("sha256")
    .update(JSON.stringify([parts.url, parts.host, parts.viewer, parts.dataVersion, parts.date]))
    .digest("base64url");
}

/** What the page shows of the signed-in person (the account bar) or decides by (role, LA): read afresh with every request. */
export type ViewerFacts = Pick<SessionUser, "id" | "name" | "email" | "role" | "laNumber" | "laName" | "isDemo">;

/**
 * Who the page is for: "anonymous", or the user with a hash of the exact session cookie and of
 * everything the page shows or decides by about them, so a change to the person's role, LA or name
 * is a new entry at once, whatever scopes the page keys on.
 */
export const viewerId = (candidate: Candidate, user: ViewerFacts | null): string =>
  candidate.sessionCookie === null
    ? "anonymous"
    : `user:${user?.id ?? null}:${createHash("sha256")
        .update(JSON.stringify([candidate.sessionCookie, user?.name, user?.email, user?.role, user?.laNumber, user?.laName, user?.isDemo]))
        .digest("base64url")}`;

/**
 * Who a shared page is for (scopes.ts isSharedPage): everyone with this role, LA and demo flag sees the
 * same page — pages decide only through `can` (role, LA) — so one copy serves them all, with each
 * viewer's name put in the account bar when it is sent (decision 0031). A change to any of these is a
 * new entry at once; the person's name and email are not part of it.
 */
export const viewerClassId = (user: ViewerFacts): string =>
  `access:${createHash("sha256")
    .update(JSON.stringify([user.role, user.laNumber, user.laName, user.isDemo]))
    .digest("base64url")}`;

/** The nonce in a Content-Security-Policy header (`'nonce-…'` in script-src), or null. */
export function nonceFromCsp(csp: string | undefined): string | null {
  const match = csp ? /'nonce-([A-Za-z0-9+/=_-]{16,})'/.exec(csp) : null;
  return match ? match[1]! : null;
}

/** Response headers never stored: hop-by-hop, per-response, or recomputed when sending. */
const UNSTORED_HEADERS = new Set([
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-length",
  "content-encoding",
  "date",
  "set-cookie",
  "x-page-cache",
]);

/** What fills a gap in a stored page: the CSP nonce, or the viewer's name (as HTML text, or inside the RSC payload's script). */
export type SlotKind = "nonce" | "name-html" | "name-script";

export type StoredPage = {
  status: 200;
  headers: [string, string][];
  /** the page split at every slot, as bytes: a copy is these joined by the slots' values */
  segments: Buffer[];
  /** slots[i] stands between segments[i] and segments[i + 1] */
  slots: SlotKind[];
  /** each segment compressed once (./gzip-parts.ts deflatePart), or null until it is */
  deflated: Buffer[] | null;
  /** total bytes, for the cache's size limit */
  bytes: number;
  nonce: string;
};

/** Next.js's inline RSC payload scripts (next/dist/server/app-render/use-flight-response.js). */
const FLIGHT_SCRIPT = "self.__next_f.push(";
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/**
 * The page split at every occurrence of its nonce and of the account-name slot (lib/auth/account-slot.ts),
 * each slot said to be a nonce, the name as HTML text, or the name inside an RSC payload script. Null when
 * the name slot stands anywhere its escaping is not known (another script), or is not both once in the
 * payload and in the markup: then the page cannot be shared, and is rendered for the viewer alone.
 */
export function splitAtSlots(
  body: string,
  marks: { nonce: string | null; accountSlot: string | null },
): { segments: string[]; slots: SlotKind[] } | null {
  const needles = [marks.nonce, marks.accountSlot].filter((n): n is string => Boolean(n));
  if (needles.length === 0) return { segments: [body], slots: [] };
  // Where the scripts are matters only for the name slot: a page split at its nonce alone is not scanned for them.
  const scripts = marks.accountSlot
    ? [...body.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => ({
        start: m.index,
        end: m.index + m[0].length,
        flight: m[1]!.startsWith(FLIGHT_SCRIPT),
      }))
    : [];
  const segments: string[] = [];
  const slots: SlotKind[] = [];
  let from = 0;
  for (const m of body.matchAll(new RegExp(needles.map(escapeRegExp).join("|"), "g"))) {
    let kind: SlotKind = "nonce";
    if (m[0] !== marks.nonce) {
      const script = scripts.find((r) => m.index >= r.start && m.index < r.end);
      if (script && !script.flight) return null;
      kind = script ? "name-script" : "name-html";
    }
    segments.push(body.slice(from, m.index));
    slots.push(kind);
    from = m.index + m[0].length;
  }
  segments.push(body.slice(from));
  if (marks.accountSlot !== null) {
    const inPayload = slots.filter((k) => k === "name-script").length;
    const inMarkup = slots.filter((k) => k === "name-html").length;
    if (inPayload !== 1 || inMarkup < 1) return null;
  }
  return { segments, slots };
}

/**
 * The viewer's name as it stands inside an RSC payload script: a string in a Flight row (which marks a
 * leading "$" with another), that row inside the JSON of `self.__next_f.push([1, "…"])`, escaped for a
 * script element as Next.js does.
 */
export function nameInPayload(name: string): string {
  const inRow = JSON.stringify(name.startsWith("$") ? `$${name}` : name).slice(1, -1);
  // escaped for the script element by Next.js's own function, the one its inline payload scripts go through
  return htmlEscapeJsonString(JSON.stringify(inRow).slice(1, -1));
}

/** Each slot's value for one copy. */
export function slotValues(slots: readonly SlotKind[], values: { nonce: string; name?: string | undefined }): Buffer[] {
  return slots.map((kind) => {
    if (kind === "nonce") return Buffer.from(values.nonce, "utf8");
    if (values.name === undefined) throw new Error("this page has the viewer's name to fill, and no name was given");
    return Buffer.from(kind === "name-html" ? escapeHtml(values.name) : nameInPayload(values.name), "utf8");
  });
}

/** The copy's bytes in order: segments and slot values alternating (what gzipFromParts takes). */
export function interleave(segments: readonly Buffer[], values: readonly Buffer[]): Buffer[] {
  return segments.flatMap((segment, i) => (i < values.length ? [segment, values[i]!] : [segment]));
}

/**
 * The page split at every occurrence of its nonce, as views of its bytes (no copy). The nonce is ASCII,
 * and an ASCII byte never occurs inside a UTF-8 sequence, so this is exactly splitAtSlots's split of the
 * decoded text, without decoding 0.5 MB and encoding it back (≈ 3 ms of each miss's CPU).
 */
function splitBytesAtNonce(body: Buffer, nonce: string): { segments: Buffer[]; slots: SlotKind[] } {
  const segments: Buffer[] = [];
  const slots: SlotKind[] = [];
  let from = 0;
  for (let at = body.indexOf(nonce, 0, "latin1"); at !== -1; at = body.indexOf(nonce, from, "latin1")) {
    segments.push(body.subarray(from, at));
    slots.push("nonce");
    from = at + nonce.length;
  }
  segments.push(body.subarray(from));
  return { segments, slots };
}

/**
 * A response the cache may keep: a 200 HTML page with a nonce CSP, uncompressed, setting no cookie,
 * not marked uncacheable by the app (`x-page-cache: no-store`). Anything else is passed on as it is.
 * `accountSlot`: the name slot the page was rendered with, when it is shared between viewers.
 * `body`: the bytes the app sent, or their text; a page with the name slot is split as text
 * (splitAtSlots, which finds the scripts), one without it at the nonce alone, as bytes.
 */
export function storablePage(
  status: number,
  headers: Record<string, string | string[] | undefined>,
  body: string | Buffer,
  accountSlot: string | null = null,
): StoredPage | null {
  if (status !== 200) return null;
  if (headers["set-cookie"] !== undefined) return null;
  if (header(headers, "x-page-cache") === "no-store") return null;
  const encoding = header(headers, "content-encoding");
  if (encoding && encoding !== "identity") return null;
  if (!header(headers, "content-type")?.startsWith("text/html")) return null;
  const nonce = nonceFromCsp(header(headers, "content-security-policy"));
  if (!nonce || !body.includes(nonce)) return null;
  const split =
    typeof body !== "string" && accountSlot === null
      ? splitBytesAtNonce(body, nonce)
      : splitAtSlots(typeof body === "string" ? body : body.toString("utf8"), { nonce, accountSlot });
  if (!split) return null;
  const kept: [string, string][] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || UNSTORED_HEADERS.has(name.toLowerCase())) continue;
    kept.push([name, Array.isArray(value) ? value.join(", ") : value]);
  }
  const segments = split.segments.map((part) => (typeof part === "string" ? Buffer.from(part, "utf8") : part));
  return {
    status: 200,
    headers: kept,
    segments,
    slots: split.slots,
    deflated: null,
    bytes: segments.reduce((n, b) => n + b.length, 0),
    nonce,
  };
}

/**
 * A stored page with a fresh nonce (and, for a shared page, the viewer's name): every occurrence of the
 * old nonce (script/style nonce attributes and the CSP header) is replaced, so no two responses ever
 * share a nonce. The old nonce is 128 random bits, so it occurs nowhere else in the page. `raw` is the
 * copy in parts (for gzipFromParts); `body` the parts joined.
 */
export function withFreshNonce(
  page: StoredPage,
  nonce: string,
  name?: string,
): { headers: [string, string][]; raw: Buffer[]; body: Buffer } {
  const raw = interleave(page.segments, slotValues(page.slots, { nonce, name }));
  return {
    headers: page.headers.map(([header, value]) => [
      header,
      header.toLowerCase() === "content-security-policy" ? value.replaceAll(page.nonce, nonce) : value,
    ]),
    raw,
    body: Buffer.concat(raw),
  };
}
