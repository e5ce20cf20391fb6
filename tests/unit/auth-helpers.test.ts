// Pure pieces around sign-in and access: client IP, return paths, navigation per role, CSP,
// settings, form schemas, audit filters.
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { echoValues, formDataToObject } from "@/lib/core/form-data";
import { fieldErrorsFrom } from "@/lib/actions/execute-action";
import { auditWhere, londonMidnight } from "@/lib/auth/audit-query";
import { clientIp } from "@/lib/auth/context";
import { listenHost, resolveClientAddress } from "@/lib/page-cache/front-server";
import { homeFor, navigationFor } from "@/lib/auth/navigation";
import { safeReturnTo, signInPath } from "@/lib/auth/return-to";
import { buildCsp, createNonce, staticSecurityHeaders } from "@/lib/auth/security-headers";
import { isAccountUsable, secureCookiesFor } from "@/lib/auth/server";
import { DEVELOPMENT_AUTH_SECRET, parseEnv } from "@/lib/core/env";
import { signInSchema } from "@/lib/auth/schema";
import { parseAuditFilters } from "@/lib/auth/audit-filters";
import { createUserSchema, updateUserSchema } from "@/lib/users/schema";

describe("client IP", () => {
  const h = (v: Record<string, string>) => new Headers(v);
  it("reads only the front server's own header, never X-Forwarded-For or X-Real-IP", () => {
    expect(clientIp(h({ "x-csc-client-ip": "127.0.0.1" }))).toBe("127.0.0.1");
    expect(clientIp(h({ "x-csc-client-ip": "::ffff:10.1.2.3" }))).toBe("10.1.2.3");
    expect(clientIp(h({ "x-forwarded-for": "203.0.113.9" }))).toBeNull();
    expect(clientIp(h({ "x-real-ip": "203.0.113.9" }))).toBeNull();
  });
  it("ignores values that are not addresses", () => {
    expect(clientIp(h({ "x-csc-client-ip": "<script>" }))).toBeNull();
    expect(clientIp(h({ "x-csc-client-ip": "2001:DB8::1" }))).toBe("2001:db8::1");
    expect(clientIp(h({}))).toBeNull();
  });
});

describe("the client's address at the front server", () => {
  it("is the socket's peer with no trusted proxy, whatever X-Forwarded-For says", () => {
    expect(resolveClientAddress("192.0.2.1", "6.6.6.6", 0)).toBe("192.0.2.1");
  });
  it("skips the trusted proxies' own hops, ignoring what the client put further left", () => {
    expect(resolveClientAddress("10.0.0.3", "6.6.6.6, 203.0.113.9, 10.0.0.2", 2)).toBe("203.0.113.9");
    expect(resolveClientAddress("10.0.0.2", "6.6.6.6, 203.0.113.9", 1)).toBe("203.0.113.9");
    expect(resolveClientAddress("10.0.0.2", "203.0.113.9", 3)).toBe("203.0.113.9");
    expect(resolveClientAddress("10.0.0.2", undefined, 1)).toBe("10.0.0.2");
  });
  it("listens on loopback unless HOST opens it", () => {
    expect(listenHost(undefined)).toBe("127.0.0.1");
    expect(listenHost("")).toBe("127.0.0.1");
    expect(listenHost("0.0.0.0")).toBe("0.0.0.0");
  });
});

describe("return path after sign-in", () => {
  it("keeps paths on this site", () => {
    expect(safeReturnTo("/la/330/plan?status=open#a")).toBe("/la/330/plan?status=open#a");
    expect(safeReturnTo("/admin/users")).toBe("/admin/users");
  });
  it.each([
    "https://evil.example",
    "//evil.example/x",
    "/\\evil.example",
    "javascript:alert(1)",
    "admin",
    "",
    "/a b",
    "/sign-in",
    "/sign-out?x=1",
    42,
    undefined,
    "/.//evil.example/x",
    "/..//host",
    "/%2e%2e//host",
    "/%2E%2E/%2fhost",
    "/a/../..//evil",
    "/%5cevil.example",
    "/.%2f/evil",
  ])("refuses %s", (value) => {
    expect(safeReturnTo(value)).toBe("/");
  });
  it("builds the sign-in link", () => {
    expect(signInPath("/admin/audit?outcome=REFUSED")).toBe("/sign-in?returnTo=%2Fadmin%2Faudit%3Foutcome%3DREFUSED");
    expect(signInPath("/")).toBe("/sign-in");
  });
});

