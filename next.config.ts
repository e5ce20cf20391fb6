import type { NextConfig } from "next";
import { staticSecurityHeaders } from "./lib/auth/security-headers";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  typedRoutes: false,
  experimental: {
    // forbidden() → app/forbidden.tsx with HTTP 403 (lib/auth/request.ts requireAccess).
    authInterrupts: true,
    // Server actions keep Next's Origin/Host check; no serverActions.allowedOrigins on purpose.
  },
  async headers() {
    // Pages get these plus the nonce CSP (and HSTS under https) from proxy.ts at request time.
    return [{ source: "/:path*", headers: staticSecurityHeaders({ https: false }) }];
  },
};

export default nextConfig;
