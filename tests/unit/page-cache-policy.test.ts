import { describe, expect, it } from "vitest";
import { htmlEscapeJsonString } from "next/dist/shared/lib/htmlescape";
import { escapeHtml } from "@/lib/core/html-escape";
import {
  cacheKey,
  classifyRequest,
  nonceFromCsp,
  parseCookieHeader,
  interleave,
  slotValues,
  splitAtSlots,
  storablePage,
  viewerClassId,
  viewerId,
  withFreshNonce,
} from "@/lib/page-cache/policy";

const get = (url: string, headers: Record<string, string> = {}) => classifyRequest({ method: "GET", url, headers });

/** A signed-in DCS, as the session read gives them. */
const DANA = {
  id: "u1",
  name: "Dana Director",
  email: "dana@example.com",
  role: "dcs" as const,
  laNumber: "393",
  laName: "South Tyneside",
  isDemo: false,
};

describe("classifyRequest", () => {
  it("accepts document GETs of the cacheable pages", () => {
    for (const url of [
      "/",
      "/la/393",
      "/la/393?indicator=caseload_fte&year=2021",
      "/la/E08000023",
      "/la/393/plan",
      "/risk?region=E12000001",
      "/risk/method",
      "/risk/la/393",
      "/about/data",
    ]) {
      expect(get(url)).toEqual({ url, sessionCookie: null, sessionToken: null });
    }
  });

  it("sends everything else straight to the app", () => {
    expect(classifyRequest({ method: "POST", url: "/la/393/plan", headers: {} })).toEqual({ bypass: "method" });
    expect(classifyRequest({ method: "HEAD", url: "/", headers: {} })).toEqual({ bypass: "method" });
    for (const url of [
      "/sign-in",
      "/admin/users",
      "/admin/audit",
      "/la/393/csv/trend",
      "/la/393/plan/report",
      "/la/393/plan/actions/1",
      "/risk/csv",
      "/_next/static/x.js",
      "/la/../admin",
      "/la/<script>",
    ]) {
      expect(get(url)).toEqual({ bypass: "path" });
    }
    expect(get(`/la/393?${"a=1&".repeat(600)}`)).toEqual({ bypass: "url" });
    expect(get("/la/393?_rsc=abc")).toEqual({ bypass: "rsc" });
    expect(get("/la/393", { rsc: "1" })).toEqual({ bypass: "rsc" });
    expect(get("/la/393", { "next-router-prefetch": "1" })).toEqual({ bypass: "next-router-prefetch" });
    expect(get("/la/393", { "next-action": "abc" })).toEqual({ bypass: "next-action" });
  });

  it("keeps the session cookie and refuses any other cookie", () => {
    expect(get("/la/393", { cookie: "csc.session_token=tok123.c2lnbmF0dXJl" })).toEqual({
      url: "/la/393",
      sessionCookie: "tok123.c2lnbmF0dXJl",
      sessionToken: "tok123",
    });
    expect(get("/la/393", { cookie: "__Secure-csc.session_token=tok%2E1.sig" })).toEqual({
      url: "/la/393",
      sessionCookie: "tok%2E1.sig",
      sessionToken: "tok",
    });
    expect(get("/la/393", { cookie: "csc.session_token=tok.sig; csc_form_error=1" })).toEqual({ bypass: "cookie" });
    expect(get("/la/393", { cookie: "other=1" })).toEqual({ bypass: "cookie" });
    expect(get("/la/393", { cookie: "csc.session_token=a.b; csc.session_token=c.d" })).toEqual({ bypass: "cookie" });
    expect(get("/la/393", { cookie: "csc.session_token=%E0%A4%A" })).toEqual({ bypass: "cookie" });
    expect(get("/la/393", { cookie: "csc.session_token=.sig" })).toEqual({ bypass: "cookie" });
  });

  it("parses cookie headers", () => {
    expect(parseCookieHeader("a=1; b=2=3").cookies).toEqual(
      new Map([
        ["a", "1"],
        ["b", "2=3"],
      ]),
    );
    expect(parseCookieHeader("a=1; a=2").repeated).toBe(true);
  });
});

