// One session read per request (decision 0022), over real HTTP and PostgreSQL: the page cache reads
// the session to choose its entry and, on a miss, hands that read to the render, which then reads
// nothing; the hand-off is used only for its own token, never replaces the cookie's signature check,
// cannot be sent by a client, and is used once.
import type http from "node:http";
import type { IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { handOffSessionRead, SESSION_READ_HEADER, takeSessionRead } from "@/lib/auth/session-handoff";
import type { AppAuth } from "@/lib/auth/server";
import type { Db } from "@/lib/core/db/client";
import { startFrontServer } from "@/lib/page-cache/front-server";
import { createPageCache, type Rendered } from "@/lib/page-cache/server";
import { createViewerLookup, type ViewerLookupService } from "@/lib/page-cache/viewer";
import { makeContext, makeUser, signIn, TEST_ENV, testAuth } from "./auth-fixtures";
import { accountBarHtml } from "./account-bar-fixture";
import { createTestDatabase, type TestDatabase } from "./helpers";

let t: TestDatabase;
let auth: AppAuth;
let lookup: ViewerLookupService;
let server: http.Server;
let base: string;

/** The test database's client, counting the raw queries the session read makes. */
let rawQueries = 0;
let counted: Db;

/** What each render saw: the hand-off id it was given and the user it resolved (as lib/auth/request.ts does). */
let seen: { handOff: string | null; user: SessionUser | null }[] = [];

function headersOf(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
  return headers;
}

async function render(req: IncomingMessage): Promise<Rendered> {
  const headers = headersOf(req);
  const handOff = headers.get(SESSION_READ_HEADER);
  const read = takeSessionRead(handOff);
  const user = await getSessionUser(makeContext(counted, auth, { cookie: headers.get("cookie") ?? undefined }), read);
  seen.push({ handOff, user });
  const nonce = "bm9uY2Utbm9uY2Utbm9uY2U=";
  return {
    status: 200,
    headers: { "content-type": "text/html; charset=utf-8", "content-security-policy": `script-src 'nonce-${nonce}'` },
    body: Buffer.from(`<p>${user ? accountBarHtml(user.name, read) : "anonymous"}</p><script nonce="${nonce}"></script>`),
  };
}

beforeAll(async () => {
  t = await createTestDatabase("loaded");
  auth = testAuth(t.prisma);
  counted = new Proxy(t.prisma, {
    get(target, property, receiver) {
      if (property === "$queryRawUnsafe") rawQueries++;
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
  lookup = createViewerLookup(t.url);
  const cache = createPageCache({ passThrough: (_req, res) => void res.end("app"), render, lookup, env: TEST_ENV });
  server = await startFrontServer(cache, { port: 0, trustedProxyHops: 0 });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
  await lookup.end();
  await t.drop();
});

describe("one session read per request", () => {
  it("hands the page cache's read to the render on a miss: the render reads no session itself", async () => {
    const user = await makeUser(t.prisma, "dcs", "393", { name: "Dana Director" });
    const cookie = await signIn(t.prisma, auth, user.email);
    seen = [];
    rawQueries = 0;
    const page = await fetch(`${base}/la/393`, { headers: { cookie } });
    expect(page.headers.get("x-page-cache")).toBe("miss");
    expect(await page.text()).toContain("Dana Director");
    expect(seen).toHaveLength(1);
    expect(seen[0]!.handOff).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(seen[0]!.user).toMatchObject({ id: user.id, role: "dcs", laNumber: "393", laName: "South Tyneside" });
    expect(rawQueries).toBe(0);
    // the hand-off is used once
    expect(takeSessionRead(seen[0]!.handOff)).toBeUndefined();

    // anonymous: nothing to hand over
    expect((await fetch(`${base}/la/394`)).headers.get("x-page-cache")).toBe("miss");
    expect(seen[1]).toEqual({ handOff: null, user: null });
  });

  it("reads the session itself when there is no hand-off, or one made for another token", async () => {
    const user = await makeUser(t.prisma, "team_manager", "393");
    const other = await makeUser(t.prisma, "dfe_analyst", null, { name: "Someone Else" });
    const cookie = await signIn(t.prisma, auth, user.email);
    const otherCookie = await signIn(t.prisma, auth, other.email);
    const otherToken = (await t.prisma.session.findFirstOrThrow({ where: { userId: other.id } })).token;
    const otherRow = (await lookup.lookup(otherToken)).session;
    expect(otherRow).not.toBeNull();
    const ctx = makeContext(counted, auth, { cookie });

    rawQueries = 0;
    expect(await getSessionUser(ctx)).toMatchObject({ id: user.id });
    expect(rawQueries).toBe(1);
    // a read made for another session is not this request's: ignored, and the session read afresh
    rawQueries = 0;
    expect(await getSessionUser(ctx, { token: otherToken, row: otherRow })).toMatchObject({ id: user.id });
    expect(rawQueries).toBe(1);
    // the other person's own request does use it
    rawQueries = 0;
    expect(await getSessionUser(makeContext(counted, auth, { cookie: otherCookie }), { token: otherToken, row: otherRow })).toMatchObject({
      id: other.id,
      name: "Someone Else",
    });
    expect(rawQueries).toBe(0);
  });

  it("still checks the cookie's signature when a read is handed over", async () => {
    const user = await makeUser(t.prisma, "team_manager", "393");
    const cookie = await signIn(t.prisma, auth, user.email);
    const token = (await t.prisma.session.findFirstOrThrow({ where: { userId: user.id } })).token;
    const row = (await lookup.lookup(token)).session;
    // a signature of the right shape (44 base64 characters) made without the secret
    const forged = cookie.replace(/\.[^.;]+$/, `.${encodeURIComponent(`${"A".repeat(43)}=`)}`);
    expect(await getSessionUser(makeContext(counted, auth, { cookie: forged }), { token, row })).toBeNull();
    expect(await getSessionUser(makeContext(counted, auth, { cookie }), { token, row })).toMatchObject({ id: user.id });
  });

  it("never takes a hand-off id from the client", async () => {
    const user = await makeUser(t.prisma, "dcs", "330", { name: "Not Me" });
    const token = (await t.prisma.session.findFirst({ where: { userId: user.id } }))?.token ?? "none";
    // an id that exists, sent by a client with no cookie: the front server drops the header
    const planted = handOffSessionRead({ token, row: null });
    seen = [];
    const page = await fetch(`${base}/la/330`, { headers: { [SESSION_READ_HEADER]: planted } });
    expect(page.headers.get("x-page-cache")).toBe("miss");
    expect(seen).toEqual([{ handOff: null, user: null }]);
    expect(takeSessionRead(planted)).toEqual({ token, row: null }); // still there: nobody used it
  });
});
