// Runs before every page and route: a per-request nonce-based Content Security Policy and the other
// security headers, plus the request path for the page guards' "come back here after signing in".
// It does NOT authorise anything: every page and server action checks access itself
// (lib/auth/request.ts, lib/actions/safe-action.ts). See docs/decisions/0008-authentication.md.
import { NextResponse, type NextRequest } from "next/server";
import { getEnv } from "@/lib/core/env";
import { buildCsp, createNonce, staticSecurityHeaders } from "@/lib/auth/security-headers";
import { FORM_TOO_LONG_COOKIE } from "@/lib/core/form-limit";

export function proxy(request: NextRequest) {
  const env = getEnv();
  const https = Boolean(env.APP_URL?.startsWith("https://"));
  const nonce = createNonce();
  const csp = buildCsp({ nonce, isDevServer: process.env.NODE_ENV === "development", upgradeInsecureRequests: https });

  const requestHeaders = new Headers(request.headers);
  // Next.js reads the nonce from the request's CSP header and puts it on its own scripts.
  requestHeaders.set("content-security-policy", csp);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("x-request-path", `${request.nextUrl.pathname}${request.nextUrl.search}`);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  for (const { key, value } of staticSecurityHeaders({ https })) response.headers.set(key, value);
  // "The text is too long" (lib/page-cache/form-limit.ts) shows on the one page it was sent back to.
  // A raw header, not response.cookies.delete(): that would also hide the cookie from this very render.
  if (request.cookies.has(FORM_TOO_LONG_COOKIE))
    response.headers.append("set-cookie", `${FORM_TOO_LONG_COOKIE}=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax`);
  return response;
}

export const config = {
  // Everything except build assets and icons (those get the static headers from next.config.ts).
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)"],
};