describe("navigation per role", () => {
  const labels = (items: { label: string }[]) => items.map((i) => i.label);
  it("shows each role exactly its links", () => {
    // The national risk ranking is for DfE analysts only (issue 14).
    expect(labels(navigationFor(null))).toEqual(["All local authorities", "About the data"]);
    expect(navigationFor({ id: "1", role: "dcs", laNumber: "393" })).toEqual([
      { href: "/", label: "All local authorities" },
      { href: "/la/393", label: "Your local authority" },
      { href: "/la/393/plan", label: "Improvement plan" },
      { href: "/about/data", label: "About the data" },
    ]);
    expect(labels(navigationFor({ id: "1", role: "team_manager", laNumber: "393" }))).toEqual([
      "All local authorities",
      "Your local authority",
      "Improvement plan",
      "About the data",
    ]);
    expect(labels(navigationFor({ id: "1", role: "dfe_analyst", laNumber: null }))).toEqual([
      "All local authorities",
      "Risk flags",
      "About the data",
    ]);
    expect(labels(navigationFor({ id: "1", role: "admin", laNumber: null }))).toEqual([
      "All local authorities",
      "Users",
      "Audit log",
      "About the data",
    ]);
  });
  it("sends each role somewhere useful after signing in", () => {
    expect(homeFor({ id: "1", role: "admin", laNumber: null })).toBe("/admin/users");
    expect(homeFor({ id: "1", role: "team_manager", laNumber: "393" })).toBe("/la/393");
    expect(homeFor({ id: "1", role: "dfe_analyst", laNumber: null })).toBe("/risk");
  });
});

describe("security headers", () => {
  it("builds a nonce CSP without unsafe-eval or unsafe-inline scripts outside next dev", () => {
    const csp = buildCsp({ nonce: "abc123", isDevServer: false, upgradeInsecureRequests: true });
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).toContain("upgrade-insecure-requests");
    expect(buildCsp({ nonce: "n", isDevServer: true, upgradeInsecureRequests: false })).toContain("'unsafe-eval'");
    expect(csp).toContain("style-src 'self' 'nonce-abc123'");
    expect(buildCsp({ nonce: "n", isDevServer: false, upgradeInsecureRequests: false })).not.toContain("upgrade-insecure-requests");
  });
  it("makes a fresh 128-bit nonce each time", () => {
    const a = createNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(createNonce()).not.toBe(a);
  });
  it("sets referrer, framing, sniffing and (under https) HSTS headers", () => {
    const keys = (https: boolean) => Object.fromEntries(staticSecurityHeaders({ https }).map((h) => [h.key, h.value]));
    expect(keys(false)).toMatchObject({ "Referrer-Policy": "same-origin", "X-Frame-Options": "DENY", "X-Content-Type-Options": "nosniff" });
    expect(keys(false)["Strict-Transport-Security"]).toBeUndefined();
    expect(keys(true)["Strict-Transport-Security"]).toMatch(/^max-age=\d+/);
  });
});

describe("settings", () => {
  it("defaults to development with a development secret, whatever NODE_ENV says", () => {
    const env = parseEnv({ NODE_ENV: "production" });
    expect(env.APP_ENV).toBe("development");
    expect(env.isProduction).toBe(false);
    expect(env.AUTH_SECRET).toBe(DEVELOPMENT_AUTH_SECRET);
    expect(secureCookiesFor(env)).toBe(false);
  });
  it("requires a real secret and an https URL in production", () => {
    expect(() => parseEnv({ APP_ENV: "production" })).toThrow(/AUTH_SECRET is required[\s\S]*APP_URL is required/);
    expect(() => parseEnv({ APP_ENV: "production", AUTH_SECRET: DEVELOPMENT_AUTH_SECRET, APP_URL: "https://x.example" })).toThrow(
      /development secret/,
    );
    expect(() => parseEnv({ APP_ENV: "production", AUTH_SECRET: "s".repeat(40), APP_URL: "http://x.example" })).toThrow(/must be https/);
    expect(() => parseEnv({ APP_ENV: "staging" })).toThrow(/APP_ENV/);
    expect(() => parseEnv({ AUTH_SECRET: "short" })).toThrow(/at least 32/);
    const env = parseEnv({ APP_ENV: "production", AUTH_SECRET: "s".repeat(40), APP_URL: "https://x.example", TRUSTED_PROXY_HOPS: "1" });
    expect(env).toMatchObject({ isProduction: true, TRUSTED_PROXY_HOPS: 1 });
    expect(secureCookiesFor(env)).toBe(true);
  });
  it("refuses disabled accounts always and demo accounts only in production", () => {
    const dev = parseEnv({});
    const prod = parseEnv({ APP_ENV: "production", AUTH_SECRET: "s".repeat(40), APP_URL: "https://x.example" });
    expect(isAccountUsable({ disabledAt: null, isDemo: true }, dev)).toBe(true);
    expect(isAccountUsable({ disabledAt: null, isDemo: true }, prod)).toBe(false);
    expect(isAccountUsable({ disabledAt: new Date(), isDemo: false }, dev)).toBe(false);
    expect(isAccountUsable({ disabledAt: null, isDemo: false }, prod)).toBe(true);
  });
});

