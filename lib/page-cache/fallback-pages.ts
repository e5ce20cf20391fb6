// Two pages the server in front of Next.js sends itself, in the GOV.UK style, with no scripts:
// - 400 for a URL whose path is not valid percent-encoding (Next.js would answer a bare 500 before
//   any of the app's code runs);
// - 500 "Sorry, there is a problem with the service" when the database cannot be reached and Next.js
//   could not render the page, or when the app answers a page with a server error (Next.js's own
//   error page needs JavaScript to appear).
// Pure, apart from the nonce; unit-tested.
import type { IncomingMessage, ServerResponse } from "node:http";
import { createNonce, staticSecurityHeaders } from "@/lib/auth/security-headers";

const SERVICE = "Children's social care insight";

type Page = { status: 400 | 500; title: string; paragraphs: string[] };

export const BAD_REQUEST: Page = {
  status: 400,
  title: "Sorry, that address is not valid",
  paragraphs: ["The web address has characters in it that we cannot read. Check it, or go to the list of local authorities."],
};

export const SERVICE_PROBLEM: Page = {
  status: 500,
  title: "Sorry, there is a problem with the service",
  paragraphs: ["Try again later.", "If it keeps happening, you can go back to the list of local authorities."],
};

export function fallbackPage(page: Page, nonce: string): { status: number; headers: [string, string][]; body: string } {
  const css = `body{margin:0;font-family:arial,helvetica,sans-serif;color:#0b0c0c;background:#fff}
header{background:#0b0c0c;color:#fff;padding:10px 15px;font-weight:700;font-size:19px}
header a{color:#fff;text-decoration:none}main{max-width:960px;margin:0 auto;padding:40px 15px}
h1{font-size:32px;line-height:1.1;margin:0 0 30px}p{font-size:19px;line-height:1.3;margin:0 0 20px}
a{color:#1d70b8}a:focus{outline:3px solid transparent;background:#fd0;color:#0b0c0c;box-shadow:0 -2px #fd0,0 4px #0b0c0c;text-decoration:none}`;
  const body = `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title} – ${SERVICE}</title><style nonce="${nonce}">${css}</style></head>
<body><header class="govuk-header"><a href="/">${SERVICE}</a></header><main id="main-content"><h1>${page.title}</h1>${page.paragraphs.map((p) => `<p>${p}</p>`).join("")}
<p><a href="/">List of local authorities</a></p></main></body></html>`;
  const csp = `default-src 'none'; style-src 'nonce-${nonce}'; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'`;
  return {
    status: page.status,
    headers: [
      ["content-type", "text/html; charset=utf-8"],
      ["cache-control", "no-store"],
      ["content-security-policy", csp],
      ...staticSecurityHeaders({ https: false }).map(({ key, value }): [string, string] => [key, value]),
    ],
    body,
  };
}

/** `reason` becomes the x-page-cache header; null leaves that header as it is. */
export function sendFallbackPage(res: ServerResponse, page: Page, reason: string | null): void {
  const { status, headers, body } = fallbackPage(page, createNonce());
  for (const [name, value] of headers) res.setHeader(name, value);
  if (reason !== null) res.setHeader("x-page-cache", reason);
  res.statusCode = status;
  res.end(body);
}

/** Whether the path part of a request URL is valid percent-encoding. */
export function hasReadablePath(url: string | undefined): boolean {
  const path = (url ?? "/").split("?")[0]!;
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/** Answers 400 for unreadable paths before anything else sees them. */
export function rejectUnreadablePaths(next: (req: IncomingMessage, res: ServerResponse) => void) {
  return (req: IncomingMessage, res: ServerResponse) => {
    if (!hasReadablePath(req.url)) return sendFallbackPage(res, BAD_REQUEST, "bypass; unreadable path");
    next(req, res);
  };
}
