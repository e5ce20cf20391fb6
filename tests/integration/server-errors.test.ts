// The front server's error and size guards around Next.js (scripts/serve.ts), over real HTTP with a stand-in for
// Next.js: its bare 500s become the plain GOV.UK error page (CSV: plain text) while every other
// response streams through untouched; a no-JavaScript form post over the size limit goes back to its
// form with the "too long" flag, without reaching the app. (tests/e2e/faults.spec.ts runs the same
// against the real app and database.)
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { FORM_BODY_LIMIT_BYTES, FORM_TOO_LONG_COOKIE } from "@/lib/core/form-limit";
import { limitFormPosts } from "@/lib/page-cache/form-limit";
import { isBareServerError, plainServerErrors } from "@/lib/page-cache/server-errors";

const NEXT_ERROR_SHELL = '<!DOCTYPE html><html id="__next_error__"><head><script nonce="n">boot()</script></head><body></body></html>';
let servers: http.Server[] = [];

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void) {
  const s = http.createServer(handler);
  await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
  servers.push(s);
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
}

afterEach(async () => {
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  servers = [];
});

describe("Next.js's bare 500s", () => {
  it("become the plain error page for pages and plain text for CSV downloads, whichever way Next.js writes them", async () => {
    const base = await serve(
      plainServerErrors((req, res) => {
        res.setHeader("set-cookie", "leak=1");
        if (req.url === "/sign-in") {
          res.statusCode = 500;
          res.setHeader("content-type", "text/html; charset=utf-8");
          res.flushHeaders();
          res.write(NEXT_ERROR_SHELL.slice(0, 20));
          res.end(NEXT_ERROR_SHELL.slice(20));
        } else if (req.url === "/gzipped") {
          // Next.js compresses (its compression middleware wraps these methods around ours).
          const end = res.end.bind(res);
          res.end = ((body: Buffer) => end(zlib.gzipSync(body))) as typeof res.end;
          res.statusCode = 500;
          res.setHeader("content-encoding", "gzip");
          res.end(Buffer.from(NEXT_ERROR_SHELL));
        } else if (req.url?.startsWith("/la/393/csv/trend")) {
          res.writeHead(500, { "content-type": "text/plain" });
          res.end("Internal Server Error");
        } else {
          res.writeHead(500).end();
        }
      }),
    );
    const page = await fetch(`${base}/sign-in`);
    const body = await page.text();
    expect(page.status).toBe(500);
    expect(body).toContain("<h1>Sorry, there is a problem with the service</h1>");
    expect(body).not.toContain("<script");
    expect(page.headers.get("set-cookie")).toBeNull();
    expect(page.headers.get("content-security-policy")).toMatch(/^default-src 'none'/);

    const gzipped = await fetch(`${base}/gzipped`, { headers: { "accept-encoding": "gzip" } });
    expect(gzipped.headers.get("content-encoding")).toBeNull();
    expect(await gzipped.text()).toContain("<h1>Sorry, there is a problem with the service</h1>");

    const csv = await fetch(`${base}/la/393/csv/trend?indicator=caseload_fte`);
    expect(csv.status).toBe(500);
    expect(csv.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(await csv.text()).toContain("Sorry, there is a problem with the service");
    const empty = await fetch(`${base}/admin/users`);
    expect(await empty.text()).toContain("Sorry, there is a problem with the service");
  });

  it("never hides a real page, leaves JavaScript fetches to the client router, and streams other responses as written", async () => {
    let release: () => void = () => {};
    const base = await serve(
      plainServerErrors((req, res) => {
        if (req.url === "/own-503") {
          res.writeHead(503, { "content-type": "text/html" }).end("<h1>Planned maintenance</h1>");
        } else if (req.url === "/rsc") {
          res.writeHead(500, { "content-type": "text/x-component" }).end("");
        } else {
          // A wrapper around the guard's methods, as Next.js's compression adds: the response must still end.
          const write = res.write.bind(res);
          res.write = ((chunk: string) => write(chunk)) as typeof res.write;
          res.writeHead(200, { "content-type": "text/html" });
          res.write("<p>first</p>");
          release = () => res.end("<p>second</p>");
        }
      }),
    );
    const own = await fetch(`${base}/own-503`);
    expect([own.status, await own.text()]).toEqual([503, "<h1>Planned maintenance</h1>"]);
    const rsc = await fetch(`${base}/rsc`, { headers: { rsc: "1" } });
    expect([rsc.status, await rsc.text()]).toEqual([500, ""]);
    expect(isBareServerError('<!DOCTYPE html><html lang="en-GB"><h1>A page</h1>')).toBe(false);

    // The first chunk arrives while the handler has not yet written the second.
    const response = await fetch(`${base}/streamed`);
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe("<p>first</p>");
    release();
    let rest = "";
    for (let r = await reader.read(); !r.done; r = await reader.read()) rest += new TextDecoder().decode(r.value);
    expect(rest).toBe("<p>second</p>");
  });
});

describe("a no-JavaScript form post over the size limit", () => {
  it("goes back to its form with the 'too long' flag, and never reaches the app", async () => {
    const reached: string[] = [];
    const base = await serve(
      limitFormPosts((req, res) => {
        reached.push(`${req.method} ${req.url}`);
        req.resume();
        req.on("end", () => res.end("app"));
      }),
    );
    const big = new URLSearchParams({ narrative: "x".repeat(FORM_BODY_LIMIT_BYTES) });
    const res = await fetch(`${base}/la/393/plan/actions/7?tab=update`, { method: "POST", body: big, redirect: "manual" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/la/393/plan/actions/7?tab=update");
    expect(res.headers.get("set-cookie")).toBe(`${FORM_TOO_LONG_COOKIE}=1; Max-Age=60; Path=/; HttpOnly; SameSite=Lax`);
    expect(reached).toEqual([]);

    // Within the limit, a JavaScript (server action fetch) post, or not a form: the app's to answer.
    expect(await (await fetch(`${base}/sign-in`, { method: "POST", body: new URLSearchParams({ email: "a@b.c" }) })).text()).toBe("app");
    expect(await (await fetch(`${base}/sign-in`, { method: "POST", body: big, headers: { "next-action": "abc" } })).text()).toBe("app");
    expect(
      await (
        await fetch(`${base}/api/x`, {
          method: "POST",
          body: JSON.stringify({ a: "x".repeat(FORM_BODY_LIMIT_BYTES) }),
          headers: { "content-type": "application/json" },
        })
      ).text(),
    ).toBe("app");
    expect(reached).toHaveLength(3);
  });
});