describe("form helpers", () => {
  it("turns FormData into an object without Next's own fields, keeping repeats", () => {
    const fd = new FormData();
    fd.append("$ACTION_ID_abc", "");
    fd.append("name", "Ann");
    fd.append("tag", "a");
    fd.append("tag", "b");
    fd.append("file", new Blob(["x"]), "x.txt");
    expect(formDataToObject(fd)).toEqual({ name: "Ann", tag: ["a", "b"] });
    expect(echoValues({ email: "a@b.c", password: "secret" }, ["password"])).toEqual({ email: "a@b.c" });
  });

  /** The field errors of input a schema refused; fails the test when the schema accepted it. */
  function refusedWith(result: { success: boolean; error?: z.ZodError }) {
    expect(result.success).toBe(false);
    return fieldErrorsFrom(result.error!);
  }

  it("gives GOV.UK messages for the sign-in form", () => {
    expect(refusedWith(signInSchema.safeParse({ email: "", password: "" }))).toEqual({
      email: "Enter your email address",
      password: "Enter your password",
    });
    expect(refusedWith(signInSchema.safeParse({ email: "not-an-email", password: "x" }))).toEqual({
      email: "Enter an email address in the correct format, like name@example.com",
    });
    expect(signInSchema.parse({ email: "  Ann@Example.COM ", password: "p" }).email).toBe("ann@example.com");
  });

  it("needs an LA for directors and team managers, and drops it for other roles", () => {
    const base = { name: "Ann Example", email: "ann@example.com", password: "harbour kettle purple lamp" };
    expect(refusedWith(createUserSchema.safeParse({ ...base, role: "team_manager", laNumber: "" }))).toEqual({
      laNumber: "Select the local authority this person works for",
    });
    expect(createUserSchema.parse({ ...base, role: "dfe_analyst", laNumber: "330" }).laNumber).toBeNull();
    expect(createUserSchema.parse({ ...base, role: "dcs", laNumber: "330" }).laNumber).toBe("330");
    expect(refusedWith(createUserSchema.safeParse({ ...base, role: "admin", password: "short" })).password).toMatch(
      /15 characters or more/,
    );
    expect(refusedWith(updateUserSchema.safeParse({ name: "Ann", role: "superuser" }))).toEqual({ role: "Select a role" });
  });
});

describe("audit log filters", () => {
  it("parses good values and reports bad ones", () => {
    const { filters, errors } = parseAuditFilters({
      action: "access.refused",
      outcome: "REFUSED",
      la: "33",
      from: "2026-02-30",
      to: "2026-11-26",
      page: "2",
    });
    expect(filters).toEqual({ action: "access.refused", outcome: "REFUSED", to: "2026-11-26", page: 2 });
    expect(errors.map((e) => e.field)).toEqual(["la", "from"]);
    expect(parseAuditFilters({ from: "2026-11-26", to: "2026-11-01" }).errors).toEqual([
      { field: "to", message: "The end date must be the same as or after the start date" },
    ]);
  });

  it("filters whole UK days, in winter and in summer time", () => {
    expect(londonMidnight("2026-01-15").toISOString()).toBe("2026-01-15T00:00:00.000Z");
    expect(londonMidnight("2026-07-15").toISOString()).toBe("2026-07-14T23:00:00.000Z");
    expect(
      auditWhere({ from: "2026-07-15", to: "2026-07-15", actor: "Ann", la: "330", outcome: "FAILURE", action: "auth.sign_in_failed" }),
    ).toEqual({
      action: "auth.sign_in_failed",
      outcome: "FAILURE",
      actorEmail: { contains: "ann", mode: "insensitive" },
      laNumber: "330",
      at: { gte: new Date("2026-07-14T23:00:00Z"), lt: new Date("2026-07-15T23:00:00Z") },
    });
    expect(auditWhere({})).toEqual({});
  });
});
