// Sign-in, sign-out, sessions and the failed-attempt limits against real PostgreSQL, through the
// same code the sign-in server action runs. The clock is injected, so "15 minutes later" is instant.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSessionUser } from "@/lib/auth/session";
import { signInWithPassword, signOut } from "@/lib/auth/sign-in";
import { ACCOUNT_RULE, IP_RULE } from "@/lib/auth/throttle";
import type { AppAuth } from "@/lib/auth/server";
import { createTestDatabase, type TestDatabase } from "./helpers";
import { cookieHeader, makeContext, makeUser, PASSWORD, PRODUCTION_ENV, signIn, succeeded, testAuth } from "./auth-fixtures";

let t: TestDatabase;
let auth: AppAuth;

beforeAll(async () => {
  t = await createTestDatabase("loaded");
  auth = testAuth(t.prisma);
});
afterAll(async () => {
  await t?.drop();
});

const MIN = 60_000;

async function attempt(email: string, password: string, options: { at?: Date; ip?: string } = {}) {
  const ctx = makeContext(t.prisma, auth, { ip: options.ip, now: () => options.at ?? new Date() });
  return signInWithPassword(ctx, { email, password });
}

async function auditRows(where: { action?: string; actorEmail?: string }) {
  return t.prisma.auditEvent.findMany({ where, orderBy: { id: "asc" } });
}

describe("sign in", () => {
  it("signs in with the right password: an HTTP-only session cookie, a session row, an audit row", async () => {
    const user = await makeUser(t.prisma, "team_manager", "393");
    const result = succeeded(await attempt(user.email.toUpperCase(), PASSWORD, { ip: "203.0.113.10" }));
    expect(result.user).toEqual({ id: user.id, role: "team_manager", laNumber: "393" });
    const cookie = result.setCookies.find((c) => c.startsWith("csc.session_token="));
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).toMatch(/; Path=\//i);
    expect(cookie).toMatch(/; Max-Age=28800/i);
    expect(await t.prisma.session.count({ where: { userId: user.id } })).toBe(1);

    const me = await getSessionUser(makeContext(t.prisma, auth, { cookie: cookieHeader(result.setCookies) }));
    expect(me).toMatchObject({ id: user.id, role: "team_manager", laNumber: "393", laName: "South Tyneside", isDemo: false });

    const [row] = await auditRows({ action: "auth.sign_in", actorEmail: user.email });
    expect(row).toMatchObject({ outcome: "SUCCESS", actorId: user.id, actorRole: "team_manager", laNumber: "393", ip: "203.0.113.10" });
  });

  it("gives the same answer for a wrong password and an unknown email, and audits both", async () => {
    const user = await makeUser(t.prisma, "dfe_analyst", null);
    const wrong = await attempt(user.email, "not the right password at all");
    const unknown = await attempt(`nobody.${Date.now()}@example.com`, PASSWORD);
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    expect(unknown).toEqual(wrong);
    const [failed] = await auditRows({ action: "auth.sign_in_failed", actorEmail: user.email });
    expect(failed).toMatchObject({ outcome: "FAILURE", actorId: null, entityId: user.id, detail: { reason: "invalid_credentials" } });
  });

  it("uses secure cookies (Secure, __Secure- prefix) when APP_ENV=production", async () => {
    const prodAuth = testAuth(t.prisma, PRODUCTION_ENV);
    const user = await makeUser(t.prisma, "admin", null);
    const result = succeeded(
      await signInWithPassword(makeContext(t.prisma, prodAuth, { env: PRODUCTION_ENV }), {
        email: user.email,
        password: PASSWORD,
      }),
    );
    const cookie = result.setCookies.find((c) => c.startsWith("__Secure-csc.session_token="));
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/; HttpOnly/i);
  });
});

