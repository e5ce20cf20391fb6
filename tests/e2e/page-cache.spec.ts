// The page cache in front of Next.js (scripts/serve.ts, docs/decisions/0010-page-cache.md) in a real
// browser: a page served from the cache still runs its scripts under the strict nonce CSP (charts
// appear, no CSP violation), every copy has its own nonce, and a save shows at once.
import { expect, test, type Page } from "@playwright/test";
import { watchCsp } from "./csp";
import { signIn, submitSignIn } from "./sign-in";

test("a cached LA page runs its scripts under the nonce CSP, with a fresh nonce per copy", async ({ page, request }) => {
  // Fill the cache, then two copies in a row from it (other tests running alongside may save
  // something in between, which rightly makes the page stale: then try again).
  let [one, two] = [await request.get("/la/330"), await request.get("/la/330")];
  for (let attempt = 0; attempt < 10 && !(one.headers()["x-page-cache"] === "hit" && two.headers()["x-page-cache"] === "hit"); attempt++) {
    [one, two] = [await request.get("/la/330"), await request.get("/la/330")];
  }
  expect(one.headers()["x-page-cache"]).toBe("hit");
  expect(two.headers()["x-page-cache"]).toBe("hit");
  const nonceOf = (csp: string | undefined) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];
  const [n1, n2] = [nonceOf(one.headers()["content-security-policy"]), nonceOf(two.headers()["content-security-policy"])];
  expect(n1).toBeTruthy();
  expect(n1).not.toBe(n2);
  expect(await two.text()).toContain(`nonce="${n2}"`);

  const violations = watchCsp(page);
  let response = await page.goto("/la/330");
  for (let attempt = 0; attempt < 10 && response?.headers()["x-page-cache"] !== "hit"; attempt++) response = await page.goto("/la/330");
  expect(response?.headers()["x-page-cache"]).toBe("hit");
  // The trend chart is drawn by client JavaScript (recharts, loaded when scrolled to): only runs if the CSP allowed it.
  await page.locator("section[aria-labelledby=trend-heading] figure").scrollIntoViewIfNeeded();
  await expect(page.getByTestId("trend-chart").locator("svg").first()).toBeVisible({ timeout: 20_000 });
  expect(violations).toEqual([]);
});

test("the first view after a save is fresh, not a cached copy", async ({ page }) => {
  await signIn(page, "demo.team-manager@example.com");

  // An on-track demo action (other tests edit the first actions of this plan).
  const list = "/la/393/plan?status=ON_TRACK";
  const first = await page.goto(list);
  expect(first?.status()).toBe(200);
  let again = await page.goto(list);
  for (let attempt = 0; attempt < 10 && again?.headers()["x-page-cache"] !== "hit"; attempt++) again = await page.goto(list);
  expect(again?.headers()["x-page-cache"]).toBe("hit");

  // Move one of them to "at risk" with a progress update: the filtered list must drop it at once,
  // not show the cached copy.
  const violations = watchCsp(page);
  const link = page.locator("main table a[href*='/plan/actions/']").last();
  const title = (await link.textContent())?.trim() ?? "";
  expect(title).not.toBe("");
  await link.click();
  const narrative = `Cache check ${Date.now()}`;
  await page.getByLabel("What has happened since the last update?").fill(narrative);
  await page.getByLabel("Status after this update").selectOption("AT_RISK");
  await page.getByRole("button", { name: "Post update" }).click();
  await expect(page.getByText(narrative)).toBeVisible({ timeout: 20_000 });
  const after = await page.goto(list);
  expect(after?.headers()["x-page-cache"]).toMatch(/^miss/);
  await expect(page.getByRole("link", { name: title, exact: true })).toHaveCount(0);
  expect(violations).toEqual([]);
});

test("two people with the same access share one copy of an LA page, each with their own name, and it hydrates cleanly", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const stamp = Date.now();
  const password = "harbour kettle purple lamp";
  const people = [
    { name: `Ada Analyst ${stamp}`, email: `ada.${stamp}@example.com` },
    { name: `Bo O'Brien & <Co> "${stamp}"`, email: `bo.${stamp}@example.com` },
  ];
  await signIn(page, "demo.admin@example.com");
  for (const person of people) {
    await page.goto("/admin/users/new");
    await page.getByLabel("Full name").fill(person.name);
    await page.getByLabel("Email address").fill(person.email);
    await page.getByLabel("Role").selectOption("dfe_analyst");
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Add user" }).click();
    await expect(page).toHaveURL(/\/admin\/users\?created=/);
  }
  const tabs = await Promise.all(people.map(async () => (await browser.newContext()).newPage()));
  for (const [i, tab] of tabs.entries()) {
    await tab.goto("/sign-in");
    await submitSignIn(tab, people[i]!.email, password);
    await expect(tab).not.toHaveURL(/\/sign-in/, { timeout: 20_000 });
  }
  const [first, second] = tabs as [Page, Page];
  const problems: string[] = [];
  second.on("console", (message) => void (message.type() === "error" && problems.push(message.text())));
  second.on("pageerror", (error) => problems.push(error.message));
  const violations = watchCsp(second);

  // The first person's view fills the cache; the second's is that copy (a write by a test running
  // alongside can rightly make it stale in between: then both look again).
  let shared = null;
  for (let attempt = 0; attempt < 10 && shared?.headers()["x-page-cache"] !== "hit"; attempt++) {
    await first.goto("/la/340");
    shared = await second.goto("/la/340");
  }
  expect(shared?.headers()["x-page-cache"]).toBe("hit");
  const bar = second.getByTestId("account-bar");
  await expect(bar).toContainText(`Signed in as ${people[1]!.name}`);
  const html = await shared!.text();
  expect(html).not.toContain(people[0]!.name);
  expect(html).not.toContain("csc-account-name-");
  await expect(first.getByTestId("account-bar")).toContainText(`Signed in as ${people[0]!.name}`);
  // Hydrated without a mismatch (React would log one, and redraw the page): the chart draws, and the
  // name is still the second person's after React has taken over.
  await second.locator("section[aria-labelledby=trend-heading] figure").scrollIntoViewIfNeeded();
  await expect(second.getByTestId("trend-chart").locator("svg").first()).toBeVisible({ timeout: 20_000 });
  await expect(bar).toContainText(`Signed in as ${people[1]!.name}`);
  expect(problems).toEqual([]);
  expect(violations).toEqual([]);
});
