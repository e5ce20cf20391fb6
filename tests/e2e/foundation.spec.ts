import { expect, test } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./axe";

test.describe("list of local authorities", () => {
  test("lists all 153 current local authorities", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Local authority children's services");
    const rows = page.locator("table tbody tr");
    await expect(rows).toHaveCount(153);
    await expect(page.getByRole("status")).toContainText("Showing 153");
    await expectNoSeriousAxeViolations(page);
  });

  test("search finds Kingston upon Hull, and the filter is in the URL", async ({ page }) => {
    await page.goto("/");
    await page.getByLabel("Search by name").fill("Kingston upon Hull");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/q=Kingston\+upon\+Hull/);
    const rows = page.locator("table tbody tr");
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText("Kingston upon Hull, City of");
  });

  test("search forgives punctuation and common forms, and finds codes", async ({ page }) => {
    const cases: [query: string, expected: string][] = [
      ["St Helens", "St. Helens"],
      ["saint helens", "St. Helens"],
      ["Brighton & Hove", "Brighton and Hove"],
      ["342", "St. Helens"],
      ["e08000013", "St. Helens"],
    ];
    for (const [query, expected] of cases) {
      await page.goto(`/?q=${encodeURIComponent(query)}`);
      const rows = page.locator("table tbody tr");
      await expect(rows, query).toHaveCount(1);
      await expect(rows.first(), query).toContainText(expected);
    }
  });

  test("filters by region and judgement", async ({ page }) => {
    await page.goto("/?region=E12000001&judgement=INADEQUATE");
    const rows = page.locator("table tbody tr");
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText("South Tyneside");
    await expect(rows.first()).toContainText("Inadequate");
  });

  test("a bad filter value gets a clear error, not a crash", async ({ page }) => {
    await page.goto("/?region=nowhere&judgement=AMAZING");
    const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
    await expect(summary).toContainText("Choose a region from the list");
    await expect(summary).toContainText("Choose an Ofsted judgement from the list");
    await expect(page).toHaveTitle(/^Error: /);
    await expect(page.locator("table tbody tr")).toHaveCount(153);
    await expectNoSeriousAxeViolations(page);
  });
});

test.describe("local authority page", () => {
  test("shows real published numbers beside England and the region", async ({ page }) => {
    await page.goto("/la/330");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Birmingham");
    // the workforce figures are in the leadership and workforce area, their table twin folded under the cards
    const area = page.locator("section#leadership-and-workforce");
    await area.getByText("Show these figures as a table").click();
    const table = area.getByRole("table", { name: /latest published figures for Birmingham/ });
    const turnover = table.getByRole("row", { name: /Social worker turnover rate/ });
    // csww 2025 (the latest release): Birmingham turnover 8.5, England 11.8, West Midlands 11.5 (published
    // figures); the previous year's 12.9 is shown beside it; the unit is said
    await expect(turnover).toContainText("8.5");
    await expect(turnover).toContainText("11.8");
    await expect(turnover).toContainText("11.5");
    await expect(turnover).toContainText("12.9");
    await expect(turnover).toContainText("per cent");
    await expectNoSeriousAxeViolations(page);
  });

  test("explains a suppressed value instead of showing 0", async ({ page }) => {
    await page.goto("/la/330");
    const area = page.locator("section#leadership-and-workforce");
    await area.getByText("Show these figures as a table").click();
    const agency = area.getByRole("table", { name: /latest published figures/ }).getByRole("row", { name: /Agency social worker rate/ });
    await expect(agency.locator("[data-marker=u]").first()).toBeVisible();
    await expect(agency).toContainText("Low reliability");
    await expect(agency).not.toContainText(/\b0%/);
  });

  test("shows the Ofsted judgement history", async ({ page }) => {
    await page.goto("/la/330");
    const history = page.getByRole("table", { name: /ILACS graded inspections of Birmingham/ });
    await expect(history.locator("tbody tr")).toHaveCount(2);
    await expect(history).toContainText("20 February 2023");
  });

  test("a joint workforce return is explained", async ({ page }) => {
    await page.goto("/la/318");
    await expect(page.getByText(/returned jointly by/)).toContainText("Kingston upon Thames");
  });

  test("a former authority links to its successors, and an ONS code redirects", async ({ page }) => {
    await page.goto("/la/E10000006");
    await expect(page).toHaveURL(/\/la\/909$/);
    await expect(page.getByText("Cumbria no longer exists")).toBeVisible();
    await expect(page.getByRole("link", { name: "Cumberland" })).toBeVisible();
    await expectNoSeriousAxeViolations(page);
  });

  test("an unknown code is a 404 page", async ({ page }) => {
    for (const code of ["999", "nonsense", "E99999999"]) {
      const response = await page.goto(`/la/${code}`);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
    }
    await expectNoSeriousAxeViolations(page);
  });

  test("works at 320 px wide without horizontal page scroll", async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto("/la/330");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

test("about the data explains the markers", async ({ page }) => {
  await page.goto("/about/data");
  await expect(page.locator("#symbols")).toBeVisible();
  await expectNoSeriousAxeViolations(page);
});