describe("cache key", () => {
  const base = { url: "/la/393", host: "localhost:3000", viewer: "anonymous", dataVersion: "7", date: "2026-11-26" };
  it("changes with every part", () => {
    const key = cacheKey(base);
    expect(cacheKey({ ...base })).toBe(key);
    for (const change of [
      { url: "/la/394" },
      { host: "example.org" },
      { viewer: "user:u1:x" },
      { dataVersion: "8" },
      { date: "2026-11-27" },
    ]) {
      expect(cacheKey({ ...base, ...change })).not.toBe(key);
    }
  });

  const user = DANA;
  const signedIn = { url: "/", sessionCookie: "tok.sig1", sessionToken: "tok" };

  it("ties a signed-in viewer to the exact cookie", () => {
    const a = viewerId(signedIn, user);
    const b = viewerId({ ...signedIn, sessionCookie: "tok.sig2" }, user);
    expect(a).toMatch(/^user:u1:/);
    expect(a).not.toBe(b);
    expect(viewerId({ url: "/", sessionCookie: null, sessionToken: null }, null)).toBe("anonymous");
  });

  it("is a new viewer when anything the page shows or decides by about the person changes", () => {
    const a = viewerId(signedIn, user);
    expect(viewerId(signedIn, { ...user })).toBe(a);
    for (const change of [
      { name: "Dana Smith" },
      { email: "dana.smith@example.com" },
      { role: "team_manager" as const },
      { laNumber: "330", laName: "Birmingham" },
      { laName: "South Tyneside Council" },
      { isDemo: true },
    ]) {
      expect(viewerId(signedIn, { ...user, ...change })).not.toBe(a);
    }
  });
});

describe("storing and re-nonce-ing pages", () => {
  const nonce = "AbCdEfGhIjKlMnOpQrStUv==";
  const csp = `default-src 'self'; script-src 'self' 'nonce-${nonce}' 'strict-dynamic'; style-src 'self' 'nonce-${nonce}'`;
  const html = `<html><head><script nonce="${nonce}" src="/a.js"></script></head><body><p>Hi</p><script nonce="${nonce}">x()</script></body></html>`;
  const headers = {
    "content-type": "text/html; charset=utf-8",
    "content-security-policy": csp,
    "x-frame-options": "DENY",
    date: "x",
    "content-length": "10",
  };

  it("reads the nonce from the CSP", () => {
    expect(nonceFromCsp(csp)).toBe(nonce);
    expect(nonceFromCsp("default-src 'self'")).toBeNull();
    expect(nonceFromCsp(undefined)).toBeNull();
  });

  it("stores only 200 HTML pages with a nonce CSP and no cookie", () => {
    const page = storablePage(200, headers, html);
    expect(page?.nonce).toBe(nonce);
    expect(page?.headers.map(([n]) => n)).toEqual(["content-type", "content-security-policy", "x-frame-options"]);
    expect(storablePage(404, headers, html)).toBeNull();
    expect(storablePage(200, { ...headers, "set-cookie": ["a=1"] }, html)).toBeNull();
    expect(storablePage(200, { ...headers, "content-encoding": "gzip" }, html)).toBeNull();
    expect(storablePage(200, { ...headers, "content-type": "text/csv" }, html)).toBeNull();
    expect(storablePage(200, { ...headers, "x-page-cache": "no-store" }, html)).toBeNull();
    expect(storablePage(200, { ...headers, "content-security-policy": "default-src 'self'" }, html)).toBeNull();
    expect(storablePage(200, headers, "<html>no nonce in the body</html>")).toBeNull();
  });

  it("splits the bytes the app sent exactly as it splits their text, multi-byte characters beside the nonce included", () => {
    const text = `<p>Ynys Môn – “Wrexham” 🐉</p><script nonce="${nonce}">é</script>${nonce}ü<style nonce="${nonce}"></style>`;
    const fromBytes = storablePage(200, headers, Buffer.from(text, "utf8"))!;
    const fromText = storablePage(200, headers, text)!;
    expect(fromBytes.segments.map((b) => b.toString("utf8"))).toEqual(fromText.segments.map((b) => b.toString("utf8")));
    expect(fromBytes.slots).toEqual(["nonce", "nonce", "nonce"]);
    expect(fromBytes.bytes).toBe(fromText.bytes);
    expect(withFreshNonce(fromBytes, "ZZZZZZZZZZZZZZZZZZZZZZ==").body.toString("utf8")).toBe(
      text.replaceAll(nonce, "ZZZZZZZZZZZZZZZZZZZZZZ=="),
    );
    expect(storablePage(200, headers, Buffer.from("<html>no nonce in the body</html>"))).toBeNull();
  });

  it("gives every copy a fresh nonce in the body and the header", () => {
    const page = storablePage(200, headers, html)!;
    const fresh = withFreshNonce(page, "ZZZZZZZZZZZZZZZZZZZZZZ==");
    const body = fresh.body.toString("utf8");
    expect(body).not.toContain(nonce);
    expect(body.match(/nonce="ZZZZZZZZZZZZZZZZZZZZZZ=="/g)).toHaveLength(2);
    expect(body).toBe(html.replaceAll(nonce, "ZZZZZZZZZZZZZZZZZZZZZZ=="));
    const freshCsp = fresh.headers.find(([n]) => n === "content-security-policy")![1];
    expect(freshCsp).toBe(csp.replaceAll(nonce, "ZZZZZZZZZZZZZZZZZZZZZZ=="));
    expect(Buffer.concat(page.segments).toString("utf8")).toBe(html.replaceAll(nonce, "")); // the stored copy is untouched
    expect(withFreshNonce(page, nonce).body.toString("utf8")).toBe(html);
  });
});

