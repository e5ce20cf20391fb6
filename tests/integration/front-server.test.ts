// The front server (lib/page-cache/front-server.ts, what scripts/serve.ts listens with) over real HTTP,
// in front of the real sign-in code and PostgreSQL: a client's own X-Forwarded-For / X-Real-IP /
// x-csc-client-ip never decide the per-IP sign-in limit or the address in the audit log (issue 14).
// The clock is injected: each test works in its own 15-minute window.
import type http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppAuth } from "@/lib/auth/server";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { IP_RULE } from "@/lib/auth/throttle";
import { startFrontServer } from "@/lib/page-cache/front-server";
import { makeContext, makeUser, PASSWORD, TEST_ENV, testAuth } from "./auth-fixtures";
import { createTestDatabase, type TestDatabase } from "./helpers";

let t: TestDatabase;
let auth: AppAuth;
let now = new Date("2026-11-26T09:00:00Z");
const servers: http.Server[] = [];

/** The app behind the front server: one sign-in per POST, with the request's headers as it got them. */
const app: http.RequestListener = (req, res) => {
  let body = "";
  req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
  req.on("end", () => {
    const input = JSON.parse(body) as { email: string; password: string };
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
    const at = now;
    signInWithPassword({ db: t.prisma, auth, env: TEST_ENV, headers, now: () => at, revalidatePath: () => {} }, input)
      .then((result) => res.end(JSON.stringify({ ok: result.ok, reason: result.ok ? null : result.reason })))
      .catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
  });
};

/** The distinct addresses the audit log recorded for sign-ins with emails starting `prefix`. */
async function auditedIps(prefix: string): Promise<(string | null)[]> {
  const rows = await t.prisma.auditEvent.findMany({
    where: { actorEmail: { startsWith: prefix } },
    select: { ip: true },
    distinct: ["ip"],
  });
  return rows.map((r) => r.ip);
}

async function start(trustedProxyHops: number): Promise<string> {
  const server = await startFrontServer(app, { port: 0, trustedProxyHops });
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function post(base: string, email: string, headers: Record<string, string> = {}, password = "not the password at all") {
  const response = await fetch(`${base}/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ email, password }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { ok: boolean; reason: string | null };
}

let direct: string;

beforeAll(async () => {
  t = await createTestDatabase("empty");
  auth = testAuth(t.prisma);
  direct = await start(0);
}, 120_000);

afterAll(async () => {
  for (const s of servers) await new Promise((r) => s.close(r));
  await t?.drop();
});

describe("the front server", () => {
  it("listens on 127.0.0.1 unless HOST opens it", () => {
    expect((servers[0]!.address() as AddressInfo).address).toBe("127.0.0.1");
  });

  it(`with no trusted proxy, refuses the ${IP_RULE.maxFailures + 1}st failure from one socket however the client rotates X-Forwarded-For`, async () => {
    const t0 = new Date("2026-11-26T10:00:00Z");
    const results: string[] = [];
    for (let i = 0; i < IP_RULE.maxFailures + 10; i++) {
      now = new Date(t0.getTime() + i * 1000);
      const forged = { "x-forwarded-for": `198.51.100.${(i % 250) + 1}`, "x-real-ip": `192.0.2.${(i % 250) + 1}` };
      results.push((await post(direct, `rotating.${i}@example.com`, forged)).reason ?? "ok");
    }
    expect(results.slice(0, IP_RULE.maxFailures).every((r) => r === "invalid")).toBe(true);
    expect(results.slice(IP_RULE.maxFailures).every((r) => r === "locked")).toBe(true);
    // The audit log has the socket's address, not the forged ones.
    expect(await auditedIps("rotating.")).toEqual(["127.0.0.1"]);
  }, 120_000);

  it("a client claiming someone else's address (even in x-csc-client-ip) cannot lock that address out", async () => {
    const t0 = new Date("2026-11-26T12:00:00Z");
    const victim = await makeUser(t.prisma, "dfe_analyst", null);
    for (let i = 0; i < IP_RULE.maxFailures; i++) {
      now = new Date(t0.getTime() + i * 1000);
      await post(direct, `claiming.${i}@example.com`, {
        "x-forwarded-for": "203.0.113.50",
        "x-csc-client-ip": "203.0.113.50",
        forwarded: "for=203.0.113.50",
      });
    }
    // The real person at 203.0.113.50 (as the front server would report them) still signs in.
    const ctx = makeContext(t.prisma, auth, { ip: "203.0.113.50", now: () => new Date(t0.getTime() + 60_000) });
    expect((await signInWithPassword(ctx, { email: victim.email, password: PASSWORD })).ok).toBe(true);
    expect(await auditedIps("claiming.")).toEqual(["127.0.0.1"]);
  }, 120_000);

  it("with TRUSTED_PROXY_HOPS=1, takes the address our proxy appended and ignores what the client put before it", async () => {
    const behindProxy = await start(1);
    now = new Date("2026-11-26T14:00:00Z");
    await post(behindProxy, "proxied@example.com", { "x-forwarded-for": "6.6.6.6, 203.0.113.77", "x-csc-client-ip": "6.6.6.6" });
    const [row] = await t.prisma.auditEvent.findMany({ where: { actorEmail: "proxied@example.com" }, select: { ip: true } });
    expect(row?.ip).toBe("203.0.113.77");
  });
});
