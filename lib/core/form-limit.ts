// The largest form submission the app takes, shared by Next.js (experimental.serverActions.bodySizeLimit
// in next.config.ts) and the front server (lib/page-cache/form-limit.ts), which answers a larger
// no-JavaScript post itself: back to the form, with "The text is too long". No server-only imports:
// next.config.ts and scripts/serve.ts read this too.

/** 1 MB, Next.js's default for server actions, stated once. */
export const FORM_BODY_LIMIT_BYTES = 1024 * 1024;

/** Set (for a minute) by the front server's redirect back to the form; read by the page, cleared by proxy.ts. */
export const FORM_TOO_LONG_COOKIE = "csc_form_too_long";

export const FORM_TOO_LONG_MESSAGE = "The text is too long";