describe("one copy for everyone with the same access, their name filled in (decision 0031)", () => {
  const person = DANA;

  it("keys a shared page on role, LA and demo flag, never on who the person is", () => {
    const a = viewerClassId(person);
    expect(viewerClassId({ ...person, id: "u2", name: "Sam Other", email: "sam@example.com" })).toBe(a);
    for (const change of [
      { role: "team_manager" as const },
      { laNumber: "330", laName: "Birmingham" },
      { laName: "South Tyneside Council" },
      { isDemo: true },
    ]) {
      expect(viewerClassId({ ...person, ...change })).not.toBe(a);
    }
  });

  const slot = "csc-account-name-0123456789abcdef01234567";
  const nonce = "AbCdEfGhIjKlMnOpQrStUv==";
  /** A page as Next.js writes it: the name in the markup, and in a Flight row inside an inline payload script. */
  const rendered = (name: string, flightName = name.startsWith("$") ? `$${name}` : name) =>
    `<html><body><p>Signed in as <strong>${escapeHtml(name)}</strong></p><main>Figures</main>` +
    `<script nonce="${nonce}">self.__next_f.push(${htmlEscapeJsonString(JSON.stringify([1, `5:["$","strong",null,{"children":${JSON.stringify(flightName)}}]\n`]))})</script>` +
    `<script nonce="${nonce}">boot()</script></body></html>`;

  it("finds the name slot in the markup and in the payload, and fills each with the name escaped as Next.js and React would", () => {
    const split = splitAtSlots(rendered(slot), { nonce, accountSlot: slot })!;
    expect(split.slots).toEqual(["name-html", "nonce", "name-script", "nonce"]);
    for (const name of ["Dana Director", `O'Brien <b>"&"</b> \u2028 \\ é`, "$dollar first"]) {
      const values = slotValues(split.slots, { nonce, name });
      const filled = Buffer.concat(
        interleave(
          split.segments.map((s) => Buffer.from(s)),
          values,
        ),
      ).toString("utf8");
      expect(filled).toBe(rendered(name));
    }
  });

  it("refuses a slot it cannot fill safely: inside another script, missing from the payload, or twice in it", () => {
    expect(splitAtSlots(`<p>${slot}</p><script>var who = "${slot}"</script>`, { nonce: null, accountSlot: slot })).toBeNull();
    expect(splitAtSlots(`<p>${slot}</p>`, { nonce: null, accountSlot: slot })).toBeNull();
    const twice = rendered(slot).replace("</body>", `<script>self.__next_f.push([1,"${slot}"])</script></body>`);
    expect(splitAtSlots(twice, { nonce, accountSlot: slot })).toBeNull();
    expect(() => slotValues(["name-html"], { nonce })).toThrow(/no name was given/);
  });

  it("stores a shared page split at its slots, and every copy gets a fresh nonce and its viewer's name", () => {
    const headers = { "content-type": "text/html; charset=utf-8", "content-security-policy": `script-src 'nonce-${nonce}'` };
    const page = storablePage(200, headers, rendered(slot), slot)!;
    expect(page.slots).toEqual(["name-html", "nonce", "name-script", "nonce"]);
    const copy = withFreshNonce(page, "ZZZZZZZZZZZZZZZZZZZZZZ==", "Sam Other").body.toString("utf8");
    expect(copy).toBe(rendered("Sam Other").replaceAll(nonce, "ZZZZZZZZZZZZZZZZZZZZZZ=="));
    expect(copy).not.toContain(slot);
    expect(storablePage(200, headers, `<p>${slot}</p><script nonce="${nonce}">x()</script>`, slot)).toBeNull();
  });
});
