// Hostile URLs on every route family (issue 8, part 4): unknown LA codes, <script> in the path and the
// query, broken percent-encoding, 10 kB query strings, repeated parameters and path traversal — each
// must give a 4xx, a redirect to this site, or a clean page (with a GOV.UK error summary where the
// page validates what it was given); never a 500, a stack trace, database text, or the input
// reflected unescaped. Plus: text a user saved with HTML in it is shown as text, not run.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { signIn } from "./sign-in";

/** Unique, so finding it unescaped in a page can only mean it was reflected raw. */
const SCRIPT = `<script>alert('xss-7f3a')</script>`;
const IMG = `"><img src=x onerror=alert('xss-7f3a')>`;
const RAW_MARKERS = ["<script>alert('xss-7f3a')", "<img src=x onerror=alert('xss-7f3a')"];
const BAD_PERCENT = "%E0%A4%A";
const TEN_KB = "a".repeat(10_000);
const enc = encodeURIComponent;

/** A stack trace, a file path, or database/driver text: never in a response. */
const LEAK =
  /\n\s+at [\w.<>]+ \(|node_modules|webpack-internal|\/tmp\/|\/work\/|PrismaClient|prisma\.|DriverAdapterError|invalid input syntax|ECONNREFUSED|SQLSTATE|URIError|TypeError:|ReferenceError:/;

type Expect = "validated" | "clean";
type Case = { path: string; expect: Expect; note: string };

/**
 * "validated": a 4xx, or a page with the GOV.UK error summary ("There is a problem").
 * "clean": any status below 500 without leaks (e.g. a search for odd text is just a search).
 */
function family(base: string, { validatedQuery }: { validatedQuery: string[] }): Case[] {
  const cases: Case[] = [
    { path: `${base}?${validatedQuery[0]}=${enc(SCRIPT)}`, expect: "validated", note: "script in a validated parameter" },
    {
      path: `${base}?${validatedQuery[0]}=${enc(IMG)}&${validatedQuery.at(-1)}=${enc(SCRIPT)}`,
      expect: "validated",
      note: "HTML in two parameters",
    },
    { path: `${base}?${validatedQuery[0]}=${BAD_PERCENT}`, expect: "validated", note: "bad percent-encoding in the query" },
    { path: `${base}?${validatedQuery[0]}=${TEN_KB}`, expect: "validated", note: "10 kB parameter" },
    {
      path: `${base}?${validatedQuery[0]}=x&${validatedQuery[0]}=${enc(SCRIPT)}&${validatedQuery[0]}=y`,
      expect: "clean",
      note: "repeated parameter",
    },
    { path: `${base}?${"z".repeat(40)}=${enc(SCRIPT)}&${TEN_KB}`, expect: "clean", note: "unknown parameters, 10 kB" },
    { path: `${base}?${enc(SCRIPT)}=1`, expect: "clean", note: "script as a parameter name" },
  ];
  return cases;
}

const PUBLIC_CASES: Case[] = [
  // / — the list of LAs (q is free text, up to 100 characters)
  ...family("/", { validatedQuery: ["region", "judgement"] }),
  { path: `/?q=${enc(SCRIPT)}`, expect: "clean", note: "script as a search" },
  { path: `/?q=${TEN_KB}`, expect: "validated", note: "10 kB search" },
  { path: `/?q=${BAD_PERCENT}`, expect: "clean", note: "bad percent-encoding as a search" },
  // /la/[code] — unknown codes, script, traversal, broken encoding; validated view parameters
  ...family("/la/330", { validatedQuery: ["indicator", "comparator", "year"] }),
  { path: "/la/999", expect: "validated", note: "unknown LA number" },
  { path: "/la/E99999999", expect: "validated", note: "unknown ONS code" },
  { path: `/la/${enc(SCRIPT)}`, expect: "validated", note: "script as the LA code" },
  { path: "/la/..%2f..%2fetc%2fpasswd", expect: "validated", note: "encoded traversal as the LA code" },
  { path: "/la/330%00", expect: "validated", note: "NUL after the LA code" },
  { path: `/la/${"9".repeat(3000)}`, expect: "validated", note: "3,000-digit LA code" },
  { path: "/la/330?year=99999&year=2024", expect: "validated", note: "impossible year first of two" },
  // CSV of each table
  { path: "/la/330/csv/headline", expect: "clean", note: "a real CSV (control)" },
  { path: `/la/330/csv/${enc(SCRIPT)}`, expect: "validated", note: "script as the table" },
  { path: "/la/330/csv/..%2f..%2fpackage.json", expect: "validated", note: "traversal as the table" },
  { path: "/la/999/csv/trend", expect: "validated", note: "unknown LA" },
  { path: `/la/330/csv/trend?indicator=${enc(SCRIPT)}&year=${TEN_KB}`, expect: "validated", note: "script and 10 kB in the view" },
  { path: `/la/330/csv/compare?year=${BAD_PERCENT}`, expect: "validated", note: "bad percent-encoding in the year" },
  // issue 14: valid in the URL, but not once Next.js has decoded the segment (was a URIError, 500)
  { path: "/la/%25/csv/headline", expect: "validated", note: "encoded % as the LA of a CSV" },
  { path: "/la/%25E0%25A4/csv/headline", expect: "validated", note: "encoded broken UTF-8 as the LA of a CSV" },
  { path: "/la/%25", expect: "validated", note: "encoded % as the LA" },
  { path: "/la/%25E0%25A4", expect: "validated", note: "encoded broken UTF-8 as the LA" },
  // /risk, its CSV, method and LA pages
  ...family("/risk", { validatedQuery: ["region", "flag"] }),
  { path: `/risk/csv?region=${enc(SCRIPT)}&flag=${TEN_KB}&${enc(SCRIPT)}=1`, expect: "clean", note: "CSV ignores bad filters" },
  { path: `/risk/csv?region=${BAD_PERCENT}`, expect: "clean", note: "CSV with bad percent-encoding" },
  { path: `/risk/method?${enc(SCRIPT)}=${TEN_KB}`, expect: "clean", note: "method page with junk" },
  { path: "/risk/la/999", expect: "validated", note: "unknown LA" },
  { path: `/risk/la/${enc(SCRIPT)}`, expect: "validated", note: "script as the LA" },
  { path: "/risk/la/..%2f..%2f..%2fetc%2fpasswd", expect: "validated", note: "traversal as the LA" },
  // other pages and nowhere
  { path: `/about/data?${enc(SCRIPT)}=${enc(SCRIPT)}`, expect: "clean", note: "static page with junk" },
  { path: `/sign-in?returnTo=${enc("javascript:alert('xss-7f3a')")}`, expect: "clean", note: "javascript: returnTo" },
  { path: `/sign-in?returnTo=${enc("//evil.example/")}&returnTo=${enc(SCRIPT)}`, expect: "clean", note: "off-site returnTo" },
  { path: `/${enc(SCRIPT)}`, expect: "validated", note: "script as a path" },
  { path: "/..%2f..%2f..%2fetc%2fpasswd", expect: "validated", note: "traversal at the root" },
  { path: `/${BAD_PERCENT}`, expect: "validated", note: "bad percent-encoding at the root" },
  { path: "/_next/static/..%2f..%2f..%2fpackage.json", expect: "validated", note: "traversal into build files" },
];

/** Signed-out requests to the pages behind sign-in: a redirect to sign in (or a 4xx), never more. */
const PROTECTED_PATHS = [
  `/la/393/plan?${enc(SCRIPT)}=1&status=${TEN_KB}`,
  `/la/${enc(SCRIPT)}/plan`,
  "/la/393/plan/actions/not-a-uuid",
  `/la/393/plan/actions/${enc(SCRIPT)}`,
  "/la/393/plan/report/csv",
  `/la/393/plan/report?x=${enc(IMG)}`,
  `/admin/users/${enc(SCRIPT)}`,
  `/admin/audit?action=${enc(SCRIPT)}&from=2024-02-30&to=99999-01-01&page=${TEN_KB}`,
];

/** Signed in: the same kinds of input reach the page itself. */
const SIGNED_IN_CASES: Record<"analyst" | "admin", Case[]> = {
  analyst: [
    { path: `/la/393/plan?status=${enc(SCRIPT)}&sort=${TEN_KB}&theme=${BAD_PERCENT}`, expect: "clean", note: "plan filters" },
    { path: "/la/999/plan", expect: "validated", note: "plan of an unknown LA" },
    { path: "/la/%25/plan", expect: "validated", note: "plan of an encoded % LA" },
    { path: "/la/%25E0%25A4/plan/report/csv", expect: "validated", note: "plan CSV of an encoded broken UTF-8 LA" },
    { path: "/risk/la/%25", expect: "validated", note: "risk of an encoded % LA" },
    { path: "/risk/la/%25E0%25A4", expect: "validated", note: "risk of an encoded broken UTF-8 LA" },
    { path: `/la/${enc(SCRIPT)}/plan`, expect: "validated", note: "plan of a script LA" },
    { path: "/la/393/plan/actions/not-a-uuid", expect: "validated", note: "action that is not a UUID" },
    { path: "/la/393/plan/actions/00000000-0000-0000-0000-000000000000", expect: "validated", note: "action that does not exist" },
    { path: `/la/393/plan/actions/..%2f..%2f${enc(SCRIPT)}`, expect: "validated", note: "traversal as the action" },
    { path: `/la/393/plan/report?${enc(SCRIPT)}=${TEN_KB}`, expect: "clean", note: "report with junk" },
    { path: `/la/999/plan/report/csv`, expect: "validated", note: "report CSV of an unknown LA" },
    { path: `/risk?status=${enc(SCRIPT)}&triage=${TEN_KB}&region=${BAD_PERCENT}`, expect: "clean", note: "risk inbox filters" },
  ],
  admin: [
    {
      path: `/admin/audit?action=${enc(SCRIPT)}&from=2024-02-30&to=99999-01-01&la=${enc(IMG)}&page=${TEN_KB}`,
      expect: "validated",
      note: "audit filters",
    },
    {
      path: `/admin/audit?actor=${TEN_KB}&outcome=${BAD_PERCENT}&page=-1&page=2`,
      expect: "validated",
      note: "audit: 10 kB actor, repeated page",
    },
    { path: `/admin/users/${enc(SCRIPT)}`, expect: "validated", note: "user that is not an id" },
    { path: `/admin/users?created=${enc(SCRIPT)}`, expect: "clean", note: "users list with a script notice" },
  ],
};

/**
 * Known gap, for proxy.ts (not this file's to change): a malformed percent-escape in a DYNAMIC path
 * segment makes Next.js itself answer a plain-text "500 Internal Server Error" before any app code
 * runs (its route matcher throws a DecodeError and the App Router has no /400 page to render; nothing
 * is logged and nothing leaks). In a query string, or a static path, the same input is handled.
 * proxy.ts can answer 400 first: `try { decodeURIComponent(request.nextUrl.pathname) } catch { … }`.
 */
const BAD_PERCENT_PATHS = [
  `/la/${BAD_PERCENT}`,
  `/la/${BAD_PERCENT}/csv/trend`,
  `/la/${BAD_PERCENT}/plan`,
  `/risk/la/${BAD_PERCENT}`,
  `/admin/users/${BAD_PERCENT}`,
];

async function check(request: APIRequestContext, c: Case, origin: string) {
  const res = await request.get(c.path, { maxRedirects: 0, failOnStatusCode: false });
  const status = res.status();
  const body = await res.text();
  const where = `${c.note}: GET ${c.path.slice(0, 120)} → ${status}`;
  // soft: one run reports every failing URL, not just the first
  expect.soft(status, where).toBeLessThan(500);
  expect.soft(body, `${where}: leaks internals`).not.toMatch(LEAK);
  for (const marker of RAW_MARKERS) expect.soft(body.includes(marker), `${where}: reflects ${marker} unescaped`).toBe(false);
  if (status >= 300 && status < 400) {
    const location = res.headers()["location"] ?? "";
    const target = new URL(location, origin);
    expect.soft(target.origin, `${where}: redirects off-site to ${location}`).toBe(origin);
    expect.soft(location, `${where}: redirect reflects markup`).not.toMatch(/[<>"]/);
    return status;
  }
  if (c.expect === "validated" && status < 400) {
    expect.soft(body, `${where}: a 200 for bad input must say what is wrong`).toContain("There is a problem");
  }
  if (status >= 400 && status < 500 && (res.headers()["content-type"] ?? "").includes("text/html")) {
    // the app's own 4xx pages, in its layout
    expect.soft(body, `${where}: not the app's page`).toContain("govuk-header");
  }
  return status;
}

test.describe("hostile URLs", () => {
  test(`public pages and CSV routes: ${PUBLIC_CASES.length} hostile requests`, async ({ request, baseURL }) => {
    test.setTimeout(180_000);
    const statuses: Record<string, number> = {};
    for (const c of PUBLIC_CASES) {
      const status = await check(request, c, new URL(baseURL!).origin);
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
    console.log(`hostile URLs, public: ${PUBLIC_CASES.length} requests, statuses ${JSON.stringify(statuses)}`);
  });

  test(`signed out, protected pages: ${PROTECTED_PATHS.length} hostile requests go to sign in`, async ({ request, baseURL }) => {
    for (const path of PROTECTED_PATHS) {
      const status = await check(request, { path, expect: "clean", note: "signed out" }, new URL(baseURL!).origin);
      expect([303, 307, 308, 400, 401, 403, 404], path).toContain(status);
    }
  });

  for (const [who, cases] of Object.entries(SIGNED_IN_CASES)) {
    test(`signed in as the demo ${who}: ${cases.length} hostile requests`, async ({ page, baseURL }) => {
      test.setTimeout(120_000);
      await signIn(page, `demo.${who}@example.com`);
      for (const c of cases) await check(page.request, c, new URL(baseURL!).origin);
    });
  }
});

test.describe("malformed percent-encoding in a path segment", () => {
  test("never leaks internals or reflects input", async ({ request }) => {
    for (const path of BAD_PERCENT_PATHS) {
      const res = await request.get(path, { maxRedirects: 0, failOnStatusCode: false });
      const body = await res.text();
      expect.soft(body, path).not.toMatch(LEAK);
      expect.soft(body.length, `${path}: a short plain answer or the app's page`).toBeGreaterThan(0);
      expect.soft([400, 404, 500], path).toContain(res.status());
    }
  });

  // scripts/serve.ts answers these itself (lib/page-cache/fallback-pages.ts): Next.js would give a bare 500.
  test("is a 400 page, not Next.js's plain 500", async ({ request }) => {
    for (const path of BAD_PERCENT_PATHS) {
      const res = await request.get(path, { maxRedirects: 0, failOnStatusCode: false });
      expect.soft(res.status(), path).toBe(400);
      expect.soft(await res.text(), path).toContain("Sorry, that address is not valid");
    }
  });
});

test("a name saved with HTML and script in it is shown as text and never runs", async ({ page }) => {
  test.setTimeout(90_000);
  const name = `Mallory <img src=x onerror="window.__xss=1"><script>window.__xss=2</script>`;
  const email = `mallory.${Date.now()}@example.com`;
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await signIn(page, "demo.admin@example.com");
  await page.goto("/admin/users/new");
  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Role").selectOption("dfe_analyst");
  await page.getByLabel("Password").fill("harbour kettle purple lamp");
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page).toHaveURL(/\/admin\/users\?created=/);

  const row = page.getByRole("row", { name: new RegExp(email.replace(/\./g, "\\.")) });
  await expect(row).toContainText(name); // the markup is text on the page…
  await expect(page.locator("main img[src='x']")).toHaveCount(0); // …not an element
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  await row.getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
  await expect(page.locator("main img[src='x']")).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
});