describe("failed attempts are limited per account and per IP, in PostgreSQL", () => {
  it("refuses the 6th attempt within 15 minutes even with the right password, and lifts the lock after", async () => {
    const user = await makeUser(t.prisma, "dcs", "393");
    const t0 = new Date("2026-11-26T09:00:00Z");
    for (let i = 0; i < ACCOUNT_RULE.maxFailures; i++) {
      expect(
        await attempt(user.email, `wrong password number ${i}`, { at: new Date(t0.getTime() + i * MIN), ip: `192.0.2.${i + 1}` }),
      ).toEqual({ ok: false, reason: "invalid" });
    }
    // 6th attempt, right password, from yet another IP: refused because of the account's failures
    const sixth = await attempt(user.email, PASSWORD, { at: new Date(t0.getTime() + 5 * MIN), ip: "192.0.2.99" });
    expect(sixth).toEqual({ ok: false, reason: "locked", retryAt: new Date(t0.getTime() + 15 * MIN) });
    expect(await t.prisma.session.count({ where: { userId: user.id } })).toBe(0);
    // still locked one second before the oldest failure leaves the window
    expect((await attempt(user.email, PASSWORD, { at: new Date(t0.getTime() + 15 * MIN - 1000) })).ok).toBe(false);
    // refused attempts did not extend the lock: at t0 + 15 min it lifts
    const later = await attempt(user.email, PASSWORD, { at: new Date(t0.getTime() + 15 * MIN) });
    expect(later.ok).toBe(true);

    const refused = await auditRows({ action: "auth.sign_in_refused", actorEmail: user.email });
    expect(refused).toHaveLength(2);
    expect(refused[0]).toMatchObject({ outcome: "REFUSED", detail: { reason: "too_many_failures", limit: "ACCOUNT", failures: 5 } });
  });

  it("a successful sign-in clears the account's earlier failures", async () => {
    const user = await makeUser(t.prisma, "dcs", "393");
    const t0 = new Date("2026-11-26T11:00:00Z");
    for (let i = 0; i < 4; i++) await attempt(user.email, "wrong wrong wrong wrong", { at: new Date(t0.getTime() + i * 1000) });
    expect((await attempt(user.email, PASSWORD, { at: new Date(t0.getTime() + 5000) })).ok).toBe(true);
    for (let i = 0; i < 4; i++) await attempt(user.email, "wrong wrong wrong wrong", { at: new Date(t0.getTime() + 6000 + i * 1000) });
    expect((await attempt(user.email, PASSWORD, { at: new Date(t0.getTime() + 11_000) })).ok).toBe(true);
  });

  it("locks only that account: another account signs in from the same IP", async () => {
    const locked = await makeUser(t.prisma, "team_manager", "330");
    const other = await makeUser(t.prisma, "team_manager", "330");
    const t0 = new Date("2026-11-26T12:00:00Z");
    for (let i = 0; i < 5; i++)
      await attempt(locked.email, "wrong wrong wrong wrong", { at: new Date(t0.getTime() + i * 1000), ip: "198.51.100.50" });
    expect((await attempt(locked.email, PASSWORD, { at: new Date(t0.getTime() + 6000), ip: "198.51.100.50" })).ok).toBe(false);
    expect((await attempt(other.email, PASSWORD, { at: new Date(t0.getTime() + 7000), ip: "198.51.100.50" })).ok).toBe(true);
  });

  it(`refuses an IP after ${IP_RULE.maxFailures} failures across many accounts (password spraying), not other IPs`, async () => {
    const victim = await makeUser(t.prisma, "dfe_analyst", null);
    const t0 = new Date("2026-11-26T13:00:00Z");
    const sprayer = "203.0.113.66";
    for (let i = 0; i < IP_RULE.maxFailures; i++) {
      await attempt(`sprayed.${i}@example.com`, "Summer2026!Summer2026!", { at: new Date(t0.getTime() + i * 1000), ip: sprayer });
    }
    const fromSprayer = await attempt(victim.email, PASSWORD, { at: new Date(t0.getTime() + 60_000), ip: sprayer });
    expect(fromSprayer).toMatchObject({ ok: false, reason: "locked" });
    const [row] = await auditRows({ action: "auth.sign_in_refused", actorEmail: victim.email });
    expect(row?.detail).toMatchObject({ limit: "IP" });
    expect((await attempt(victim.email, PASSWORD, { at: new Date(t0.getTime() + 61_000), ip: "203.0.113.67" })).ok).toBe(true);
  });

  it("never lets a burst of parallel guesses past the limit (instances share the counters)", async () => {
    const user = await makeUser(t.prisma, "admin", null);
    const now = new Date("2026-11-26T14:00:00Z");
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => attempt(user.email, `parallel guess ${i} wrong`, { at: now, ip: `192.0.2.${100 + i}` })),
    );
    const checked = results.filter((r) => !r.ok && r.reason === "invalid").length;
    expect(checked).toBeLessThanOrEqual(ACCOUNT_RULE.maxFailures);
    expect(checked + results.filter((r) => !r.ok && r.reason === "locked").length).toBe(12);
  });
});

