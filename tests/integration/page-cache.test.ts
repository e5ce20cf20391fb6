// The page cache over real HTTP and a real database (sessions from real sign-ins, the data_version
// triggers), with a stand-in for Next.js that renders a page with a fresh nonce and counts renders.
import { randomBytes } from "node:crypto";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { postProgressUpdateAction } from "@/lib/plans/actions";
import os from "node:os";
import path from "node:path";
import { accountNameSlot } from "@/lib/auth/account-slot";
import { SESSION_READ_HEADER, takeSessionRead } from "@/lib/auth/session-handoff";
import { escapeHtml } from "@/lib/core/html-escape";
import { htmlEscapeJsonString } from "next/dist/shared/lib/htmlescape";
import { accountBarHtml } from "./account-bar-fixture";
import { createPageCache, renderOverSocket, type Rendered } from "@/lib/page-cache/server";
import { createViewerLookup, type ViewerLookupService } from "@/lib/page-cache/viewer";
import { makeContext, makeUser, runAction, signIn, succeeded, TEST_ENV, testAuth } from "./auth-fixtures";
import { createTestDatabase, type TestDatabase } from "./helpers";
import { makePlanWithAction } from "./plan-fixtures";

let t: TestDatabase;
let lookup: ViewerLookupService;
let server: http.Server;
let base: string;
let renders: string[] = [];
let passedThrough: string[] = [];
let renderDelayMs = 0;
let renderStatus = 200;
let cache: ReturnType<typeof createPageCache>;

/** The account bar for a signed-in render, from the page cache's hand-off (the name, or the slot for a shared render). */
function accountBar(req: IncomingMessage): string {
  const handOff = takeSessionRead(req.headers[SESSION_READ_HEADER] as string | undefined);
  return handOff?.row ? accountBarHtml(handOff.row.name, handOff) : "";
}

/** What Next.js would send: a page whose scripts and CSP carry this response's own nonce. */
async function fakeRender(req: IncomingMessage): Promise<Rendered> {
  renders.push(req.url ?? "");
  if (renderDelayMs) await new Promise((r) => setTimeout(r, renderDelayMs));
  const nonce = randomBytes(16).toString("base64");
  const who = `${req.headers.cookie ? "signed in" : "anonymous"}${accountBar(req)}`;
  return {
    status: renderStatus,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
      "x-frame-options": "DENY",
      vary: "rsc, next-router-state-tree",
    },
    body: Buffer.from(
      `<!DOCTYPE html><html><body><p>${who} ${req.url}</p>${"<p>padding</p>".repeat(200)}<script nonce="${nonce}">boot()</script></body></html>`,
    ),
  };
}

function passThrough(req: IncomingMessage, res: ServerResponse) {
  passedThrough.push(req.url ?? "");
  res.statusCode = 200;
  res.setHeader("content-type", "text/plain");
  res.end("from the app");
}

async function get(path: string, headers: Record<string, string> = {}, at = base) {
  const response = await fetch(`${at}${path}`, { headers });
  const body = await response.text();
  const csp = response.headers.get("content-security-policy") ?? "";
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1] ?? null;
  return { status: response.status, state: response.headers.get("x-page-cache"), body, nonce, headers: response.headers };
}

const withoutNonce = (body: string) => body.replace(/nonce="[^"]*"/g, 'nonce=""');

function listen(handler: http.RequestListener): Promise<http.Server> {
  const s = http.createServer(handler);
  return new Promise((resolve) => s.listen(0, "127.0.0.1", () => resolve(s)));
}

beforeAll(async () => {
  t = await createTestDatabase("loaded");
  lookup = createViewerLookup(t.url);
  cache = createPageCache({ passThrough, render: fakeRender, lookup, env: TEST_ENV });
  server = await listen(cache);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
  await lookup.end();
  await t.drop();
});

beforeEach(() => {
  cache.clear();
  renders = [];
  passedThrough = [];
  renderDelayMs = 0;
  renderStatus = 200;
});

