// Analyst triage in the browser: the inbox filtered to "new", one LA marked reviewed with a note —
// it leaves the filter and its history shows the note, on its risk page and its dashboard — a bulk
// update without JavaScript (error summary, then success), and nobody else sees any of it. axe on
// every page state, with JavaScript (axe cannot run without it). Each test works on its own region's
// LAs, so the tests can run in parallel.
import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./axe";
import { signIn } from "./sign-in";

const ANALYST = "demo.analyst@example.com";
const inboxRows = (page: Page) => page.locator("#inbox-table tbody tr");

test("analyst: filter to new, open an LA, mark it reviewed with a note, see it leave the filter and see its history", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, ANALYST, "/risk");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Risk inbox: all local authorities");
  await expect(page.getByTestId("triage-counts")).toContainText("New:");

  // Filter to new LAs in the North East, through the form: the URL holds the filters.
  await page.getByRole("combobox", { name: "Triage status", exact: true }).selectOption("NEW");
  await page.getByRole("combobox", { name: "Region" }).selectOption({ label: "North East" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/status=NEW/);
  await expect(page).toHaveURL(/region=E12000001/);
  const count = await inboxRows(page).count();
  expect(count).toBeGreaterThan(1);
  for (const status of await inboxRows(page).locator("td:nth-child(8)").allInnerTexts()) expect(status).toMatch(/^New/);
  await expectNoSeriousAxeViolations(page);

  // The bulk form refuses nothing ticked and no note with the GOV.UK error summary.
  await page.getByRole("button", { name: "Update ticked local authorities" }).click();
  const bulkSummary = page.locator("#bulk-error-summary");
  await expect(bulkSummary).toContainText("Select at least one local authority in the table");
  await expect(bulkSummary).toContainText("Choose a status");
  await expect(bulkSummary).toContainText("Enter a note saying what you found or decided");
  await expect(page).toHaveTitle(/^Error: /);
  await expectNoSeriousAxeViolations(page);

  // Open the first LA in the filter.
  const link = inboxRows(page).first().locator("th a");
  const name = (await link.innerText()).trim();
  await link.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.locator("#triage")).toContainText("Not triaged yet");
  await expectNoSeriousAxeViolations(page);

  // A save without a note is refused with the GOV.UK error summary.
  await page.getByLabel("Triage status").selectOption("REVIEWED");
  await page.getByRole("button", { name: "Save triage" }).click();
  await expect(page.locator("#triage-error-summary")).toContainText("Enter a note saying what you found or decided");
  await expect(page).toHaveTitle(/^Error: /);

  const note = `E2E review ${Date.now()}: agency use explained by a recruitment drive <b>not bold</b>`;
  await page.getByLabel("Triage status").selectOption("REVIEWED");
  await page.getByLabel("Note", { exact: true }).fill(note);
  await page.getByRole("button", { name: "Save triage" }).click();
  await expect(page.getByText(`${name}: Reviewed: no further action. Your note is saved.`)).toBeVisible({ timeout: 20_000 });
  const history = page.getByRole("table", { name: `Triage history for ${name}, newest first` });
  await expect(history).toContainText(note); // HTML shown as text
  await expect(history).toContainText("New → Reviewed: no further action");
  await expect(history).toContainText("Demo analyst");
  await expectNoSeriousAxeViolations(page);

  // Back to the same view of the inbox: the LA has left the "new" filter.
  await page.getByRole("link", { name: "Back to the inbox" }).click();
  await expect(page).toHaveURL(/\/risk\?region=E12000001&status=NEW$/);
  await expect(inboxRows(page)).toHaveCount(count - 1);
  await expect(page.locator("#inbox-table").getByRole("link", { name, exact: true })).toHaveCount(0);
  await page.goto("/risk?status=REVIEWED&region=E12000001");
  await expect(page.locator("#inbox-table").getByRole("link", { name, exact: true })).toBeVisible();

  // The LA dashboard shows the triage history beside the flags.
  await page.locator("#inbox-table").getByRole("link", { name, exact: true }).click();
  await page.getByRole("link", { name: `All of ${name}'s published figures and Ofsted inspections` }).click();
  const panel = page.getByTestId("triage-panel");
  await expect(panel).toContainText("Reviewed: no further action");
  await expect(panel).toContainText(note);
  await expectNoSeriousAxeViolations(page);

  // Nobody else sees any of it: signed out, the ranking, its CSV and the LA's risk page ask you to
  // sign in (issue 14: flags are not public), and the LA's dashboard shows no flags and no triage.
  await page.getByTestId("account-bar").getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You have signed out");
  await page.goto("/risk?status=REVIEWED&region=E12000001");
  await expect(page).toHaveURL(/\/sign-in\?returnTo=/);
  const csv = await page.request.get("/risk/csv?status=REVIEWED", { maxRedirects: 0 });
  expect(csv.status()).toBeGreaterThanOrEqual(300);
  expect(csv.status()).toBeLessThan(400);
  expect(await csv.text()).not.toMatch(/triage|Reviewed/i);
  await page.goto("/risk/la/393");
  await expect(page).toHaveURL(/\/sign-in\?returnTo=/);
  await page.goto("/la/393");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("South Tyneside");
  await expect(page.locator("main").getByText(/Reviewed: no further action/)).toHaveCount(0);
  await expect(page.locator("#triage")).toHaveCount(0);
});

