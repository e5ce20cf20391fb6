import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { BAD_REQUEST, fallbackPage, hasReadablePath, rejectUnreadablePaths, SERVICE_PROBLEM } from "@/lib/page-cache/fallback-pages";

describe("fallback pages", () => {
  it("tells readable paths from unreadable percent-encoding", () => {
    expect(hasReadablePath("/la/393?q=%E0%A4%A")).toBe(true); // the query is the app's to judge
    expect(hasReadablePath("/la/caf%C3%A9")).toBe(true);
    expect(hasReadablePath("/la/%E0%A4%A")).toBe(false);
    expect(hasReadablePath("/risk/la/%")).toBe(false);
    expect(hasReadablePath(undefined)).toBe(true);
  });

  it("renders a GOV.UK-style page with its own nonce CSP and no script", () => {
    const page = fallbackPage(SERVICE_PROBLEM, "bm9uY2Vub25jZW5vbmNlMTI=");
    expect(page.status).toBe(500);
    expect(page.body).toContain("<h1>Sorry, there is a problem with the service</h1>");
    expect(page.body).toContain('<style nonce="bm9uY2Vub25jZW5vbmNlMTI=">');
    expect(page.body).not.toContain("<script");
    const csp = page.headers.find(([n]) => n === "content-security-policy")?.[1];
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("style-src 'nonce-bm9uY2Vub25jZW5vbmNlMTI='");
    expect(fallbackPage(BAD_REQUEST, "x").status).toBe(400);
  });

  it("answers 400 for an unreadable path before the app sees it", async () => {
    const seen: string[] = [];
    const server = http.createServer(
      rejectUnreadablePaths((req, res) => {
        seen.push(req.url ?? "");
        res.end("app");
      }),
    );
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const bad = await fetch(`${base}/la/%E0%A4%A`);
      expect(bad.status).toBe(400);
      expect(await bad.text()).toContain("Sorry, that address is not valid");
      expect(await (await fetch(`${base}/la/393`)).text()).toBe("app");
      expect(seen).toEqual(["/la/393"]);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