describe("page cache", () => {
  it("renders once, then serves copies with a fresh nonce each time", async () => {
    const first = await get("/la/393");
    const second = await get("/la/393");
    const third = await get("/la/393");
    expect([first.state, second.state, third.state]).toEqual(["miss", "hit", "hit"]);
    expect(renders).toEqual(["/la/393"]);
    const nonces = [first.nonce, second.nonce, third.nonce];
    expect(new Set(nonces).size).toBe(3);
    for (const r of [first, second, third]) {
      expect(r.body).toContain(`nonce="${r.nonce}"`);
      expect(withoutNonce(r.body)).toBe(withoutNonce(first.body));
      expect(r.headers.get("x-frame-options")).toBe("DENY");
      expect(r.headers.get("vary")).toBe("rsc, next-router-state-tree, Accept-Encoding");
    }
    // a different URL is a different page
    expect((await get("/la/393?indicator=caseload_fte")).state).toBe("miss");
  });

  it("renders again after any write that pages show (data_version triggers)", async () => {
    await get("/la/393");
    expect((await get("/la/393")).state).toBe("hit");
    await t.prisma.localAuthority.update({ where: { laNumber: "393" }, data: { name: "South Tyneside" } });
    expect((await get("/la/393")).state).toBe("miss");
    expect((await get("/la/393")).state).toBe("hit");
    await t.prisma.$executeRawUnsafe(`update indicator_value set "raw" = "raw" where id = (select min(id) from indicator_value)`);
    expect((await get("/la/393")).state).toBe("miss");
    // A statement that changes no row, or a transaction that rolls back, changes nothing.
    await t.prisma.$executeRawUnsafe(`update indicator_value set "raw" = "raw" where false`);
    await t.prisma
      .$transaction(async (tx) => {
        await tx.localAuthority.update({ where: { laNumber: "393" }, data: { name: "Renamed and rolled back" } });
        throw new Error("roll back");
      })
      .catch(() => {});
    expect((await get("/la/393")).state).toBe("hit");
    expect(renders).toHaveLength(3);
  });

  it("raises the data version the cache keys by once per transaction, when it commits", async () => {
    const epoch = async () => (await t.prisma.dataVersion.findUniqueOrThrow({ where: { scope: "all" } })).version;
    const before = await epoch();
    await t.prisma.$transaction(async (tx) => {
      await tx.localAuthority.update({ where: { laNumber: "393" }, data: { name: "South Tyneside" } });
      await tx.localAuthority.update({ where: { laNumber: "394" }, data: { name: "Sunderland" } });
      await tx.$executeRawUnsafe(
        `update indicator_value set "raw" = "raw" where id in (select id from indicator_value order by id limit 500)`,
      );
      // Not yet visible to anyone else, and not yet raised inside either: it rises at commit.
      expect((await tx.dataVersion.findUniqueOrThrow({ where: { scope: "all" } })).version).toBe(before);
    });
    expect(await epoch()).toBe(before + 1n);
  });

  it("keeps each signed-in session's pages apart from anonymous ones and from each other", async () => {
    const auth = testAuth(t.prisma);
    const dcs = await makeUser(t.prisma, "dcs", "393");
    const analyst = await makeUser(t.prisma, "dfe_analyst", null);
    const dcsCookie = await signIn(t.prisma, auth, dcs.email);
    const analystCookie = await signIn(t.prisma, auth, analyst.email);
    expect(dcsCookie).toMatch(/^csc\.session_token=/);

    expect((await get("/la/393")).state).toBe("miss");
    const asDcs = await get("/la/393", { cookie: dcsCookie });
    expect(asDcs.state).toBe("miss");
    expect(asDcs.body).toContain("signed in");
    expect((await get("/la/393", { cookie: dcsCookie })).state).toBe("hit");
    expect((await get("/la/393", { cookie: analystCookie })).state).toBe("miss");
    expect((await get("/la/393")).state).toBe("hit");
    expect((await get("/la/393")).body).toContain("anonymous");
    // The same token with a forged signature never shares the real cookie's entry (the app decides).
    const forged = dcsCookie.replace(/\.[^.;]+$/, ".Zm9yZ2Vk");
    expect((await get("/la/393", { cookie: forged })).state).toBe("miss");
  });

  it("serves one copy to everyone with the same access, each with their own name; a personal page stays each person's", async () => {
    const auth = testAuth(t.prisma);
    const first = await makeUser(t.prisma, "dfe_analyst", null);
    const second = await makeUser(t.prisma, "dfe_analyst", null);
    await t.prisma.user.update({ where: { id: second.id }, data: { name: `O'Brien <script>"&"</script>` } });
    const [firstCookie, secondCookie] = [await signIn(t.prisma, auth, first.email), await signIn(t.prisma, auth, second.email)];
    const a = await get("/la/330", { cookie: firstCookie });
    const b = await get("/la/330", { cookie: secondCookie });
    expect([a.state, b.state]).toEqual(["miss", "hit"]);
    expect(renders).toEqual(["/la/330"]);
    expect(a.body).toContain(`Signed in as <strong>${escapeHtml(first.name)}</strong>`);
    expect(b.body).toContain("Signed in as <strong>O&#x27;Brien &lt;script&gt;&quot;&amp;&quot;&lt;/script&gt;</strong>");
    // in the payload too, as JSON inside JSON: never the other person's name, never the slot
    expect(b.body).toContain(htmlEscapeJsonString(JSON.stringify(JSON.stringify(`O'Brien <script>"&"</script>`)).slice(1, -1)));
    expect(b.body).not.toContain(first.name);
    for (const r of [a, b]) expect(r.body).not.toContain(accountNameSlot());
    // The plan page shows the viewer themselves ("My actions"): each person renders their own.
    await makePlanWithAction(t.prisma, "330");
    expect((await get("/la/330/plan", { cookie: firstCookie })).state).toBe("miss");
    expect((await get("/la/330/plan", { cookie: secondCookie })).state).toBe("miss");
    // Gzipped copies are made from parts compressed once, and read back exactly.
    const gz = await new Promise<Buffer>((resolve, reject) => {
      http
        .get(`${base}/la/330`, { headers: { cookie: secondCookie, "accept-encoding": "gzip" } }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve(Buffer.concat(chunks)));
        })
        .on("error", reject);
    });
    expect(withoutNonce(zlib.gunzipSync(gz).toString("utf8"))).toBe(withoutNonce(b.body));
  });

  it("leaves expired, signed-out and disabled sessions, and unknown cookies, to the app", async () => {
    const auth = testAuth(t.prisma);
    const user = await makeUser(t.prisma, "team_manager", "393");
    const cookie = await signIn(t.prisma, auth, user.email);
    expect((await get("/la/393", { cookie })).state).toBe("miss");
    expect((await get("/la/393", { cookie })).state).toBe("hit");

    await t.prisma.session.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await get("/la/393", { cookie })).state).toBe("bypass; session");

    const other = await makeUser(t.prisma, "team_manager", "393");
    const otherCookie = await signIn(t.prisma, auth, other.email);
    // the same access as the first manager: their copy, with this person's own name (decision 0031)
    const shared = await get("/la/393", { cookie: otherCookie });
    expect(shared.state).toBe("hit");
    expect(shared.body).toContain(`Signed in as <strong>${escapeHtml(other.name)}</strong>`);
    await t.prisma.user.update({ where: { id: other.id }, data: { disabledAt: new Date() } });
    expect((await get("/la/393", { cookie: otherCookie })).state).toBe("bypass; session");
    await t.prisma.session.deleteMany({ where: { userId: other.id } });
    expect((await get("/la/393", { cookie: otherCookie })).state).toBe("bypass; session");

    expect((await get("/la/393", { cookie: "csc.session_token=no-such-token.sig" })).state).toBe("bypass; session");
    const flagged = await get("/la/393", { cookie: "csc_form_error=1" });
    expect(flagged.state).toBe("bypass; cookie");
    expect(flagged.body).toBe("from the app");
    expect(passedThrough).toHaveLength(5);
  });

  it("passes on non-page requests and does not keep error pages", async () => {
    expect((await get("/sign-in")).state).toBe("bypass; path");
    expect((await get("/la/393", { rsc: "1" })).state).toBe("bypass; rsc");
    const post = await fetch(`${base}/la/393/plan`, { method: "POST", body: "x" });
    expect(post.headers.get("x-page-cache")).toBe("bypass; method");
    renderStatus = 404;
    expect((await get("/la/999")).state).toBe("miss; not stored");
    expect((await get("/la/999")).state).toBe("miss; not stored");
    expect(renders).toEqual(["/la/999", "/la/999"]);
  });

  it("answers a page the app fails to render with the plain error page, and keeps nothing", async () => {
    renderStatus = 500;
    for (let i = 0; i < 2; i++) {
      const failed = await get("/la/393");
      expect(failed.status).toBe(500);
      expect(failed.state).toBe("miss; error");
      expect(failed.body).toContain("Sorry, there is a problem with the service");
      expect(failed.body).not.toContain("<script");
    }
    expect(renders).toEqual(["/la/393", "/la/393"]);
  });

  it("renders a page once however many ask for it at the same moment", async () => {
    renderDelayMs = 150;
    const results = await Promise.all(Array.from({ length: 12 }, () => get("/risk")));
    expect(renders).toEqual(["/risk"]);
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(new Set(results.map((r) => r.nonce)).size).toBe(12);
  });

  it("compresses for clients that accept gzip: a miss as it is sent, a stored page's parts once, when it is first served again", async () => {
    const gzipped = (path: string) =>
      new Promise<{ encoding?: string; cache?: string; body: string }>((resolve, reject) => {
        http
          .get(`${base}${path}`, { headers: { "accept-encoding": "gzip, deflate" } }, (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (c: Buffer) => chunks.push(c));
            res.on("end", () =>
              resolve({
                encoding: res.headers["content-encoding"],
                cache: res.headers["x-page-cache"] as string | undefined,
                body: zlib.gunzipSync(Buffer.concat(chunks)).toString(),
              }),
            );
          })
          .on("error", reject);
      });
    const miss = await gzipped("/about/data");
    expect(miss).toMatchObject({ encoding: "gzip", cache: "miss" });
    expect(miss.body).toContain("anonymous /about/data");
    const stored = cache.stats().bytes;
    const hit = await gzipped("/about/data");
    expect(hit).toMatchObject({ encoding: "gzip", cache: "hit" });
    expect(withoutNonce(hit.body)).toBe(withoutNonce(miss.body));
    // the parts compressed at the first hit are counted in the cache's size, once
    const withParts = cache.stats().bytes;
    expect(withParts).toBeGreaterThan(stored);
    expect(withoutNonce((await gzipped("/about/data")).body)).toBe(withoutNonce(miss.body));
    expect(cache.stats().bytes).toBe(withParts);
  });

  it("serves nothing from the cache when the database cannot be reached, and a plain error page if the app fails too", async () => {
    const deadLookup = createViewerLookup("postgresql://nobody@127.0.0.1:1/none");
    const offline = createPageCache({ passThrough, render: fakeRender, lookup: deadLookup });
    const s = await listen(offline);
    const url = `http://127.0.0.1:${(s.address() as AddressInfo).port}/la/393`;
    try {
      const rendered = await fetch(url);
      expect(rendered.headers.get("x-page-cache")).toBe("bypass; database");
      expect(await rendered.text()).toContain("anonymous /la/393");
      expect((await fetch(url)).headers.get("x-page-cache")).toBe("bypass; database");
      expect(renders).toEqual(["/la/393", "/la/393"]); // rendered each time, never kept

      renderStatus = 500;
      const failed = await fetch(url);
      const body = await failed.text();
      expect(failed.status).toBe(500);
      expect(body).toContain("Sorry, there is a problem with the service");
      expect(body).not.toMatch(/at .*\.(ts|js):\d+|prisma|ECONNREFUSED/i);
      const nonce = /'nonce-([^']+)'/.exec(failed.headers.get("content-security-policy") ?? "")?.[1];
      expect(body).toContain(`<style nonce="${nonce}">`);
      expect(body).not.toContain("<script");
    } finally {
      await new Promise((r) => s.close(r));
      await deadLookup.end();
    }
  });

  it("says in one line why it switched itself off, once per outage, and when it is back", async () => {
    let down = true;
    const lines: string[] = [];
    const flaky = {
      lookup: async (token: string | null) =>
        down ? Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:5432")) : lookup.lookup(token),
    };
    const logged = createPageCache({ passThrough, render: fakeRender, lookup: flaky, log: (line) => lines.push(line) });
    const s = await listen(logged);
    const url = `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
    try {
      for (let i = 0; i < 3; i++) expect((await fetch(`${url}/la/393`)).headers.get("x-page-cache")).toBe("bypass; database");
      expect(lines).toEqual([
        "[page-cache] off: the database could not be asked (connect ECONNREFUSED 127.0.0.1:5432); serving every page straight from the app until it answers",
      ]);
      down = false;
      expect((await fetch(`${url}/la/393`)).headers.get("x-page-cache")).toBe("miss");
      expect((await fetch(`${url}/la/393`)).headers.get("x-page-cache")).toBe("hit");
      expect(lines).toHaveLength(2);
      expect(lines[1]).toBe("[page-cache] on again: the database answers");
    } finally {
      await new Promise((r) => s.close(r));
    }
  });
});

describe("page cache keyed on the data each page shows (decision 0029)", () => {
  const auth = () => testAuth(t.prisma);
  const makePlan = (laNumber: string) => makePlanWithAction(t.prisma, laNumber);
  const states = async (pages: [string, string | undefined][], at = base) => {
    const out: string[] = [];
    for (const [path, cookie] of pages) out.push((await get(path, cookie ? { cookie } : {}, at)).state ?? "");
    return out;
  };
  /** Every page of `pages` is in state `state` (e.g. all "hit"). */
  const expectAll = async (pages: [string, string | undefined][], state: string) =>
    expect(new Set(await states(pages))).toEqual(new Set([state]));
  /** Requests `pages` twice: the second time every one is served from the cache. */
  const warm = async (pages: [string, string | undefined][]) => {
    await states(pages);
    await expectAll(pages, "hit");
  };
  /** The session cookie of a new user with this role (and LA). */
  const signedIn = async (a: ReturnType<typeof auth>, role: Parameters<typeof makeUser>[1], la: string | null) =>
    signIn(t.prisma, a, (await makeUser(t.prisma, role, la)).email);

  it("a plan save in one LA leaves other LAs' pages and the anonymous view of its own a hit, and makes its plan pages a miss", async () => {
    const a = auth();
    const { actionId } = await makePlan("393");
    await makePlan("330");
    const manager = await makeUser(t.prisma, "team_manager", "393");
    const managerCookie = await signIn(t.prisma, a, manager.email);
    const otherCookie = await signedIn(a, "dcs", "330");
    const analystCookie = await signedIn(a, "dfe_analyst", null);
    const pages: [string, string | undefined][] = [
      ["/la/330", undefined],
      ["/la/330", otherCookie],
      ["/la/330/plan", otherCookie],
      ["/la/330", analystCookie],
      ["/la/330/plan", analystCookie],
      ["/la/393", undefined],
      ["/", undefined],
      ["/risk", analystCookie],
      ["/la/393/plan", managerCookie],
      ["/la/393", managerCookie],
      ["/la/393/plan", analystCookie],
      ["/la/393", analystCookie],
    ];
    await expectAll(pages, "miss");
    await expectAll(pages, "hit");

    // A progress update through the real action pipeline, as the manager's form posts it.
    const saved = await runAction(postProgressUpdateAction, makeContext(t.prisma, a, { cookie: managerCookie }), {
      actionId,
      version: "1",
      narrative: "Two offers accepted.",
      status: "ON_TRACK",
    });
    succeeded(saved);
    expect(await states(pages)).toEqual([
      // (a) another LA's pages, for everyone, and every page that does not show 393's plan: still hits
      ...Array<string>(8).fill("hit"),
      // (b) 393's plan pages, and its dashboard for those who see its plan summary: new
      ...Array<string>(4).fill("miss"),
    ]);
  });

  it("a triage note leaves anonymous and LA pages alone; the inbox and the analysts' view of that LA are new", async () => {
    const a = auth();
    const analystCookie = await signedIn(a, "dfe_analyst", null);
    const dcsCookie = await signedIn(a, "dcs", "393");
    const pages: [string, string | undefined][] = [
      ["/la/393", undefined],
      ["/la/393", dcsCookie],
      ["/risk/la/393", dcsCookie],
      ["/la/330", analystCookie],
      ["/risk/la/330", analystCookie],
      ["/risk", analystCookie],
      ["/la/393", analystCookie],
      ["/risk/la/393", analystCookie],
    ];
    await warm(pages);
    await t.prisma.$transaction([
      t.prisma.triageState.upsert({
        where: { laNumber: "393" },
        create: { laNumber: "393", status: "UNDER_REVIEW", updatedAt: new Date(), updatedByName: "Test analyst" },
        update: { status: "UNDER_REVIEW", version: { increment: 1 }, latestNote: "Looked again" },
      }),
      t.prisma.triageEvent.create({
        data: {
          laNumber: "393",
          at: new Date(),
          statusBefore: "NEW",
          statusAfter: "UNDER_REVIEW",
          note: "Looked again",
          authorName: "Test analyst",
          version: 1,
        },
      }),
    ]);
    expect(await states(pages)).toEqual(["hit", "hit", "hit", "hit", "hit", "miss", "miss", "miss"]);
  });

  it("an import (any write to the figures) makes every page that shows figures a miss", async () => {
    const a = auth();
    await makePlan("202");
    const analystCookie = await signedIn(a, "dfe_analyst", null);
    const pages: [string, string | undefined][] = [
      ["/", undefined],
      ["/la/330", undefined],
      ["/la/202/plan", analystCookie],
      ["/risk", analystCookie],
      ["/risk/method", undefined],
      ["/risk/la/330", analystCookie],
      ["/about/data", undefined],
    ];
    await warm(pages);
    // What an import does to the figures: values and a release row, in one transaction.
    await t.prisma.$transaction([
      t.prisma.$executeRawUnsafe(`update indicator_value set "raw" = "raw" where id = (select max(id) from indicator_value)`),
      t.prisma.dataRelease.updateMany({ where: { id: { lt: 0 } }, data: {} }),
    ]);
    await expectAll(pages, "miss");
  });

  it("never serves a page made for someone's old role, LA or name; another person's change stales only the plan pages", async () => {
    const a = auth();
    await makePlan("330");
    const manager = await makeUser(t.prisma, "team_manager", "393");
    const cookie = await signIn(t.prisma, a, manager.email);
    const colleagueCookie = await signedIn(a, "team_manager", "330");
    const mine: [string, string | undefined][] = [
      ["/la/393", cookie],
      ["/la/330", cookie],
      ["/", cookie],
    ];
    const others: [string, string | undefined][] = [
      ["/la/330", undefined],
      ["/la/330", colleagueCookie],
      ["/la/330/plan", colleagueCookie],
    ];
    await warm([...mine, ...others]);

    // Moved to another LA (and so now sees 330's plan summary): no page made for their old access is
    // served; /la/330 is the copy 330's own team manager already has (the same access: decision 0031).
    await t.prisma.user.update({ where: { id: manager.id }, data: { laNumber: "330" } });
    expect(await states([...mine, ...others])).toEqual(["miss", "hit", "miss", "hit", "hit", "miss"]);
    await expectAll(mine, "hit");
    // A new role: new again.
    await t.prisma.user.update({ where: { id: manager.id }, data: { role: "dcs" } });
    await expectAll(mine, "miss");
    // A new name: the same copies, with the new name in them from the next request.
    await t.prisma.user.update({ where: { id: manager.id }, data: { name: "Renamed Person" } });
    const renamed = await get("/la/393", { cookie });
    expect(renamed.state).toBe("hit");
    expect(renamed.body).toContain("Signed in as <strong>Renamed Person</strong>");
    expect(renamed.body).not.toContain(manager.name);
    // Disabled: the cache steps aside at once (the app decides; it shows them nothing signed in).
    await t.prisma.user.update({ where: { id: manager.id }, data: { disabledAt: new Date() } });
    await expectAll(mine, "bypass; session");
  });

  it("keeps two instances on one database consistent: a save through either stales the same pages on both", async () => {
    const a = auth();
    const { actionId } = await makePlan("394");
    const manager = await makeUser(t.prisma, "team_manager", "394");
    const cookie = await signIn(t.prisma, a, manager.email);
    const secondLookup = createViewerLookup(t.url);
    const second = await listen(createPageCache({ passThrough, render: fakeRender, lookup: secondLookup, env: TEST_ENV }));
    const secondBase = `http://127.0.0.1:${(second.address() as AddressInfo).port}`;
    const pages: [string, string | undefined][] = [
      ["/la/394/plan", cookie],
      ["/la/393", undefined],
    ];
    try {
      for (const at of [base, secondBase]) await states(pages, at);
      for (const at of [base, secondBase]) expect(await states(pages, at)).toEqual(["hit", "hit"]);
      succeeded(
        await runAction(postProgressUpdateAction, makeContext(t.prisma, a, { cookie }), {
          actionId,
          version: "1",
          narrative: "Started.",
          status: "ON_TRACK",
        }),
      );
      for (const at of [base, secondBase]) expect(await states(pages, at)).toEqual(["miss", "hit"]);
    } finally {
      await new Promise((r) => second.close(r));
      await secondLookup.end();
    }
  });
});