describe("accounts that cannot sign in", () => {
  it("refuses a disabled account with the same answer as a wrong password", async () => {
    const user = await makeUser(t.prisma, "team_manager", "393", { disabled: true });
    expect(await attempt(user.email, PASSWORD)).toEqual({ ok: false, reason: "invalid" });
    expect(await t.prisma.session.count({ where: { userId: user.id } })).toBe(0);
    const [row] = await auditRows({ action: "auth.sign_in_failed", actorEmail: user.email });
    expect(row?.detail).toEqual({ reason: "account_unusable" });
  });

  it("ends a session as soon as the account is disabled", async () => {
    const user = await makeUser(t.prisma, "dcs", "330");
    const cookie = await signIn(t.prisma, auth, user.email);
    expect(await getSessionUser(makeContext(t.prisma, auth, { cookie }))).not.toBeNull();
    await t.prisma.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await getSessionUser(makeContext(t.prisma, auth, { cookie }))).toBeNull();
  });

  it("refuses demo accounts, and their existing sessions, when APP_ENV=production", async () => {
    const demo = await makeUser(t.prisma, "admin", null, { isDemo: true });
    const devCookie = await signIn(t.prisma, auth, demo.email);
    expect(await getSessionUser(makeContext(t.prisma, auth, { cookie: devCookie }))).toMatchObject({ isDemo: true });

    const prodAuth = testAuth(t.prisma, PRODUCTION_ENV);
    const prod = await signInWithPassword(makeContext(t.prisma, prodAuth, { env: PRODUCTION_ENV }), {
      email: demo.email,
      password: PASSWORD,
    });
    expect(prod).toEqual({ ok: false, reason: "invalid" });
    // a genuine session made before the switch to production is not honoured either…
    const asProd = (cookie: string) => cookie.replace("csc.session_token=", "__Secure-csc.session_token=");
    expect(await getSessionUser(makeContext(t.prisma, prodAuth, { cookie: asProd(devCookie), env: PRODUCTION_ENV }))).toBeNull();
    // …while an ordinary account's session is (control)
    const real = await makeUser(t.prisma, "admin", null);
    const realCookie = await signIn(t.prisma, auth, real.email);
    expect(await getSessionUser(makeContext(t.prisma, prodAuth, { cookie: asProd(realCookie), env: PRODUCTION_ENV }))).toMatchObject({
      id: real.id,
    });
  });
});

describe("sessions", () => {
  it("expire: an expired session is refused and deleted", async () => {
    const user = await makeUser(t.prisma, "dfe_analyst", null);
    const cookie = await signIn(t.prisma, auth, user.email);
    const session = await t.prisma.session.findFirstOrThrow({ where: { userId: user.id } });
    expect(session.expiresAt.getTime() - session.createdAt.getTime()).toBeCloseTo(8 * 60 * MIN, -4);
    await t.prisma.session.update({ where: { id: session.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await getSessionUser(makeContext(t.prisma, auth, { cookie }))).toBeNull();
    expect(await t.prisma.session.count({ where: { id: session.id } })).toBe(0);
  });

  it("are not extended by use (absolute expiry)", async () => {
    const user = await makeUser(t.prisma, "dfe_analyst", null);
    const cookie = await signIn(t.prisma, auth, user.email);
    const before = await t.prisma.session.findFirstOrThrow({ where: { userId: user.id } });
    await getSessionUser(makeContext(t.prisma, auth, { cookie }));
    const after = await t.prisma.session.findFirstOrThrow({ where: { userId: user.id } });
    expect(after.expiresAt).toEqual(before.expiresAt);
  });

  it("reject a forged or tampered cookie", async () => {
    const user = await makeUser(t.prisma, "admin", null);
    const cookie = await signIn(t.prisma, auth, user.email);
    const [name, value] = cookie.split("=") as [string, string];
    const tampered = `${name}=${value.slice(0, -3)}abc`;
    expect(await getSessionUser(makeContext(t.prisma, auth, { cookie: tampered }))).toBeNull();
    const session = await t.prisma.session.findFirstOrThrow({ where: { userId: user.id } });
    // the raw token without the signature is not enough either
    expect(await getSessionUser(makeContext(t.prisma, auth, { cookie: `${name}=${session.token}` }))).toBeNull();
  });

  it("sign out deletes the session, clears the cookie and is audited", async () => {
    const user = await makeUser(t.prisma, "team_manager", "393");
    const cookie = await signIn(t.prisma, auth, user.email);
    const { setCookies } = await signOut(makeContext(t.prisma, auth, { cookie }));
    expect(setCookies.find((c) => c.startsWith("csc.session_token="))).toMatch(/Max-Age=0/i);
    expect(await t.prisma.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await getSessionUser(makeContext(t.prisma, auth, { cookie }))).toBeNull();
    const [row] = await auditRows({ action: "auth.sign_out", actorEmail: user.email });
    expect(row).toMatchObject({ outcome: "SUCCESS", actorId: user.id });
  });
});

describe("audit log", () => {
  it("is append-only", async () => {
    // a row of its own (a sign-in is audited), so it does not rely on the tests that ran before it
    await signIn(t.prisma, auth, (await makeUser(t.prisma, "team_manager", "393")).email);
    expect(await t.prisma.auditEvent.count()).toBeGreaterThan(0);
    await expect(t.prisma.auditEvent.deleteMany({})).rejects.toThrow(/append-only/);
    await expect(t.prisma.auditEvent.updateMany({ data: { action: "x" } })).rejects.toThrow(/append-only/);
  });
});
