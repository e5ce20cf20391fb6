// Improvement plans in the browser: the team manager's flow (create with an owner chosen from the
// LA's users → progress update → complete) with and without JavaScript; the DCS changing the plan's
// details (with a two-tab conflict) and adding, reordering, renaming and removing a priority, with
// and without JavaScript; the DCS's summary and board report; the analyst's read-only view; ONS-code
// addresses redirecting. axe on every page visited. Uses the seeded DEMO plan for South Tyneside (393).
import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./axe";
import { expectDate, fillDate } from "./date-input";
import { signIn } from "./sign-in";

const PLAN = "/la/393/plan";

/** The value beside a key in the page's first summary list (the action's details). */
const summaryValue = (page: Page, key: string) =>
  page
    .locator(".govuk-summary-list")
    .first()
    .locator(".govuk-summary-list__row", { has: page.locator("dt", { hasText: new RegExp(`^${key}$`) }) })
    .locator("dd");

test("team manager: create an action, post an update, mark it complete", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "demo.team-manager@example.com", PLAN);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("DEMO improvement plan");
  await expect(page.getByText("This is a made-up demonstration plan")).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  await page.getByRole("link", { name: "Add an action", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Add an action");
  // nothing filled in: error summary with a link per field
  await page.getByRole("button", { name: "Add action" }).click();
  const summary = page.locator(".govuk-error-summary");
  await expect(summary).toBeVisible();
  await expect(summary.getByRole("link", { name: "Enter a title" })).toBeVisible();
  await expect(summary.getByRole("link", { name: "Choose the priority this action belongs to" })).toBeVisible();
  await expect(page).toHaveTitle(/^Error: /);
  await expectNoSeriousAxeViolations(page);

  // one title limit, said in the hint and in the message; nothing is cut
  await expect(page.getByText("Up to 200 characters")).toBeVisible();
  await page.getByLabel("Title").fill("x".repeat(201));
  await page.getByRole("button", { name: "Add action" }).click();
  await expect(summary.getByRole("link", { name: "Title must be 200 characters or fewer" })).toBeVisible();
  await expect(page.getByLabel("Title")).toHaveValue("x".repeat(201));
  // a new action's due date is today or later
  await expect(page.getByRole("group", { name: "Due date" })).toContainText("Today or later");
  // the linked indicator: grouped by Ofsted area, each with its unit and which way is better
  const linked = page.getByLabel("Linked indicator (optional)");
  const groups = await linked.locator("optgroup").evaluateAll((els) => els.map((e) => e.getAttribute("label")));
  expect(groups).toEqual(expect.arrayContaining(["Help and protection", "Children in care", "Leadership and workforce"]));
  await expect(linked.locator('optgroup[label="Leadership and workforce"] option').first()).toHaveText(
    "Agency social worker rate (FTE) — per cent, lower is better",
  );
  // the target's hint follows the indicator chosen
  const target = page.getByLabel("Target (needed with a linked indicator)");
  await expect(page.locator("#target-hint")).toHaveText(/in the linked indicator's unit/);
  await linked.selectOption("agency_rate_fte");
  await expect(page.locator("#target-hint")).toHaveText("Unit: per cent. Lower is better for this indicator.");
  await linked.selectOption("");
  await expect(page.locator("#target-hint")).toHaveText(/in the linked indicator's unit/);
  await expect(target).toHaveAttribute("aria-describedby", /target-hint/);

  const title = `E2E action ${Date.now()} <b>bold?</b>`;
  await page.getByLabel("Priority").selectOption({ label: "A stable, permanent workforce" });
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Theme").selectOption("WORKFORCE_STABILITY");
  // the owner: one of the LA's people from the list (their name is stored)
  const owner = page.getByRole("group", { name: "Owner" });
  await expect(owner.getByLabel("Person", { exact: true }).locator("option")).toContainText([
    "Choose a person",
    "Demo director (director of children's services)",
    "Demo team manager (team manager)",
    "Another person or role (type it below)",
  ]);
  await owner.getByLabel("Person", { exact: true }).selectOption({ label: "Demo team manager (team manager)" });
  await fillDate(page, "Due date", "2030-01-31");
  await page.getByLabel("Success measure").fill("Measured");
  await page.getByRole("button", { name: "Add action" }).click();
  await expect(page.getByText("Action added")).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title); // HTML shown as text
  await expect(summaryValue(page, "Owner")).toHaveText("Demo team manager");
  // the edit form shows the owner chosen from the list
  await expect(page.getByLabel("Person", { exact: true })).toHaveValue(/.+/);
  await expect(page.getByLabel("Another person or role", { exact: true })).toHaveValue("");
  await expectNoSeriousAxeViolations(page);

  await page.getByLabel("What has happened since the last update?").fill("Kick-off meeting held.");
  await page.getByLabel("Status after this update").selectOption("AT_RISK");
  await page.getByRole("button", { name: "Post update" }).click();
  await expect(page.getByText("Progress update posted. Status: At risk")).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText("Kick-off meeting held.")).toBeVisible();

  // the edit form's due date hint is not the new action's
  await expect(page.getByRole("group", { name: "Due date" })).not.toContainText("today or later", { ignoreCase: true });

  // a completion note that is too long: the error summary names it and links to its box, which shows the error
  const note = page.getByLabel("Completion note (optional)");
  await note.fill("x".repeat(4001));
  await page.getByRole("button", { name: "Mark complete" }).click();
  const tooLong = page.locator(".govuk-error-summary").getByRole("link", { name: "Completion note must be 4000 characters or fewer" });
  await expect(tooLong).toHaveAttribute("href", "#completion-narrative", { timeout: 20_000 });
  await expect(page.locator("#completion-narrative-error")).toContainText("Completion note must be 4000 characters or fewer");
  await note.fill("");
  await page.getByRole("button", { name: "Mark complete" }).click();
  await expect(page.locator(".govuk-notification-banner--success")).toContainText("marked complete", { timeout: 20_000 });
  // one banner, for the latest save: the progress update's is gone
  await expect(page.locator(".govuk-notification-banner--success")).toHaveCount(1);
  await expect(page.getByText("Progress update posted")).toHaveCount(0);
  await expect(page.locator(".govuk-summary-list").first()).toContainText("Complete");
  await expectNoSeriousAxeViolations(page);

  await page.goto(`${PLAN}?status=COMPLETE&sort=title`);
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  await page.goto(`${PLAN}?status=NOT_STARTED`);
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);
  // "Show actions I own" filters by the signed-in person's name
  await page.goto(PLAN);
  await page.getByRole("link", { name: "Show actions I own" }).click();
  await expect(page.getByLabel("Owner contains")).toHaveValue("Demo team manager");
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  await expect(page.getByRole("link", { name: "Retention offer for experienced social workers" })).toHaveCount(0);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("team manager: a bad submission shows the error summary; a good one saves", async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page, "demo.team-manager@example.com", PLAN);
    // "Add an action to this priority" opens the form with that priority chosen
    await page.getByRole("link", { name: "Add an action to this priority (A safe, timely front door)" }).click();
    await expect(page.getByLabel("Priority")).toHaveValue(/.+/);
    await expect(page.getByLabel("Priority").locator("option:checked")).toHaveText("A safe, timely front door");
    await page.getByLabel("Title").fill("x".repeat(201));
    // a person chosen from the list and another name typed: the form says which to clear
    await page.getByLabel("Person", { exact: true }).selectOption({ label: "Demo director (director of children's services)" });
    await page.getByLabel("Another person or role", { exact: true }).fill("Someone else");
    await page.getByRole("button", { name: "Add action" }).click();
    await expect(page).toHaveTitle(/^Error: /);
    const summary = page.locator(".govuk-error-summary");
    await expect(summary).toContainText("Title must be 200 characters or fewer");
    await expect(summary.getByRole("link", { name: /clear this box/ })).toHaveAttribute("href", "#ownerOther");
    await expect(page.getByLabel("Title")).toHaveValue("x".repeat(201));
    await expect(page.getByLabel("Another person or role", { exact: true })).toHaveValue("Someone else");

    const title = `No-JS action ${Date.now()}`;
    await page.getByLabel("Title").fill(title);
    await page.getByLabel("Theme").selectOption("FRONT_DOOR");
    await page.getByLabel("Person", { exact: true }).selectOption({ label: "Another person or role (type it below)" });
    await page.getByLabel("Another person or role", { exact: true }).fill("No-JS owner <i>role</i>");
    await fillDate(page, "Due date", "2030-01-31");
    await page.getByLabel("Success measure").fill("Measured");
    await page.getByRole("button", { name: "Add action" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title, { timeout: 20_000 });
    await expect(summaryValue(page, "Owner")).toHaveText("No-JS owner <i>role</i>");

    // "Delete action" is a confirmation step (a page), then a red button that posts; Cancel goes back
    const actionUrl = new RegExp(`${new URL(page.url()).pathname}$`);
    await page.getByRole("link", { name: "Delete action" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Are you sure you want to delete this action?");
    await expect(page.locator(".govuk-summary-list")).toContainText(title);
    await page.getByRole("link", { name: "Cancel" }).click();
    await expect(page).toHaveURL(actionUrl);
    await page.getByRole("link", { name: "Delete action" }).click();
    await page.getByRole("button", { name: "Yes, delete this action" }).click();
    await expect(page).toHaveURL(/\/la\/393\/plan\?deleted=1$/, { timeout: 20_000 });
    await expect(page.locator(".govuk-notification-banner--success")).toContainText("Action deleted");
    await expect(page.getByRole("link", { name: title })).toHaveCount(0);
  });
});

