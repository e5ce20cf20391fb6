// Security headers (pure, unit-tested). proxy.ts adds the per-request nonce CSP to every page;
// next.config.ts adds the static ones to everything, including files under /_next/static.

type CspOptions = {
  nonce: string;
  /** `next dev` needs eval for React's debugging; a production build never does. */
  isDevServer: boolean;
  /** Only when served over https (on http://localhost it would break every asset). */
  upgradeInsecureRequests: boolean;
};

export function buildCsp({ nonce, isDevServer, upgradeInsecureRequests }: CspOptions): string {
  const directives = [
    "default-src 'self'",
    // 'strict-dynamic': scripts loaded by a nonced script (Next's chunks) are trusted; nothing else.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDevServer ? " 'unsafe-eval'" : ""}`,
    // next dev injects <style> elements without a nonce (error overlay, hot reload); builds do not.
    isDevServer ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    // React renders style="…" attributes (e.g. chart containers); attributes cannot run code.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(upgradeInsecureRequests ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** A fresh, unguessable nonce (128 bits, base64). */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/** Headers for every response (pages, API routes, static files). */
export function staticSecurityHeaders(options: { https: boolean }): { key: string; value: string }[] {
  return [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Referrer-Policy", value: "same-origin" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
    { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
    ...(options.https ? [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }] : []),
  ];
}
