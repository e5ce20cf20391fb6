// Faults the user sees (issue 14, part 3), against the real production server (scripts/serve.ts) and
// database:
// - with the database down, every page — also those outside the page cache (sign-in, admin, a form
//   post) — is the plain GOV.UK "Sorry, there is a problem with the service" page, readable without
//   JavaScript, and a CSV download a plain-text message;
// - with the database hanging (it accepts connections and never answers), the same page comes within
//   seconds, and the app recovers by itself when the database answers again;
// - a server process that dies is replaced, and the others answer meanwhile (decision 0033);
// - a no-JavaScript form post over the 1 MB limit shows the form again with "The text is too long".
// The first three start a second app instance whose database connections go through a switchable
// proxy (./db-proxy.ts); the third uses the suite's server.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { startDbProxy, type DbProxy } from "./db-proxy";
import { signIn as signInAs, submitSignIn } from "./sign-in";

const PROBLEM = "Sorry, there is a problem with the service";
const root = path.resolve(import.meta.dirname, "../..");

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise((resolve) => s.close(resolve));
  return port;
}

/** Every server this file started and has not seen stop: stopped after its tests, even when a hook gave up waiting for one. */
const running = new Set<ChildProcess>();
test.afterAll(() => {
  for (const child of running) child.kill("SIGTERM");
});