test("the delete confirmation page with JavaScript: summary, warning button, cancel; accessible", async ({ page }) => {
  test.setTimeout(60_000);
  await signIn(page, "demo.team-manager@example.com", PLAN);
  await page.getByRole("link", { name: "Monthly supervision audit with feedback to practitioners" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Monthly supervision audit with feedback to practitioners");
  const actionUrl = new RegExp(`${new URL(page.url()).pathname}$`);
  await page.getByRole("link", { name: "Delete action" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Are you sure you want to delete this action?");
  await expect(page).toHaveTitle(/^Are you sure you want to delete this action\?/);
  await expect(page.locator(".govuk-summary-list")).toContainText("Monthly supervision audit with feedback to practitioners");
  await expect(page.getByRole("button", { name: "Yes, delete this action" })).toHaveClass(/govuk-button--warning/);
  await expectNoSeriousAxeViolations(page);
  await page.getByRole("link", { name: "Cancel" }).click();
  await expect(page).toHaveURL(actionUrl);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Monthly supervision audit with feedback to practitioners");
});

test("two tabs editing one action: changes to different fields are merged; a field both changed shows theirs / yours / before", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const context = await browser.newContext();
  const first = await context.newPage();
  await signIn(first, "demo.team-manager@example.com", PLAN);
  await first.getByRole("link", { name: "Retention offer for experienced social workers" }).click();
  await expect(first.getByRole("heading", { name: "Edit the action" })).toBeVisible();
  const second = await context.newPage();
  await second.goto(first.url());
  const edit = (page: Page) => page.locator("section", { has: page.getByRole("heading", { name: "Edit the action" }) });
  const other = (page: Page) => edit(page).getByLabel("Another person or role", { exact: true });
  const title = (page: Page) => edit(page).getByLabel("Title", { exact: true });
  await expect(other(first)).toHaveValue("Principal social worker"); // a role, not one of the listed people

  // tab one changes the owner; tab two, from the older copy, only the success measure: both kept
  await other(first).fill("Owner from tab one");
  await edit(first).getByRole("button", { name: "Save changes" }).click();
  await expect(first.getByText("Changes to the action saved")).toBeVisible({ timeout: 20_000 });
  await edit(second).getByLabel("Success measure").fill("Turnover below 15% for two years");
  await edit(second).getByRole("button", { name: "Save changes" }).click();
  await expect(
    second.getByText("Saved. Demo team manager also changed this action meanwhile; their changes to the owner were kept."),
  ).toBeVisible({ timeout: 20_000 });
  await expect(summaryValue(second, "Owner")).toHaveText("Owner from tab one");
  await expect(summaryValue(second, "Success measure")).toHaveText("Turnover below 15% for two years");
  await expect(other(second)).toHaveValue("Owner from tab one");

  // now tab one is the older copy: both change the title → a conflict, nothing saved
  await title(second).fill("Retention offer for experienced social workers (tab two)");
  await edit(second).getByRole("button", { name: "Save changes" }).click();
  await expect(second.getByText("Changes to the action saved")).toBeVisible({ timeout: 20_000 });
  await title(first).fill("Retention offer for experienced social workers (tab one)");
  await edit(first).getByRole("button", { name: "Save changes" }).click();
  const summary = first.locator(".govuk-error-summary");
  await expect(summary.getByRole("link", { name: /^Title was also changed by Demo team manager/ })).toHaveAttribute("href", "#title", {
    timeout: 20_000,
  });
  const conflict = first.locator("#conflict");
  await expect(conflict).toContainText("Theirs (Demo team manager");
  await expect(conflict).toContainText("Retention offer for experienced social workers (tab two)");
  await expect(conflict).toContainText("Yours: Retention offer for experienced social workers (tab one)");
  await expect(conflict).toContainText("Before: Retention offer for experienced social workers");
  await expect(first).toHaveTitle(/^Error: /);
  // their success measure (only they changed it) is now in tab one's form; its own title is kept
  await expect(edit(first).getByLabel("Success measure")).toHaveValue("Turnover below 15% for two years");
  await expect(title(first)).toHaveValue("Retention offer for experienced social workers (tab one)");
  await expectNoSeriousAxeViolations(first);
  // choosing the original title and saving again goes through, keeping their success measure
  await title(first).fill("Retention offer for experienced social workers");
  await edit(first).getByRole("button", { name: "Save changes" }).click();
  await expect(first.getByText("Changes to the action saved")).toBeVisible({ timeout: 20_000 });
  await expect(summaryValue(first, "Success measure")).toHaveText("Turnover below 15% for two years");
  await context.close();
});

test("DCS: the board pack, with the CSV download (more in board-pack.spec.ts)", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "demo.dcs@example.com", `${PLAN}/report`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("South Tyneside: board pack");
  await expect(page.getByText("Demo data: not a real plan.", { exact: false })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Ofsted inspections" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: /^Improvement plan: DEMO improvement plan/ })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  const csv = await page.request.get(`${PLAN}/report/csv`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(await csv.text()).toContain("Convert agency social worker posts to permanent ones");
  // the DCS manages the plan and its priorities but does not edit actions
  await page.goto(PLAN);
  await expect(page.getByRole("link", { name: "Manage priorities" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Change plan details" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Close plan" })).toHaveClass(/govuk-button--warning/); // a link to the confirmation page
  await expect(page.getByRole("link", { name: "Add an action", exact: true })).toHaveCount(0);
  await expectNoSeriousAxeViolations(page);
});

// One DCS flow, run in order: every step changes the plan's version, so running these in parallel
// would make them refuse each other's stale forms (which is the point of the version check).
test.describe.serial("DCS manages the plan", () => {
  test("changes the plan's details; a second tab with the old version is shown the newer values", async ({ browser }) => {
    test.setTimeout(120_000);
    const context = await browser.newContext();
    const first = await context.newPage();
    await signIn(first, "demo.dcs@example.com", PLAN);
    await first.getByRole("link", { name: "Change plan details" }).click();
    await expect(first.getByRole("heading", { level: 1 })).toHaveText("Change plan details");
    await expectNoSeriousAxeViolations(first);
    const second = await context.newPage();
    await second.goto(first.url());
    const original = await first.getByLabel("Plan title").inputValue();
    expect(original).toContain("DEMO improvement plan");

    // bad input: error summary linked to the fields, values kept
    await first.getByLabel("Plan title").fill("");
    await fillDate(first, "End of the plan period", "2020-01-01");
    await first.getByRole("button", { name: "Save plan details" }).click();
    const summary = first.locator(".govuk-error-summary");
    await expect(summary.getByRole("link", { name: "Enter a title for the plan" })).toHaveAttribute("href", "#title");
    await expect(summary.getByRole("link", { name: "The end of the plan period must be after its start" })).toHaveAttribute(
      "href",
      "#periodEnd",
    );
    await expect(first).toHaveTitle(/^Error: /);
    await expectNoSeriousAxeViolations(first);

    await first.getByLabel("Plan title").fill(`${original} (revised)`);
    await fillDate(first, "End of the plan period", "2027-06-30");
    await first.getByRole("button", { name: "Save plan details" }).click();
    await expect(first.getByText("Plan details saved")).toBeVisible({ timeout: 20_000 });
    await expect(first.getByRole("heading", { level: 1 })).toHaveText(`${original} (revised)`);
    await expect(first.getByText("1 April 2024 to 30 June 2027")).toBeVisible();

    // the second tab, from the older copy, changes the title too: a conflict on the title only; the
    // end date only the first tab changed is now in its form
    await second.getByLabel("Plan title").fill(`${original} <b>second tab</b>`);
    await second.getByRole("button", { name: "Save plan details" }).click();
    const conflict = second.locator("#conflict");
    await expect(conflict).toContainText("Demo director also changed this plan", { timeout: 20_000 });
    await expect(conflict).toContainText(`${original} (revised)`);
    await expect(conflict).toContainText(`Yours: ${original} <b>second tab</b>`);
    await expect(conflict).toContainText(`Before: ${original}`);
    await expect(
      second.locator(".govuk-error-summary").getByRole("link", { name: /^Plan title was also changed by Demo director/ }),
    ).toHaveAttribute("href", "#title");
    await expect(second.getByLabel("Plan title")).toHaveValue(`${original} <b>second tab</b>`);
    await expectDate(second, "End of the plan period", "2027-06-30");
    await expectNoSeriousAxeViolations(second);
    // having seen the newer values, the person puts the original title back and saves deliberately
    await second.getByLabel("Plan title").fill(original);
    await fillDate(second, "End of the plan period", "2027-03-31");
    await second.getByRole("button", { name: "Save plan details" }).click();
    await expect(second.getByText("Plan details saved")).toBeVisible({ timeout: 20_000 });
    await expect(second.getByRole("heading", { level: 1 })).toHaveText(original);
    await context.close();
  });

  test("adds, moves, renames and removes a priority (with JavaScript)", async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page, "demo.dcs@example.com", PLAN);
    await page.getByRole("link", { name: "Manage priorities" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Plan priorities");
    await expectNoSeriousAxeViolations(page);
    const rows = page.locator("#priority-order tbody th");
    const name = `E2E priority ${Date.now()}`;
    await page.getByLabel("Priority", { exact: true }).fill(name);
    await page.getByRole("button", { name: "Add priority" }).click();
    await expect(page.getByText(`Priority "${name}" added`)).toBeVisible({ timeout: 20_000 });
    await expect(rows.last()).toHaveText(`4. ${name}`);
    // the last one has no "Move down"; moving it up swaps it with the one above
    await expect(page.getByRole("button", { name: `Move down (${name})` })).toHaveCount(0);
    await page.getByRole("button", { name: `Move up (${name})` }).click();
    await expect(page.getByText(`"${name}" moved up: it is now priority 3`)).toBeVisible({ timeout: 20_000 });
    await expect(rows.nth(2)).toHaveText(`3. ${name}`);
    await expect(rows.nth(3)).toHaveText("4. Strong management oversight and quality assurance");
    await expectNoSeriousAxeViolations(page);
    await page.getByRole("button", { name: `Move down (${name})` }).click();
    await expect(page.getByText(`"${name}" moved down: it is now priority 4`)).toBeVisible({ timeout: 20_000 });
    await expect(rows.last()).toHaveText(`4. ${name}`);

    // a priority with actions offers where to move them (axe on that form; the no-JS test submits it)
    await page.getByRole("link", { name: "Rename or remove (A stable, permanent workforce)" }).click();
    await page.getByRole("link", { name: "Remove priority" }).click();
    await expect(page.getByLabel(/^Move its \d+ actions to$/)).toBeVisible();
    await expect(page.getByLabel(/^Move its \d+ actions to$/).locator("option")).toContainText([
      "Choose a priority",
      "2. A safe, timely front door",
      `4. ${name}`,
    ]);
    await expectNoSeriousAxeViolations(page);
    await page.getByRole("link", { name: "Cancel" }).click();
    await page.getByRole("link", { name: "Back to the priorities" }).click();

    await page.getByRole("link", { name: `Rename or remove (${name})` }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Priority 4: ${name}`);
    await expectNoSeriousAxeViolations(page);
    await page.getByLabel("Priority", { exact: true }).fill("");
    await page.getByRole("button", { name: "Save new name" }).click();
    await expect(page.locator(".govuk-error-summary")).toContainText("Enter the priority");
    await page.getByLabel("Priority", { exact: true }).fill(`${name} <i>renamed</i>`);
    await page.getByRole("button", { name: "Save new name" }).click();
    await expect(page.getByText("Priority renamed")).toBeVisible({ timeout: 20_000 });
    await expect(rows.last()).toHaveText(`4. ${name} <i>renamed</i>`);

    await page.getByRole("link", { name: `Rename or remove (${name} <i>renamed</i>)` }).click();
    // removing is a confirmation step (a page): what goes, a red button, and Cancel back to the priority
    await expect(page).toHaveURL(/\/plan\/priorities\/[0-9a-f-]{36}$/);
    const priorityUrl = new RegExp(`${new URL(page.url()).pathname}$`);
    await page.getByRole("link", { name: "Remove priority" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Are you sure you want to remove this priority?");
    await expect(page.locator(".govuk-summary-list")).toContainText(`${name} <i>renamed</i>`);
    await expect(page.getByText("It has no actions. The priority is taken off the plan")).toBeVisible();
    await expect(page.getByRole("button", { name: "Yes, remove this priority" })).toHaveClass(/govuk-button--warning/);
    await expectNoSeriousAxeViolations(page);
    await page.getByRole("link", { name: "Cancel" }).click();
    await expect(page).toHaveURL(priorityUrl);
    await page.getByRole("link", { name: "Remove priority" }).click();
    await page.getByRole("button", { name: "Yes, remove this priority" }).click();
    await expect(page.getByText("Priority removed")).toBeVisible({ timeout: 20_000 });
    await expect(rows).toHaveCount(3);
    await expect(rows.last()).toHaveText("3. Strong management oversight and quality assurance");
    await page.goto(PLAN);
    await expect(page.getByRole("heading", { name: `Priority 1: A stable, permanent workforce` })).toBeVisible();
    await expect(page.getByText(name)).toHaveCount(0);
  });

  test("a priority with actions: removal asks where they move (without JavaScript)", async ({ browser }) => {
    test.setTimeout(120_000);
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, "demo.dcs@example.com", `${PLAN}/priorities`);
    const rows = page.locator("#priority-order tbody th");
    const name = `No-JS priority ${Date.now()}`;
    await page.getByLabel("Priority", { exact: true }).fill(name);
    await page.getByRole("button", { name: "Add priority" }).click();
    await expect(rows.last()).toHaveText(`4. ${name}`, { timeout: 20_000 });
    await page.getByRole("button", { name: `Move up (${name})` }).click();
    await expect(page.getByText(`"${name}" moved up: it is now priority 3`)).toBeVisible({ timeout: 20_000 });
    await expect(rows.nth(2)).toHaveText(`3. ${name}`);
    await page.getByRole("button", { name: `Move down (${name})` }).click();
    await expect(rows.last()).toHaveText(`4. ${name}`, { timeout: 20_000 });

    // the first priority has the seeded actions: removing it needs a destination
    await page.getByRole("link", { name: "Rename or remove (A stable, permanent workforce)" }).click();
    await expect(page.getByText(/It has \d+ actions\./)).toBeVisible();
    await page.getByRole("link", { name: "Remove priority" }).click();
    await page.getByRole("button", { name: "Yes, remove this priority" }).click();
    await expect(page).toHaveTitle(/^Error: /);
    await expect(
      page.locator(".govuk-error-summary").getByRole("link", { name: /Choose the priority to move its \d+ actions to/ }),
    ).toHaveAttribute("href", "#moveTo");
    // nothing was removed
    await page.goto(`${PLAN}/priorities`);
    await expect(rows.first()).toHaveText("1. A stable, permanent workforce");

    await page.getByRole("link", { name: `Rename or remove (${name})` }).click();
    await page.getByRole("link", { name: "Remove priority" }).click();
    await page.getByRole("button", { name: "Yes, remove this priority" }).click();
    await expect(page.getByText("Priority removed")).toBeVisible({ timeout: 20_000 });
    await expect(rows).toHaveCount(3);
    await context.close();
  });
});

test("ONS codes and other accepted forms redirect permanently to the DfE number, keeping the path and query", async ({ request }) => {
  const cases: [string, RegExp][] = [
    ["/la/E08000023/plan?status=AT_RISK&sort=title", /\/la\/393\/plan\?status=AT_RISK&sort=title$/],
    ["/la/e08000023/plan/report", /\/la\/393\/plan\/report$/],
    ["/la/E08000023/plan/report/csv?plan=x", /\/la\/393\/plan\/report\/csv\?plan=x$/],
    ["/la/E08000023/plan/actions/new", /\/la\/393\/plan\/actions\/new$/],
    ["/la/E08000023/plan/priorities", /\/la\/393\/plan\/priorities$/],
  ];
  for (const [from, to] of cases) {
    const response = await request.get(from, { maxRedirects: 0 });
    expect(response.status(), from).toBe(308);
    expect(response.headers().location, from).toMatch(to);
  }
  expect((await request.get("/la/E99999999/plan", { maxRedirects: 0 })).status()).toBe(404);
  // the canonical address itself is not redirected (signed out: to sign in)
  expect((await request.get("/la/393/plan", { maxRedirects: 0 })).status()).not.toBe(308);
});

test("analyst reads any LA's plan; signed-out people are sent to sign in", async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto(PLAN);
  await expect(page).toHaveURL(/\/sign-in\?returnTo=/);
  await signIn(page, "demo.analyst@example.com", "/la/330/plan");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("DEMO improvement plan");
  await expect(page.getByRole("link", { name: "Add an action" })).toHaveCount(0);
  await page.getByRole("link", { name: "Convert agency social worker posts to permanent ones" }).click();
  await expect(page.getByRole("heading", { name: "Is it making a difference?" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Post update" })).toHaveCount(0);
  await expectNoSeriousAxeViolations(page);
  expect((await page.request.get("/la/393/plan/actions/new")).status()).toBe(403);
});

// Closing is tested on Liverpool's demo plan with a DCS made for it here, so the South Tyneside plan
// the other tests use stays active.
test("DCS: 'Close plan' asks for confirmation (with and without JavaScript), then closes; reopen", async ({ browser }) => {
  test.setTimeout(180_000);
  const email = `dcs.liverpool.${Date.now()}@example.com`;
  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await signIn(adminPage, "demo.admin@example.com", "/admin/users/new");
  await adminPage.getByLabel("Full name").fill("Lee Director");
  await adminPage.getByLabel("Email address").fill(email);
  await adminPage.getByLabel("Role").selectOption("dcs");
  await adminPage.getByLabel("Local authority").selectOption({ label: "Liverpool" });
  await adminPage.getByLabel("Password").fill("harbour kettle purple lamp");
  await adminPage.getByRole("button", { name: "Add user" }).click();
  await expect(adminPage).toHaveURL(/\/admin\/users\?created=/, { timeout: 20_000 });
  await admin.close();

  const signInAs = async (page: Page, path: string) => {
    await page.goto(`/sign-in?returnTo=${encodeURIComponent(path)}`);
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Password", { exact: true }).fill("harbour kettle purple lamp");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(new RegExp(`${path.replace(/[/?]/g, "\\$&")}$`), { timeout: 20_000 });
  };

  // with JavaScript: the confirmation page (axe), and Cancel changes nothing
  const withJs = await browser.newContext();
  const page = await withJs.newPage();
  await signInAs(page, "/la/341/plan");
  await page.getByRole("link", { name: "Close plan" }).click();
  await expect(page).toHaveURL(/\/la\/341\/plan\/close$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Are you sure you want to close this plan?");
  await expect(page.locator(".govuk-summary-list")).toContainText("DEMO improvement plan 2024 to 2027");
  await expect(page.locator(".govuk-summary-list")).toContainText("not complete");
  await expect(page.getByRole("button", { name: "Yes, close this plan" })).toHaveClass(/govuk-button--warning/);
  await expectNoSeriousAxeViolations(page);
  await page.getByRole("link", { name: "Cancel" }).click();
  await expect(page).toHaveURL(/\/la\/341\/plan$/);
  await expect(page.getByRole("link", { name: "Close plan" })).toBeVisible();

  // without JavaScript: confirm, and the plan page says it is closed
  const noJs = await browser.newContext({ javaScriptEnabled: false });
  const plain = await noJs.newPage();
  await signInAs(plain, "/la/341/plan/close");
  await plain.getByRole("button", { name: "Yes, close this plan" }).click();
  await expect(plain).toHaveURL(/\/la\/341\/plan\?done=closed$/, { timeout: 20_000 });
  await expect(plain.locator(".govuk-notification-banner--success")).toContainText("Plan closed");
  await noJs.close();

  // the banner is accessible; reopening (one click, it loses nothing) puts it back for the next run
  await page.goto("/la/341/plan?done=closed");
  await expect(page.locator(".govuk-notification-banner--success")).toContainText("Plan closed");
  await expectNoSeriousAxeViolations(page);
  await page.getByRole("button", { name: "Reopen plan" }).click();
  await expect(page.getByText("Plan reopened: it is active again")).toBeVisible({ timeout: 20_000 });
  await withJs.close();
});
