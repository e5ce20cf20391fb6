// A no-JavaScript form post larger than Next.js takes (FORM_BODY_LIMIT_BYTES) made Next.js answer a
// bare "Internal Server Error". The front server answers it instead, before Next.js reads the body:
// 303 back to the same address (a no-JS server action posts to its own page) with a short-lived
// cookie that makes the page show a GOV.UK error summary, "The text is too long"; the form shows
// again. Nothing reaches the app, so nothing is saved. Judged by Content-Length, which browsers
// always send for forms; a chunked body is left to Next.js's own limit.
import type { IncomingMessage, ServerResponse } from "node:http";
import { FORM_BODY_LIMIT_BYTES, FORM_TOO_LONG_COOKIE } from "@/lib/core/form-limit";

type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** Bodies up to this are read and dropped so the browser sees the redirect; larger ones close the connection. */
const DRAIN_LIMIT_BYTES = 32 * 1024 * 1024;

const FORM_TYPES = /^(multipart\/form-data|application\/x-www-form-urlencoded)\b/i;

/** Whether this is a browser form post (no JavaScript) over the limit. */
export function isOversizedFormPost(req: IncomingMessage, limit = FORM_BODY_LIMIT_BYTES): boolean {
  if (req.method !== "POST" || req.headers["next-action"] !== undefined) return false;
  if (!FORM_TYPES.test(req.headers["content-type"] ?? "")) return false;
  const length = Number(req.headers["content-length"]);
  return Number.isFinite(length) && length > limit;
}

export function limitFormPosts(next: Handler, limit = FORM_BODY_LIMIT_BYTES): Handler {
  return (req, res) => {
    if (!isOversizedFormPost(req, limit)) return next(req, res);
    const length = Number(req.headers["content-length"]);
    const answer = () => {
      res.statusCode = 303;
      res.setHeader("location", req.url ?? "/");
      res.setHeader("set-cookie", `${FORM_TOO_LONG_COOKIE}=1; Max-Age=60; Path=/; HttpOnly; SameSite=Lax`);
      res.setHeader("cache-control", "no-store");
      res.setHeader("x-page-cache", "bypass; form too long");
      if (length > DRAIN_LIMIT_BYTES) res.setHeader("connection", "close");
      res.end();
    };
    if (length > DRAIN_LIMIT_BYTES) {
      answer();
      req.destroy();
      return;
    }
    // Read the body and drop it, then answer: a browser still sending would otherwise see the
    // connection reset instead of the redirect.
    req.on("error", () => {});
    req.on("end", answer);
    req.resume();
  };
}
