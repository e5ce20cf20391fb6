// Where to go after signing in. Only a path on this site: anything else (another host, "//evil",
// "/\evil", javascript:) would make the sign-in page an open redirect.
//
// The check runs on the *normalised* result: `new URL` resolves dot segments, so "/.//evil.example"
// and "/..//evil.example" become "//evil.example" — a protocol-relative address that browsers send
// off the site. Percent-encoded slashes, backslashes and dots are refused outright: a path on this
// site never needs them, and some servers and browsers decode them before resolving.

const DEFAULT_AFTER_SIGN_IN = "/";

/** A pathname that starts with exactly one "/" not followed by another "/" or "\". */
function isSameSitePath(pathname: string): boolean {
  return pathname.startsWith("/") && !/^\/[/\\]/.test(pathname);
}

export function safeReturnTo(value: unknown): string {
  if (typeof value !== "string") return DEFAULT_AFTER_SIGN_IN;
  const path = value.trim();
  if (path.length === 0 || path.length > 500) return DEFAULT_AFTER_SIGN_IN;
  if (!isSameSitePath(path) || path.includes("\\")) return DEFAULT_AFTER_SIGN_IN;
  // control characters and whitespace inside a path are never legitimate here
  if (/[\u0000-\u001f\u007f\s]/.test(path)) return DEFAULT_AFTER_SIGN_IN;
  // %2f / %5c (slash, backslash) and %2e (dot) in the path part: refused before and after decoding
  const pathPart = path.split(/[?#]/, 1)[0]!;
  if (/%(2f|5c|2e)/i.test(pathPart)) return DEFAULT_AFTER_SIGN_IN;
  try {
    const url = new URL(path, "http://x.invalid");
    if (url.host !== "x.invalid" || url.origin !== "http://x.invalid") return DEFAULT_AFTER_SIGN_IN;
    // The normalised path must still be a same-site path ("/.//evil" normalises to "//evil").
    if (!isSameSitePath(url.pathname) || /%(2f|5c|2e)/i.test(url.pathname)) return DEFAULT_AFTER_SIGN_IN;
    // Sending someone back to sign in or sign out after signing in makes no sense.
    if (url.pathname === "/sign-in" || url.pathname === "/sign-out") return DEFAULT_AFTER_SIGN_IN;
    const result = `${url.pathname}${url.search}${url.hash}`;
    // Belt and braces: whatever we return must resolve to this site again.
    if (new URL(result, "http://x.invalid").host !== "x.invalid") return DEFAULT_AFTER_SIGN_IN;
    return result;
  } catch {
    return DEFAULT_AFTER_SIGN_IN;
  }
}

export function signInPath(returnTo: string): string {
  const safe = safeReturnTo(returnTo);
  return safe === DEFAULT_AFTER_SIGN_IN ? "/sign-in" : `/sign-in?returnTo=${encodeURIComponent(safe)}`;
}
