// The DCS dashboard at /la/[code]: cards, URL-held view, charts with table twins and CSV downloads,
// Ofsted panel, statistical neighbours, bad URL values, 320 px and axe.
import { expect, test } from "@playwright/test";
import { spreadsheetText } from "../../lib/core/csv";
import { expectNoSeriousAxeViolations } from "./axe";
import { collectProblems, expectOnceOutsidePayload } from "./islands";
import { submitSignIn } from "./sign-in";
import { download, tableRows } from "./tables";

test.describe("LA dashboard", () => {
  // axe over a page with a 150-row table twin and a 150-bar chart is slow on a busy 2-core machine
  test.describe.configure({ timeout: 60_000 });

  test("headline cards show published figures, change, comparators, rank and quartile", async ({ page }) => {
    await page.goto("/la/330");
    // one card per headline indicator of the catalogue (17 since the children in care, care leaver and outcomes series), in their areas
    const cards = page.locator("section[data-area] li[data-indicator]");
    await expect(cards).toHaveCount(17);
    // 2025, csww_indicators_2017_to_2025.csv: Birmingham 8.5, England 11.8, West Midlands 11.5; 27 of 148 LA rows
    // lower and one other equal (tests/integration/dashboard.test.ts works it out)
    const turnover = page.locator("[data-indicator=turnover_rate_fte]");
    await expect(turnover.getByTestId("card-value")).toHaveText("8.5%");
    await expect(turnover).toContainText("30 Sep 2025");
    await expect(turnover).toContainText("11.8%"); // England
    await expect(turnover).toContainText("11.5%"); // West Midlands
    await expect(turnover.getByTestId("card-rank")).toContainText("joint 28th of 148");
    await expect(turnover.getByTestId("card-quartile")).toHaveText("Best 25% of authorities");
    await expectNoSeriousAxeViolations(page);
    // a latest figure published as a marker: Kensington and Chelsea's 2025 agency rate is x
    await page.goto("/la/207");
    const agency = page.locator("[data-indicator=agency_rate_fte]");
    await expect(agency).toContainText("Not available");
    await expect(agency.getByTestId("card-rank")).toHaveText("Not ranked");
  });

  test("the published parts are in the page once, not again in the hydration payload, and stay after hydration", async ({ page }) => {
    const problems = collectProblems(page);
    const response = await page.goto("/la/330");
    // Text from the Ofsted, neighbours and definitions parts: once in the markup, and not in the
    // React Server Components payload (the self.__next_f.push scripts), which carries only tokens.
    expectOnceOutsidePayload(await response!.text(), [
      "ILACS graded inspections of Birmingham",
      "Statistical neighbours of Birmingham",
      "What the measures mean",
    ]);
    // After hydration (the interactive comparison chart drawn in place of the server's), every part is still there.
    await page.locator("#compare-heading").scrollIntoViewIfNeeded();
    await expect(page.locator('[data-testid="comparison-chart"]:not([data-drawn="server"])')).toBeVisible({ timeout: 20_000 });
    await expect(page.locator("section[data-area] li[data-indicator]")).toHaveCount(17);
    await expect(page.locator("#ofsted")).toContainText("ILACS graded inspections of Birmingham");
    await expect(page.locator("#neighbours table")).toHaveCount(1);
    await expect(page.locator("#definitions details").first()).toBeAttached();
    await expect(page.locator("#authority-head h1")).toHaveText(/Birmingham/);
    // the details still open (plain HTML), and React logged no hydration mismatch
    await page.locator("#help-and-protection-table summary").click();
    await expect(page.getByTestId("help-and-protection-table")).toBeVisible();
    expect(problems).toEqual([]);
  });

  test("after signing in, the dashboard the browser navigates to has every published part, without loading the page again", async ({
    page,
  }) => {
    const problems = collectProblems(page);
    await page.goto("/sign-in");
    // marks this document: a full load (a reload) would lose it
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    await submitSignIn(page, "demo.dcs@example.com");
    // the sign-in action redirects to the DCS's LA: a navigation in the browser, its parts in the payload
    await expect(page).toHaveURL(/\/la\/393$/, { timeout: 20_000 });
    await expect(page.locator("section[data-area] li[data-indicator]")).toHaveCount(17);
    await expect(page.locator("#ofsted")).toContainText("ILACS graded inspections of");
    await expect(page.locator("#definitions details").first()).toBeAttached();
    await expect(page.getByTestId("risk-position")).toBeVisible();
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    expect(problems).toEqual([]);
  });

  test("switching indicator and comparator puts the view in the URL, and a reload restores it", async ({ page }) => {
    await page.goto("/la/330");
    await page.getByLabel("Indicator", { exact: true }).selectOption("turnover_rate_fte");
    await page.getByLabel("Compare with neighbours'").selectOption("mean");
    await page.getByRole("button", { name: "Update charts" }).click();
    await expect(page).toHaveURL(/indicator=turnover_rate_fte/);
    await expect(page).toHaveURL(/comparator=mean/);
    await page.reload();
    await expect(page.getByLabel("Indicator", { exact: true })).toHaveValue("turnover_rate_fte");
    await expect(page.getByLabel("Compare with neighbours'")).toHaveValue("mean");
    await expect(page.getByRole("heading", { name: "Social worker turnover rate (FTE) over time" })).toBeVisible();
  });

  test("the trend chart's table twin equals its CSV download, markers kept as letters", async ({ page }) => {
    await page.goto("/la/330?indicator=turnover_rate_fte&comparator=mean");
    await page.getByText("Show the data for this chart as a table").first().click();
    const rows = await tableRows(page.getByTestId("trend-table").getByRole("table"));
    const csv = await download(page, page.locator("#charts").getByRole("link", { name: "Download this data (CSV)" }).first());
    expect(csv[0]).toEqual([
      "Period",
      "Birmingham",
      "England",
      "West Midlands",
      "Statistical neighbours mean (computed)",
      "Neighbours counted",
      "Notes",
    ]);
    expect(csv.slice(1)).toEqual(rows);
    // 2024: published 12.9 / 13.9 (England, as revised by the 2025 release) / 11.9; neighbours' mean 10.59 → 10.6 (hand-computed)
    expect(csv.find((r) => r[0] === "2024")).toEqual([
      "2024",
      "12.9",
      "13.9",
      "11.9",
      "10.6",
      "10 of 10",
      "England: revised in the 2025 release (csww_indicators_2017_to_2025.csv) from 13.8% to 13.9%",
    ]);

    await page.goto("/la/330");
    const agencyCsv = await download(page, page.locator("#charts").getByRole("link", { name: "Download this data (CSV)" }).first());
    expect(agencyCsv.find((r) => r[0] === "2024")?.[1]).toBe("u");
  });

  test("the all-authority chart: joint return once, Isles of Scilly off-scale, table equals CSV", async ({ page }) => {
    await page.goto("/la/318?year=2024");
    const section = page.locator("section[aria-labelledby=compare-heading]");
    await expect(section.locator("figcaption")).toContainText("Isles of Scilly (100) is far beyond the others");
    await section.getByText("Show the data for this chart as a table").click();
    const rows = await tableRows(page.getByTestId("compare-table").getByRole("table"));
    const csv = await download(page, section.getByRole("link", { name: "Download this data (CSV)" }));
    // Same cells; a tied rank "=1" carries the CSV writer's apostrophe so a spreadsheet shows it as text.
    expect(csv.slice(1)).toEqual(rows.map((r) => r.map(spreadsheetText)));
    const joint = csv.filter((r) => r[2]?.includes("318"));
    expect(joint).toHaveLength(1);
    expect(joint[0]?.slice(1, 4)).toEqual(["Kingston upon Thames / Richmond upon Thames", "314 / 318", "19"]);
    expect(csv.find((r) => r[1] === "Isles of Scilly")?.[3]).toBe("100");
  });

  test("charts load, are labelled, and can be read with the keyboard", async ({ page }) => {
    await page.goto("/la/330?indicator=turnover_rate_fte");
    await page.locator("section[aria-labelledby=trend-heading] figure").scrollIntoViewIfNeeded();
    const chart = page.getByTestId("trend-chart").locator("svg[role=application]").first();
    await expect(chart).toBeVisible();
    await expect(chart.locator("title")).toContainText("Social worker turnover rate (FTE)");
    await chart.focus();
    await page.keyboard.press("ArrowRight");
    await expect(page.getByTestId("trend-chart").getByRole("status")).toContainText("Birmingham");
    await page.locator("section[aria-labelledby=compare-heading] figure").scrollIntoViewIfNeeded();
    await expect(page.getByTestId("comparison-chart").locator("svg[role=application]").first()).toBeVisible();
    await expectNoSeriousAxeViolations(page);
  });

  test("without JavaScript, and in print, both charts are drawn (server SVG), never 'Loading chart…'", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/la/330?indicator=turnover_rate_fte");
    for (const id of ["trend-chart", "comparison-chart"]) {
      const svg = page.locator(`svg[data-testid=${id}][data-drawn=server]`);
      await expect(svg).toBeVisible();
      await expect(svg.locator("title").first()).toContainText("Social worker turnover rate (FTE)");
    }
    await expect(page.locator("svg[data-testid=trend-chart] circle").first()).toBeAttached();
    await expect(page.getByText("Loading chart…")).toHaveCount(0);
    await context.close(); // (axe needs JavaScript: the page with it is scanned below and in the other tests)

    // printed with JavaScript on, before any chart has been scrolled to: the server's SVGs print
    const printContext = await browser.newContext();
    const printed = await printContext.newPage();
    await printed.goto("/la/330");
    await printed.emulateMedia({ media: "print" });
    await expect(printed.locator("svg[data-testid=comparison-chart]")).toBeVisible();
    await expect(printed.getByText("Loading chart…")).toHaveCount(0);
    await expectNoSeriousAxeViolations(printed);
    const pdf = await printed.pdf({ format: "A4" });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    await printContext.close();
  });

  test("Ofsted panel: latest, sub-judgements, previous judgement and direction of travel", async ({ page }) => {
    await page.goto("/la/330");
    const ofsted = page.locator("#ofsted");
    await expect(ofsted).toContainText("Impact of leaders on social work practice");
    await expect(ofsted).toContainText("Care leavers");
    await expect(ofsted.getByTestId("direction-of-travel")).toContainText("Improved");
    await expect(ofsted.getByRole("table", { name: /ILACS graded inspections of Birmingham/ }).locator("tbody tr")).toHaveCount(2);
  });

  test("statistical neighbours: Cumbria shown honestly, Cumberland's list explained", async ({ page }) => {
    // 2024 figures are compared with the April 2021 grouping, which lists Cumbria (2025's, May 2025, does not)
    await page.goto("/la/940?year=2024");
    const panel = page.locator("#neighbours");
    await expect(panel.getByRole("row", { name: /Cumbria/ })).toContainText("abolished 31 March 2023; no figures after workforce 2022");
    await page.goto("/la/942?year=2024");
    await expect(page.locator("#neighbours")).toContainText("These are the neighbours of Cumbria");
    await expect(page.locator("#neighbours tbody tr")).toHaveCount(10);
    await expectNoSeriousAxeViolations(page);
  });

  test("bad view values get a GOV.UK error summary, not a crash", async ({ page }) => {
    const response = await page.goto("/la/330?indicator=nonsense&comparator=max&year=1066");
    expect(response?.status()).toBe(200);
    const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
    await expect(summary).toContainText("Choose an indicator from the list");
    await expect(summary).toContainText("Choose the median or the mean");
    await expect(summary).toContainText("Choose a year");
    await expect(page).toHaveTitle(/^Error: /);
    await expectNoSeriousAxeViolations(page);
    const csv = await page.request.get("/la/330/csv/trend?indicator=nonsense");
    expect(csv.status()).toBe(400);
  });

  test("works at 320 px with the charts loaded; the page's first JavaScript is at most 150 kB gzip", async ({ page }) => {
    const js = new Map<string, number>();
    page.on("requestfinished", async (request) => {
      if (request.resourceType() !== "script") return;
      js.set(new URL(request.url()).pathname, (await request.sizes()).responseBodySize);
    });
    await page.setViewportSize({ width: 320, height: 800 });
    const response = await page.goto("/la/330");
    // first-load JavaScript = the scripts the server's HTML names; recharts arrives later, on demand
    const html = (await response?.text()) ?? "";
    const initialPaths = new Set(
      [...html.matchAll(/<script([^>]+)>/g)]
        .map((m) => m[1]!)
        .filter((attrs) => !/nomodule/i.test(attrs)) // the legacy polyfill file is never loaded by this browser
        .flatMap((attrs) => [...attrs.matchAll(/src="([^"]+)"/g)].map((m) => new URL(m[1]!, "http://x").pathname)),
    );
    await page.locator("section[aria-labelledby=trend-heading] figure").scrollIntoViewIfNeeded();
    await expect(page.getByTestId("trend-chart").locator("svg").first()).toBeVisible();
    await page.locator("section[aria-labelledby=compare-heading] figure").scrollIntoViewIfNeeded();
    await expect(page.getByTestId("comparison-chart").locator("svg").first()).toBeVisible();
    await page.waitForLoadState("networkidle");
    const sum = (paths: Iterable<string>) => [...paths].reduce((n, p) => n + (js.get(p) ?? 0), 0);
    const initial = sum(initialPaths);
    const total = sum(js.keys());
    console.log(
      `client JS on /la/330, gzip on the wire: first load ${(initial / 1024).toFixed(1)} kB (${initialPaths.size} files); after the charts load ${(total / 1024).toFixed(1)} kB (${js.size} files)`,
    );
    expect([...initialPaths].every((p) => js.has(p))).toBe(true);
    expect(initial).toBeLessThanOrEqual(150 * 1024);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

test.describe("LA dashboard: statistical neighbour groupings, without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test.describe.configure({ timeout: 60_000 });

  test("the grouping in force is shown with each neighbour's band; a plain link or the form switches it; a bad value is refused", async ({
    page,
  }) => {
    await page.goto("/la/942");
    const panel = page.locator("#neighbours");
    // workforce at 30 September 2025 (the latest, shown by default) was published in February 2026: May 2025
    await expect(panel.getByTestId("neighbour-grouping")).toContainText("DfE's May 2025 grouping: the one in force");
    await expect(panel).not.toContainText("These are the neighbours of Cumbria");
    await expect(page.locator("[data-indicator=agency_rate_fte]").getByTestId("card-grouping")).toHaveText("May 2025 grouping");
    // at 30 September 2024 it was published in February 2025, before the May 2025 grouping
    await page.goto("/la/942?year=2024");
    await expect(panel.getByTestId("neighbour-grouping")).toContainText("DfE's April 2021 grouping: the one in force");
    await expect(panel).toContainText("These are the neighbours of Cumbria");
    await expect(page.locator("[data-indicator=agency_rate_fte]").getByTestId("card-grouping")).toHaveText("May 2025 grouping"); // the card shows 2025

    await panel.getByRole("link", { name: "May 2025 grouping" }).click();
    await expect(page).toHaveURL(/\/la\/942\?year=2024&grouping=2025-05#neighbours$/);
    await expect(panel.getByTestId("neighbour-grouping")).toHaveText("DfE's May 2025 grouping, as you chose.");
    await expect(panel).not.toContainText("These are the neighbours of Cumbria");
    const first = panel.locator("tbody tr").first();
    await expect(first).toContainText("Westmorland and Furness");
    await expect(first).toContainText("Very close");
    await expect(page.getByLabel("Statistical neighbour grouping", { exact: true })).toHaveValue("2025-05");
    await expect(page.getByTestId("trend-groupings")).toContainText("DfE's May 2025 grouping for 2017 to 2025 (your choice)");

    await page.getByLabel("Statistical neighbour grouping", { exact: true }).selectOption("by-period");
    await page.getByRole("button", { name: "Update charts" }).click();
    await expect(page).toHaveURL(/grouping=by-period/);
    await expect(panel).toContainText("These are the neighbours of Cumbria");

    const response = await page.goto("/la/942?grouping=1999-01");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText(
      "Choose a statistical neighbour grouping from the list",
    );
    expect((await page.request.get("/la/942/csv/trend?grouping=1999-01")).status()).toBe(400);
  });
});

test.describe("LA dashboard: statistical neighbour groupings", () => {
  test.describe.configure({ timeout: 60_000 });

  // axe runs scripts in the page, so this check is made with JavaScript on
  test("a chosen grouping and its error summary pass axe", async ({ page }) => {
    await page.goto("/la/942?grouping=2025-05");
    await expect(page.locator("#neighbours").getByTestId("neighbour-grouping")).toHaveText("DfE's May 2025 grouping, as you chose.");
    await expectNoSeriousAxeViolations(page);
    await page.goto("/la/942?grouping=1999-01");
    await expectNoSeriousAxeViolations(page);
  });
});