/** scripts/serve.ts on its own port, its database behind `proxy`. */
async function startInstance(proxy: DbProxy): Promise<{ base: string; pid: number; stop: () => Promise<void>; output: () => string }> {
  const port = await freePort();
  let output = "";
  const child: ChildProcess = spawn(path.join(root, "node_modules/.bin/tsx"), ["scripts/serve.ts", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
    // Two server processes whatever the host's cores (decision 0033): each has its own page cache.
    env: { ...process.env, DATABASE_URL: proxy.url, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", WEB_CONCURRENCY: "2" },
  });
  running.add(child);
  child.once("exit", () => running.delete(child));
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`scripts/serve.ts exited:\n${output}`);
    if (output.includes("Ready on")) break;
    if (i > 600) {
      child.kill("SIGTERM");
      throw new Error(`scripts/serve.ts did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    base,
    pid: child.pid!,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

function expectPlainErrorPage(status: number, type: string | null, body: string, label = "") {
  expect(status, label).toBe(500);
  expect(type).toMatch(/^text\/html/);
  expect(body).toContain(`<h1>${PROBLEM}</h1>`);
  expect(body).not.toContain("<script");
  expect(body).not.toMatch(/__next_error__|ECONNREFUSED|Prisma|timeout|at .*\.(ts|js):\d+/i);
}

test.describe("with the database unreachable", () => {
  test.describe.configure({ mode: "serial", timeout: 120_000 });
  let proxy: DbProxy;
  let app: Awaited<ReturnType<typeof startInstance>>;

  test.beforeAll(async () => {
    // A hook's own time limit (30 s by default, not the group's): starting two server processes, each
    // warming up (the backtest is seconds of CPU), took longer than that on a busy shared host.
    test.setTimeout(120_000);
    proxy = await startDbProxy(process.env.E2E_DATABASE_URL!);
    app = await startInstance(proxy);
  });
  test.afterAll(async () => {
    await app?.stop();
    await proxy?.close();
  });

  test("every page, form post and download answers the plain error, with no JavaScript needed", async ({ browser }) => {
    // Without JavaScript: a form on a page outside the page cache, loaded while the database is up.
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL: app.base });
    const page = await context.newPage();
    await page.goto("/sign-in");
    await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();

    // An analyst's session, made while the database is up: /risk/csv is for signed-in users (signed
    // out it sends you to sign in without asking the database).
    const analyst = await browser.newContext({ baseURL: app.base });
    const signIn = await analyst.newPage();
    await signIn.goto("/sign-in");
    await submitSignIn(signIn, "demo.analyst@example.com");
    await expect(signIn.getByTestId("account-bar").getByRole("button", { name: "Sign out" })).toBeVisible();
    const session = (await analyst.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    await analyst.close();

    proxy.setMode("refuse");
    // /about/data needs no database for an anonymous visitor: it still shows.
    expect((await fetch(`${app.base}/about/data`)).status).toBe(200);
    for (const p of ["/sign-in", "/admin/users", "/admin/audit", "/la/393", "/risk"]) {
      const res = await fetch(`${app.base}${p}`); // /admin/* sends an anonymous visitor to /sign-in first
      expectPlainErrorPage(res.status, res.headers.get("content-type"), await res.text(), p);
    }
    for (const p of ["/la/393/csv/trend", "/risk/csv", "/la/393/plan/report/csv"]) {
      const res = await fetch(`${app.base}${p}`, { redirect: "manual", headers: { cookie: session } });
      expect(res.status, p).toBe(500);
      expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
      expect(await res.text()).toContain(PROBLEM);
    }
    // The form posted without JavaScript while the database is down: what a person sees.
    await submitSignIn(page, "demo.team-manager@example.com");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(PROBLEM);
    await page.goto("/admin/users");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(PROBLEM);

    // Back up: the same pages again, with no restart.
    proxy.setMode("pass");
    await expect(async () => {
      const res = await fetch(`${app.base}/sign-in`);
      expect(res.status).toBe(200);
    }).toPass({ timeout: 10_000 });
    await page.goto("/sign-in");
    await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
    expect((await fetch(`${app.base}/la/393/csv/trend`)).status).toBe(200);
    // Each process's page cache said once why it switched itself off, not once per request.
    const said = app.output().match(/\[page-cache\] off: /g)?.length ?? 0;
    expect(said).toBeGreaterThanOrEqual(1);
    expect(said).toBeLessThanOrEqual(2);
    await context.close();
  });

  test("a database that hangs gives the error page within seconds, and the app recovers by itself", async () => {
    await fetch(`${app.base}/la/393`).then((r) => r.text()); // connections open in both pools
    proxy.setMode("freeze");
    const timed = async (p: string) => {
      const started = performance.now();
      const res = await fetch(`${app.base}${p}`, { signal: AbortSignal.timeout(60_000) });
      return { status: res.status, body: await res.text(), ms: performance.now() - started, type: res.headers.get("content-type") };
    };
    try {
      const results = await Promise.all(["/la/393?view=frozen", "/sign-in", "/admin/users", "/la/330/csv/headline"].map(timed));
      for (const r of results.slice(0, 3)) expectPlainErrorPage(r.status, r.type, r.body, `${r.ms} ms`);
      expect(results[3]!.status).toBe(500);
      expect(results[3]!.body).toContain(PROBLEM);
      // connect 3 s / statement 5 s (+1 s for a server that never answers) by default, lib/core/env.ts
      for (const r of results) expect(r.ms).toBeLessThan(12_000);
    } finally {
      proxy.setMode("pass");
    }
    await expect(async () => {
      expect((await fetch(`${app.base}/la/393?view=thawed`)).status).toBe(200);
      expect((await fetch(`${app.base}/sign-in`)).status).toBe(200);
    }).toPass({ timeout: 15_000 });
  });
});

/** The processes whose parent is `pid`. */
const childrenOf = (pid: number): number[] =>
  execFileSync("ps", ["-o", "pid=", "--ppid", String(pid)], { encoding: "utf8" })
    .split("\n")
    .map((line) => Number(line.trim()))
    .filter((n) => n > 0);

test.describe("server processes", () => {
  test.describe.configure({ timeout: 120_000 });
  test("one that dies is replaced, and the others answer meanwhile", async () => {
    const proxy = await startDbProxy(process.env.E2E_DATABASE_URL!);
    const app = await startInstance(proxy);
    try {
      // tsx → the primary (node:cluster) → its two servers
      const [primary] = childrenOf(app.pid);
      const workers = childrenOf(primary!);
      expect(workers).toHaveLength(2);
      process.kill(workers[0]!, "SIGKILL");
      await expect(() =>
        expect(app.output()).toMatch(new RegExp(`server process ${workers[0]} stopped \\(SIGKILL\\); starting another`)),
      ).toPass({ timeout: 30_000 });
      // While its replacement starts (it warms up for seconds), the other process answers every request.
      for (let i = 0; i < 10; i++) expect((await fetch(`${app.base}/la/393`, { headers: { connection: "close" } })).status).toBe(200);
      await expect(() => {
        const now = childrenOf(primary!);
        expect(now).toHaveLength(2);
        expect(now).not.toContain(workers[0]);
      }).toPass({ timeout: 60_000 });
      // The new one warms up and serves: each of several new connections (shared round-robin) gets the page.
      await expect(async () => {
        for (let i = 0; i < 4; i++) expect((await fetch(`${app.base}/about/data`, { headers: { connection: "close" } })).status).toBe(200);
      }).toPass({ timeout: 60_000 });
    } finally {
      await app.stop();
      await proxy.close();
    }
  });
});

test("a form posted without JavaScript over the 1 MB limit shows again with 'The text is too long'", async ({ browser }) => {
  test.setTimeout(120_000); // a 200-action plan page, on a busy machine
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const tooLong = "x".repeat(1_100_000);

  // Anonymous: the sign-in form.
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(tooLong);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await expect(page.locator(".govuk-error-summary")).toContainText("There is a problem");
  await expect(page.locator(".govuk-error-summary")).toContainText("The text is too long");
  expect(await page.title()).toMatch(/^Error: /);
  // Shown once: the next page is clean.
  await page.reload();
  await expect(page.locator(".govuk-error-summary")).toHaveCount(0);

  // Signed in: a progress update on an improvement-plan action (a textarea).
  await signInAs(page, "demo.team-manager@example.com");
  await page.goto("/la/393/plan");
  await page.locator("main table a[href*='/plan/actions/']").first().click();
  const actionUrl = page.url();
  const field = page.getByLabel("What has happened since the last update?");
  await field.fill(tooLong);
  await page.getByRole("button", { name: "Post update" }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText("The text is too long");
  expect(page.url()).toBe(actionUrl);
  await expect(page.getByLabel("What has happened since the last update?")).toBeVisible();
  await expect(page.getByText("Internal Server Error")).toHaveCount(0);
  await context.close();
});
