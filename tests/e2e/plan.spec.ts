// Improvement plans in the browser: the team manager's flow (create → progress update → complete)
// with and without JavaScript, the DCS's summary and board report, the analyst's read-only view.
// axe on every page visited. Uses the seeded DEMO plan for South Tyneside (393).
import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../lib/auth/demo-accounts";
import { expectNoSeriousAxeViolations } from "./axe";

const PLAN = "/la/393/plan";

async function signInTo(page: Page, email: string, path: string) {
  await page.goto(`/sign-in?returnTo=${encodeURIComponent(path)}`);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`${path.replace(/[/?]/g, "\\$&")}$`), { timeout: 20_000 });
}

test("team manager: create an action, post an update, mark it complete", async ({ page }) => {
  test.setTimeout(120_000);
  await signInTo(page, "demo.team-manager@example.com", PLAN);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("DEMO improvement plan");
  await expect(page.getByText("This is a made-up demonstration plan")).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  await page.getByRole("link", { name: "Add an action" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Add an action");
  // nothing filled in: error summary with a link per field
  await page.getByRole("button", { name: "Add action" }).click();
  const summary = page.locator(".govuk-error-summary");
  await expect(summary).toBeVisible();
  await expect(summary.getByRole("link", { name: "Enter a title" })).toBeVisible();
  await expect(summary.getByRole("link", { name: "Choose the priority this action belongs to" })).toBeVisible();
  await expect(page).toHaveTitle(/^Error: /);
  await expectNoSeriousAxeViolations(page);

  const title = `E2E action ${Date.now()} <b>bold?</b>`;
  await page.getByLabel("Priority").selectOption({ label: "A stable, permanent workforce" });
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Theme").selectOption("WORKFORCE_STABILITY");
  await page.getByLabel("Owner").fill("E2E owner");
  await page.getByLabel("Due date").fill("2030-01-31");
  await page.getByLabel("Success measure").fill("Measured");
  await page.getByRole("button", { name: "Add action" }).click();
  await expect(page.getByText("Action added")).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title); // HTML shown as text
  await expectNoSeriousAxeViolations(page);

  await page.getByLabel("What has happened since the last update?").fill("Kick-off meeting held.");
  await page.getByLabel("Status after this update").selectOption("AT_RISK");
  await page.getByRole("button", { name: "Post update" }).click();
  await expect(page.getByText("Progress update posted. Status: At risk")).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText("Kick-off meeting held.")).toBeVisible();

  await page.getByRole("button", { name: "Mark complete" }).click();
  await expect(page.getByText("marked complete")).toBeVisible({ timeout: 20_000 });
  await expect(page.locator(".govuk-summary-list").first()).toContainText("Complete");
  await expectNoSeriousAxeViolations(page);

  await page.goto(`${PLAN}?status=COMPLETE&sort=title`);
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  await page.goto(`${PLAN}?status=NOT_STARTED`);
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("team manager: a bad submission shows the error summary; a good one saves", async ({ page }) => {
    test.setTimeout(120_000);
    await signInTo(page, "demo.team-manager@example.com", `${PLAN}/actions/new`);
    await page.getByLabel("Title").fill("x".repeat(201));
    await page.getByRole("button", { name: "Add action" }).click();
    await expect(page).toHaveTitle(/^Error: /);
    await expect(page.locator(".govuk-error-summary")).toContainText("Title must be 200 characters or fewer");
    await expect(page.getByLabel("Title")).toHaveValue("x".repeat(201));

    const title = `No-JS action ${Date.now()}`;
    await page.getByLabel("Priority").selectOption({ label: "A safe, timely front door" });
    await page.getByLabel("Title").fill(title);
    await page.getByLabel("Theme").selectOption("FRONT_DOOR");
    await page.getByLabel("Owner").fill("No-JS owner");
    await page.getByLabel("Due date").fill("2030-01-31");
    await page.getByLabel("Success measure").fill("Measured");
    await page.getByRole("button", { name: "Add action" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title, { timeout: 20_000 });
  });
});

test("two tabs editing one action: the later save is refused with the newer values", async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext();
  const first = await context.newPage();
  await signInTo(first, "demo.team-manager@example.com", PLAN);
  await first.getByRole("link", { name: "Retention offer for experienced social workers" }).click();
  await expect(first.getByRole("heading", { name: "Edit the action" })).toBeVisible();
  const second = await context.newPage();
  await second.goto(first.url());
  const edit = (page: Page) => page.locator("section", { has: page.getByRole("heading", { name: "Edit the action" }) });

  await edit(first).getByLabel("Owner").fill("Owner from tab one");
  await edit(first).getByRole("button", { name: "Save changes" }).click();
  await expect(first.getByText("Changes to the action saved")).toBeVisible({ timeout: 20_000 });

  await edit(second).getByLabel("Owner").fill("Owner from tab two");
  await edit(second).getByRole("button", { name: "Save changes" }).click();
  await expect(second.locator("#conflict")).toContainText("This action was changed by Demo team manager at", { timeout: 20_000 });
  await expect(second.locator("#conflict")).toContainText("Now saved: Owner from tab one");
  await expect(second.locator("#conflict")).toContainText("You entered: Owner from tab two");
  await expect(edit(second).getByLabel("Owner")).toHaveValue("Owner from tab two");
  await expectNoSeriousAxeViolations(second);
  // saving again, having seen the newer values, goes through
  await edit(second).getByRole("button", { name: "Save changes" }).click();
  await expect(second.getByText("Changes to the action saved")).toBeVisible({ timeout: 20_000 });
  await context.close();
});

test("DCS: plan summary and board report, with the CSV download", async ({ page }) => {
  test.setTimeout(120_000);
  await signInTo(page, "demo.dcs@example.com", `${PLAN}/report`);
  const summary = page.getByTestId("plan-summary");
  await expect(summary).toContainText("Actions by status");
  await expect(summary).toContainText("Where the evidence disagrees with the status");
  await expect(summary).toContainText("Demo data");
  await expectNoSeriousAxeViolations(page);
  const csv = await page.request.get(`${PLAN}/report/csv`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(await csv.text()).toContain("Convert agency social worker posts to permanent ones");
  // the DCS sets priorities but does not edit actions
  await page.goto(PLAN);
  await expect(page.getByRole("button", { name: "Add priority" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Add an action" })).toHaveCount(0);
  await expectNoSeriousAxeViolations(page);
});

test("analyst reads any LA's plan; signed-out people are sent to sign in", async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto(PLAN);
  await expect(page).toHaveURL(/\/sign-in\?returnTo=/);
  await signInTo(page, "demo.analyst@example.com", "/la/330/plan");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("DEMO improvement plan");
  await expect(page.getByRole("link", { name: "Add an action" })).toHaveCount(0);
  await page.getByRole("link", { name: "Convert agency social worker posts to permanent ones" }).click();
  await expect(page.getByRole("heading", { name: "Is it making a difference?" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Post update" })).toHaveCount(0);
  await expectNoSeriousAxeViolations(page);
  expect((await page.request.get("/la/393/plan/actions/new")).status()).toBe(403);
});
