// Where to go after signing in. Only a path on this site: anything else (another host, "//evil",
// "/\evil", javascript:) would make the sign-in page an open redirect.

export const DEFAULT_AFTER_SIGN_IN = "/";

export function safeReturnTo(value: unknown): string {
  if (typeof value !== "string") return DEFAULT_AFTER_SIGN_IN;
  const path = value.trim();
  if (path.length === 0 || path.length > 500) return DEFAULT_AFTER_SIGN_IN;
  if (!path.startsWith("/") || path.startsWith("//") || path.includes("\\")) return DEFAULT_AFTER_SIGN_IN;
  // eslint-style control characters and whitespace inside a path are never legitimate here
  if (/[\u0000-\u001f\u007f\s]/.test(path)) return DEFAULT_AFTER_SIGN_IN;
  try {
    const url = new URL(path, "http://x.invalid");
    if (url.host !== "x.invalid") return DEFAULT_AFTER_SIGN_IN;
    // Sending someone back to sign in or sign out after signing in makes no sense.
    if (url.pathname === "/sign-in" || url.pathname === "/sign-out") return DEFAULT_AFTER_SIGN_IN;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return DEFAULT_AFTER_SIGN_IN;
  }
}

export function signInPath(returnTo: string): string {
  const safe = safeReturnTo(returnTo);
  return safe === DEFAULT_AFTER_SIGN_IN ? "/sign-in" : `/sign-in?returnTo=${encodeURIComponent(safe)}`;
}
