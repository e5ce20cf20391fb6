// The front server's answer when Next.js fails a request outright (the database is down, hangs, or a
// bug throws): Next.js sends a 500 whose body is its "__next_error__" document (the browser then
// draws app/error.tsx — only with JavaScript), or an empty or "Internal Server Error" body for a route
// handler. Without JavaScript that is a blank page. This wrapper looks at what Next.js is about to send:
// - a response below 500 is passed through untouched, chunk by chunk as Next.js writes it (no
//   buffering: streaming is not slowed);
// - a 5xx is held back until it ends; if its body is one of Next.js's bare failures, the person gets
//   the plain GOV.UK "Sorry, there is a problem with the service" page instead (a CSV download gets a
//   plain-text message), with no scripts; any other 5xx body (a real page) is sent as it was.
// Only requests a browser makes without JavaScript are answered this way: an RSC fetch or a server
// action fetch (`rsc` / `next-action` headers) is left to the client router, which shows app/error.tsx.
import type { IncomingMessage, ServerResponse } from "node:http";
import zlib from "node:zlib";
import { createNonce } from "@/lib/auth/security-headers";
import { SERVICE_PROBLEM, fallbackPage } from "./fallback-pages";

type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** Beyond this a held 5xx body is sent on as it is (Next.js's failure documents are far smaller). */
const MAX_HELD_BYTES = 2 * 1024 * 1024;

export const CSV_PROBLEM_TEXT = "Sorry, there is a problem with the service. The download could not be made. Try again later.\n";

/** Whether a 5xx body is Next.js's own bare failure rather than a page the app rendered. */
export function isBareServerError(body: string): boolean {
  const text = body.trimStart();
  return text === "" || /^internal server error\.?$/i.test(text.trim()) || /^<!DOCTYPE html><html id="__next_error__"/i.test(text);
}

/** CSV downloads: /la/[code]/csv/[table], /risk/csv, /la/[code]/plan/report/csv. */
export function isCsvPath(url: string | undefined): boolean {
  const path = (url ?? "/").split("?")[0]!;
  return /\/csv(\/|$)/.test(path);
}

/** The held body as text, undoing the compression Next.js applies when the client accepts it. */
function decoded(body: Buffer, encoding: unknown): string | null {
  try {
    const coding = String(encoding ?? "identity")
      .trim()
      .toLowerCase();
    if (coding === "gzip" || coding === "x-gzip") return zlib.gunzipSync(body).toString("utf8");
    if (coding === "deflate") return zlib.inflateSync(body).toString("utf8");
    if (coding === "br") return zlib.brotliDecompressSync(body).toString("utf8");
    return coding === "identity" ? body.toString("utf8") : null;
  } catch {
    return null;
  }
}

/** What is sent instead of a bare failure: the plain error page, or for a CSV download plain text. */
function replacement(url: string | undefined): { status: number; headers: [string, string][]; body: string } {
  if (!isCsvPath(url)) return fallbackPage(SERVICE_PROBLEM, createNonce());
  const headers: [string, string][] = [
    ["content-type", "text/plain; charset=utf-8"],
    ["cache-control", "no-store"],
    ["x-content-type-options", "nosniff"],
  ];
  return { status: 500, headers, body: CSV_PROBLEM_TEXT };
}

type Chunk = string | Uint8Array;
type Callback = (error?: Error | null) => void;

export function plainServerErrors(next: Handler): Handler {
  return (req, res) => {
    if (req.headers.rsc !== undefined || req.headers["next-action"] !== undefined) return next(req, res);
    const original = { writeHead: res.writeHead, write: res.write, end: res.end, flushHeaders: res.flushHeaders };
    let mode: "undecided" | "pass" | "hold" = "undecided";
    let heldHead: unknown[] | null = null;
    const held: Buffer[] = [];
    let heldBytes = 0;

    // The overrides stay in place (Next.js may wrap these methods again, around ours) and, once the
    // response is known not to be a failure, only hand each call to the original.
    const decide = (status: number) => {
      if (mode === "undecided") mode = status >= 500 ? "hold" : "pass";
    };
    const toBuffer = (chunk: Chunk, encoding?: BufferEncoding) =>
      typeof chunk === "string" ? Buffer.from(chunk, encoding) : Buffer.from(chunk);
    /** Sends what was held exactly as Next.js meant it (not one of its bare failures, or too big to judge). */
    const release = () => {
      mode = "pass";
      if (heldHead) original.writeHead.apply(res, heldHead as Parameters<ServerResponse["writeHead"]>);
      for (const chunk of held.splice(0)) (original.write as (chunk: Buffer) => boolean).call(res, chunk);
    };

    res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
      decide(Number(args[0]));
      if (mode === "pass") return original.writeHead.apply(this, args as Parameters<ServerResponse["writeHead"]>);
      heldHead = args;
      return this;
    } as ServerResponse["writeHead"];
    res.flushHeaders = function (this: ServerResponse) {
      decide(this.statusCode);
      if (mode === "pass") original.flushHeaders.call(this);
    };
    res.write = function (this: ServerResponse, chunk: Chunk, encoding?: BufferEncoding | Callback, callback?: Callback) {
      decide(this.statusCode);
      if (mode === "pass") return original.write.call(this, chunk, encoding as BufferEncoding, callback);
      const done = typeof encoding === "function" ? encoding : callback;
      held.push(toBuffer(chunk, typeof encoding === "string" ? encoding : undefined));
      heldBytes += held.at(-1)!.length;
      if (heldBytes > MAX_HELD_BYTES) release();
      done?.();
      return true;
    } as ServerResponse["write"];
    res.end = function (this: ServerResponse, chunk?: Chunk | Callback, encoding?: BufferEncoding | Callback, callback?: Callback) {
      decide(this.statusCode);
      if (mode === "pass") return original.end.call(this, chunk as Chunk, encoding as BufferEncoding, callback);
      const done = [chunk, encoding, callback].find((a): a is Callback => typeof a === "function");
      if (chunk !== undefined && typeof chunk !== "function")
        held.push(toBuffer(chunk, typeof encoding === "string" ? encoding : undefined));
      const text = heldBytes <= MAX_HELD_BYTES ? decoded(Buffer.concat(held), this.getHeader("content-encoding")) : null;
      if (text !== null && isBareServerError(text)) {
        mode = "pass";
        const cacheState = this.getHeader("x-page-cache");
        for (const name of this.getHeaderNames()) this.removeHeader(name);
        if (cacheState !== undefined) this.setHeader("x-page-cache", cacheState);
        const { status, headers, body } = replacement(req.url);
        for (const [name, value] of headers) this.setHeader(name, value);
        this.statusCode = status;
        return (original.end as (body: string, callback?: () => void) => ServerResponse).call(this, body, done);
      }
      release();
      return (original.end as (callback?: () => void) => ServerResponse).call(this, done);
    } as ServerResponse["end"];

    return next(req, res);
  };
}