describe("rendering a miss over the private socket", () => {
  it("sends a GET again on a new socket when a kept-alive one is closed as it is reused, and only then", async () => {
    const socketPath = path.join(os.tmpdir(), `csc-test-render-${process.pid}-${Date.now()}.sock`);
    let served = 0;
    const seen = new Set<unknown>();
    // Answers the first request on each socket; drops any later request on the same socket unanswered,
    // as a server closing an idle kept-alive socket at the moment it is reused looks to the client.
    const internal = http.createServer((req, res) => {
      if (seen.has(req.socket)) return req.socket.destroy();
      seen.add(req.socket);
      served++;
      res.setHeader("content-type", "text/html");
      res.end(`page ${req.url}`);
    });
    await new Promise<void>((resolve) => internal.listen(socketPath, resolve));
    try {
      const render = renderOverSocket(socketPath);
      const request = (url: string) => ({ url, headers: {} }) as IncomingMessage;
      expect((await render(request("/la/393"))).body.toString()).toBe("page /la/393");
      // The second request reuses the kept-alive socket, is dropped, and is sent again on a new one.
      expect((await render(request("/la/330"))).body.toString()).toBe("page /la/330");
      expect(served).toBe(2);
      expect(seen.size).toBe(2);
    } finally {
      internal.closeAllConnections();
      await new Promise((r) => internal.close(r));
    }
  });
});