test("analyst, with the keyboard: the bulk bar above the table stays in reach, counts what is ticked, and the success banner takes focus at the top", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const view = "/risk?region=E12000003&status=NEW&sort=name&order=asc"; // Yorkshire and The Humber
  await signIn(page, ANALYST, view);
  // the Ofsted column: the latest judgement and its date
  await expect(page.locator("#inbox-table thead th").nth(3)).toHaveText("Ofsted");
  await expect(inboxRows(page).first().locator("td").nth(2)).toHaveText(
    /^(Outstanding|Good|Requires improvement|Inadequate)\s*\d{1,2} [A-Z][a-z]+ \d{4}$|^Not judged$/,
  );
  // the form and its button come before the table, so the keyboard reaches them without passing 150 rows
  const bar = page.getByTestId("bulk-bar");
  const status = page.getByRole("status").filter({ hasText: "selected" });
  await expect(status).toHaveText("0 local authorities selected");
  await expect(status).toHaveAttribute("aria-live", "polite");
  const names = (await inboxRows(page).locator("th a").allInnerTexts()).slice(0, 2).map((n) => n.trim());
  const first = page.getByLabel(`Select ${names[0]}`, { exact: true });
  await first.focus();
  await page.keyboard.press("Space");
  await expect(status).toHaveText("1 local authority selected");
  await page.keyboard.press("Tab"); // the LA's link
  await page.keyboard.press("Tab"); // the next row's checkbox
  await expect(page.getByLabel(`Select ${names[1]}`, { exact: true })).toBeFocused();
  await page.keyboard.press("Space");
  await expect(status).toHaveText("2 local authorities selected");
  // scrolled down to the last row, the bar with the button and the count is still on screen
  await inboxRows(page).last().scrollIntoViewIfNeeded();
  const box = await bar.boundingBox();
  expect(box!.y).toBeGreaterThanOrEqual(-1);
  expect(box!.y).toBeLessThan(page.viewportSize()!.height);
  await expect(bar.getByRole("button", { name: "Update ticked local authorities" })).toBeInViewport();

  const select = page.getByLabel("New triage status");
  await select.focus();
  await select.selectOption("UNDER_REVIEW");
  await page.keyboard.press("Tab"); // the note
  await expect(page.getByLabel("Note for every ticked local authority")).toBeFocused();
  await page.keyboard.type("Checked both with the regional lead.");
  await page.keyboard.press("Tab"); // the bar's button
  await expect(bar.getByRole("button", { name: "Update ticked local authorities" })).toBeFocused();
  await page.keyboard.press("Enter");
  const banner = page.locator(".govuk-notification-banner--success");
  await expect(banner).toContainText('2 local authorities marked "Under review" with your note', { timeout: 20_000 });
  await expect(banner).toBeFocused();
  // at the top of the page: above the heading
  const bannerBox = await banner.boundingBox();
  const headingBox = await page.getByRole("heading", { level: 1 }).boundingBox();
  expect(bannerBox!.y).toBeLessThan(headingBox!.y);
  await expect(status).toHaveText("0 local authorities selected");
  await expectNoSeriousAxeViolations(page);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("analyst: bulk update — nothing ticked or no note is refused with the error summary; then several LAs are marked at once", async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const view = "/risk?region=E12000007&status=NEW&sort=name&order=asc"; // London
    await signIn(page, ANALYST, view);
    const names = (await inboxRows(page).locator("th a").allInnerTexts()).slice(0, 3).map((n) => n.trim());
    expect(names).toHaveLength(3);

    // without JavaScript nothing counts the ticks, so no count is shown
    await expect(page.locator("#bulk-selected")).toHaveText("");
    await page.getByLabel("New triage status").selectOption("UNDER_REVIEW");
    await page.getByRole("button", { name: "Update ticked local authorities" }).click();
    await expect(page).toHaveTitle(/^Error: /);
    const summary = page.locator("#bulk-error-summary");
    await expect(summary).toContainText("Select at least one local authority in the table");
    await expect(summary).toContainText("Enter a note saying what you found or decided");
    // (No axe scan in this test: axe-core cannot run in a page with JavaScript switched off — its
    // evaluate never returns. The same page states are scanned in the test above, with JavaScript.)

    for (const n of names) await page.getByLabel(`Select ${n}`, { exact: true }).check();
    await page.getByLabel("New triage status").selectOption("UNDER_REVIEW");
    await page.getByRole("button", { name: "Update ticked local authorities" }).click();
    await expect(summary).toContainText("Enter a note saying what you found or decided");
    // the same LAs are still ticked after the refused submission
    for (const n of names) await expect(page.getByLabel(`Select ${n}`, { exact: true })).toBeChecked();

    await page.getByLabel("Note for every ticked local authority").fill("Asked the London region for context on all three.");
    await page.getByRole("button", { name: "Update ticked local authorities" }).click();
    await expect(page.getByText('3 local authorities marked "Under review" with your note')).toBeVisible({ timeout: 20_000 });

    await page.goto("/risk?region=E12000007&status=UNDER_REVIEW&sort=name&order=asc");
    expect((await inboxRows(page).locator("th a").allInnerTexts()).map((n) => n.trim())).toEqual(names);
    await expect(inboxRows(page).first()).toContainText("Asked the London region for context on all three.");

    // One LA's form works without JavaScript too: a refused save keeps what was typed, a good one saves.
    await inboxRows(page).first().locator("th a").click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(names[0]!);
    await page.getByLabel("Triage status").selectOption("ESCALATED");
    await page.getByLabel("Note", { exact: true }).fill("x".repeat(2001));
    await page.getByRole("button", { name: "Save triage" }).click();
    await expect(page).toHaveTitle(/^Error: /);
    await expect(page.locator("#triage-error-summary")).toContainText("The note must be 2000 characters or fewer");
    await expect(page.getByLabel("Triage status")).toHaveValue("ESCALATED");
    await page.getByLabel("Note", { exact: true }).fill("Escalated to the regional director.");
    await page.getByRole("button", { name: "Save triage" }).click();
    await expect(page.getByText(`${names[0]}: Escalated. Your note is saved.`)).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole("table", { name: `Triage history for ${names[0]}, newest first` })).toContainText(
      "Under review → Escalated",
    );

    // The CSV has the triage status and latest note.
    const csv = await (await page.request.get("/risk/csv?region=E12000007&status=UNDER_REVIEW&sort=name&order=asc")).text();
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toContain("triage_status,triage_changed_since_review,triage_latest_note");
    expect(lines).toHaveLength(3); // the first is escalated now
    for (const line of lines.slice(1))
      expect(line).toContain("Under review,,Asked the London region for context on all three.,Demo analyst,");
  });
});
