import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./axe";

const rows = (page: Page) => page.locator("#risk-table tbody tr");

async function noHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test.describe("national risk page", () => {
  test("ranks all 153 current local authorities by score, with charts and their table twins", async ({ page }) => {
    test.setTimeout(60_000);
    await page.goto("/risk");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Risk flags for all local authorities");
    await expect(rows(page)).toHaveCount(153);
    await expect(page.getByRole("status")).toContainText("Showing 153 of 153");
    const scores = await rows(page).locator("td:nth-child(5)").allInnerTexts();
    const numbers = scores.map(Number);
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    await expect(page.getByRole("heading", { name: /Agency rate and caseload at 30 September 2024/ })).toBeVisible();
    await expect(page.getByRole("img", { name: /Scatter chart: agency social worker rate against caseload/ })).toBeVisible();
    // the twins sit in closed <details>: present for assistive technology and search, shown on demand
    await expect(page.getByRole("table", { name: "Agency rate and caseload, by current Ofsted judgement", includeHidden: true })).toBeAttached();
    await expect(page.getByRole("table", { name: "Number of authorities by risk score", includeHidden: true })).toBeAttached();
    await expect(page.getByRole("table", { name: "Red and amber flags by region", includeHidden: true })).toBeAttached();
    await page.getByText("Show the figures in this chart as a table").first().click();
    await expect(page.getByRole("table", { name: "Agency rate and caseload, by current Ofsted judgement" })).toBeVisible();
    await expectNoSeriousAxeViolations(page);
  });

  test("filters by region and flag, held in the URL", async ({ page }) => {
    await page.goto("/risk");
    await page.getByRole("combobox", { name: "Region" }).selectOption({ label: "North West" });
    await page.getByRole("combobox", { name: "Flagged indicator" }).selectOption({ label: "Agency rate" });
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/region=E12000002/);
    await expect(page).toHaveURL(/indicator=agency_rate_fte/);
    const count = await rows(page).count();
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(24);
    for (const region of await rows(page).locator("td:nth-child(3)").allInnerTexts()) expect(region).toBe("North West");
    await expect(page.getByRole("status")).toContainText(`Showing ${count} of 153 local authorities matching your filters`);
    await expect(page.getByRole("combobox", { name: "Region" })).toHaveValue("E12000002");
  });

  test("sorts by a column from its heading, and says which way", async ({ page }) => {
    await page.goto("/risk?region=E12000008");
    await page.getByRole("link", { name: "Caseload" }).click();
    await expect(page).toHaveURL(/sort=caseload&order=desc/);
    const header = page.locator("#risk-table thead th", { hasText: "Caseload" });
    await expect(header).toHaveAttribute("aria-sort", "descending");
    const values = (await rows(page).locator("td:nth-child(9)").allInnerTexts()).map(Number).filter((n) => !Number.isNaN(n));
    expect(values.length).toBeGreaterThan(5);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    await page.getByRole("link", { name: /Caseload/ }).click();
    await expect(page).toHaveURL(/sort=caseload&order=asc/);
    await expect(header).toHaveAttribute("aria-sort", "ascending");
    await expect(page).toHaveURL(/region=E12000008/);
  });

  test("opens a local authority from the list: its flags, score and reasons", async ({ page }) => {
    test.setTimeout(60_000);
    await page.goto("/risk");
    const first = rows(page).first().getByRole("link");
    const name = (await first.innerText()).trim();
    await first.click();
    await expect(page).toHaveURL(/\/risk\/la\/\d{3}$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
    await expect(page.getByText(/points — the highest of 153 local authorities/)).toBeVisible();
    const flags = page.getByRole("table", { name: new RegExp(`Flags for ${name}`) });
    await expect(flags).toBeVisible();
    await expect(flags.locator("tbody tr").first()).toContainText(/Red|Amber/);
    await expect(page.getByRole("table", { name: new RegExp(`Points making up ${name}'s risk score`) })).toBeVisible();
    await expectNoSeriousAxeViolations(page);
  });

  test("downloads the rows shown as CSV", async ({ page }) => {
    await page.goto("/risk?region=E12000001&sort=name&order=asc");
    const shown = await rows(page).locator("th a").allInnerTexts();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /Download these \d+ rows as a spreadsheet \(CSV\)/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^la-risk-flags-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8"));
    const lines = text.trim().split("\r\n");
    expect(lines[0]).toMatch(/^rank,la_number,local_authority,region,/);
    expect(lines).toHaveLength(shown.length + 1);
    expect(lines.slice(1).map((l) => l.split(",")[2]!.replace(/^"|"$/g, ""))).toEqual(shown.map((s) => s.trim()));
  });

  test("a bad filter value gets a GOV.UK error summary, not a crash", async ({ page }) => {
    test.setTimeout(60_000);
    await page.goto("/risk?region=E12999999&severity=purple&sort=bananas");
    const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
    await expect(summary).toContainText("Choose a region from the list");
    await expect(summary).toContainText("Choose red or amber");
    await expect(summary).toContainText("Sort by one of the table's columns");
    await expect(page).toHaveTitle(/^Error: /);
    await expect(rows(page)).toHaveCount(153);
    await expectNoSeriousAxeViolations(page);
  });

  test("works at 320 px wide without horizontal page scroll", async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto("/risk");
    await expect(rows(page)).toHaveCount(153);
    await noHorizontalScroll(page);
    await page.goto("/risk/la/330");
    await noHorizontalScroll(page);
    await page.goto("/risk/method");
    await noHorizontalScroll(page);
  });
});

test.describe("risk method and LA pages", () => {
  test("the method page shows the backtest's result, its uncertainty and the end of the single overall grade", async ({ page }) => {
    test.setTimeout(60_000);
    await page.goto("/risk/method");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("How the risk flags and score work");
    await expect(page.getByText(/^composite out-of-sample ROC AUC: 0\.\d\d \(95% CI 0\.\d\d–\d\.\d\d\)$/)).toBeVisible();
    await expect(page.getByText(/From April 2026 Ofsted removed the single overall effectiveness grade/)).toBeVisible();
    await expect(page.getByRole("table", { name: /How well each method picked out inspections judged Inadequate overall/ })).toBeVisible();
    await expect(page.getByRole("table", { name: /Inadequate for leadership or for help and protection/ }).first()).toBeVisible();
    await expectNoSeriousAxeViolations(page);
  });

  test("an LA page explains a suppressed figure instead of using it", async ({ page }) => {
    await page.goto("/risk/la/330");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Birmingham");
    await expect(page.getByText(/Agency rate, 30 September 2024: no figure \(u: low reliability\)/)).toBeVisible();
    await expect(page.getByRole("link", { name: /All of Birmingham's published figures/ })).toHaveAttribute("href", "/la/330");
  });

  test("a former authority says it is not assessed, an ONS code redirects and an unknown code is a 404", async ({ page }) => {
    await page.goto("/risk/la/E10000006");
    await expect(page).toHaveURL(/\/risk\/la\/909$/);
    await expect(page.getByText(/worked out for current local authorities only/)).toBeVisible();
    const response = await page.goto("/risk/la/999");
    expect(response?.status()).toBe(404);
  });
});
