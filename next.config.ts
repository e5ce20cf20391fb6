import type { NextConfig } from "next";
import { FORM_BODY_LIMIT_BYTES } from "./lib/core/form-limit";
import { staticSecurityHeaders } from "./lib/auth/security-headers";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  typedRoutes: false,
  experimental: {
    // forbidden() → app/forbidden.tsx with HTTP 403 (lib/auth/request.ts requireAccess).
    authInterrupts: true,
    // Server actions keep Next's Origin/Host check; no serverActions.allowedOrigins on purpose.
    // The limit is stated once: the front server sends a larger no-JS form post back to its form with
    // "The text is too long" (lib/page-cache/form-limit.ts) instead of Next.js's bare 500.
    serverActions: { bodySizeLimit: FORM_BODY_LIMIT_BYTES },
  },
  async headers() {
    // Pages get these plus the nonce CSP (and HSTS under https) from proxy.ts at request time.
    return [{ source: "/:path*", headers: staticSecurityHeaders({ https: false }) }];
  },
};

export default nextConfig;
