// The LA dashboard by Ofsted area and its first screen (issues 16 and 18, decision 0026): Ofsted per
// area near the top, risk only for those who may see it, each area present and axe-clean, an area's
// CSV equal to its table twin, small numbers said beside the figure, and the home list's new columns.
import { expect, test } from "@playwright/test";
import { spreadsheetText } from "../../lib/core/csv";
import { expectNoSeriousAxeViolations } from "./axe";
import { signIn } from "./sign-in";
import { download, tableRows } from "./tables";
import { CALCULATED_NOTE } from "../../lib/core/values";

const AREAS = [
  ["help-and-protection", "Help and protection"],
  ["children-in-care", "Children in care"],
  ["care-leavers", "Care leavers"],
  ["outcomes", "Outcomes"],
  ["leadership-and-workforce", "Leadership and workforce"],
] as const;

test.describe("LA dashboard by Ofsted area", () => {
  test.describe.configure({ timeout: 90_000 });
  test.use({ viewport: { width: 1280, height: 800 } });

  test("the first screen shows the latest Ofsted judgement of each area with dates, and no risk when signed out", async ({ page }) => {
    await page.goto("/la/330");
    const overview = page.locator("#overview");
    await expect(overview.getByRole("heading", { level: 2 })).toHaveText("How Birmingham is doing");
    for (const [slug] of AREAS.filter(([s]) => s !== "outcomes")) {
      const judgement = overview.getByTestId(`ofsted-${slug}`);
      await expect(judgement).toBeVisible();
      const box = await judgement.boundingBox();
      expect(box, slug).not.toBeNull();
      expect(box!.y + box!.height, `${slug} judgement within the first 1000 px`).toBeLessThanOrEqual(1000);
    }
    await expect(overview).toContainText(/Inspected \d+ \w+ \d{4}, published \d+ \w+ \d{4}/);
    await expect(overview).toContainText("Overall effectiveness");
    // the indicators moving most the wrong way: at most three, each with its change and the period before
    const movers = overview.getByTestId("wrong-direction").getByRole("listitem");
    expect(await movers.count()).toBeGreaterThan(0);
    expect(await movers.count()).toBeLessThanOrEqual(3);
    await expect(movers.first()).toContainText("since");
    // risk and plan are not public (decision 0017)
    await expect(page.getByTestId("risk-position")).toHaveCount(0);
    await expect(page.getByTestId("plan-status")).toHaveCount(0);
    await expect(page.getByText("Risk position")).toHaveCount(0);
    // identifiers are in the footer list, after the areas
    const about = page.locator("#about-authority");
    await expect(about).toContainText("E08000025");
    const aboutBox = await about.boundingBox();
    const lastArea = await page.locator("#leadership-and-workforce").boundingBox();
    expect(aboutBox!.y).toBeGreaterThan(lastArea!.y);
  });

  test("the LA's DCS sees its risk position with reasons and plan status on the first screen; not another LA's", async ({ page }) => {
    await signIn(page, "demo.dcs@example.com");
    await page.goto("/la/393");
    const risk = page.getByTestId("risk-position");
    await expect(risk).toBeVisible();
    await expect(risk).toContainText(/\d+ points, the (\d+(st|nd|rd|th) )?highest of \d+ authorities/);
    await expect(page.getByTestId("plan-status")).toContainText("actions");
    const box = await risk.boundingBox();
    expect(box!.y).toBeLessThan(1600);
    await expectNoSeriousAxeViolations(page);
    await page.goto("/la/330");
    await expect(page.locator("#overview")).toBeVisible();
    await expect(page.getByTestId("risk-position")).toHaveCount(0);
    await expect(page.getByTestId("plan-status")).toHaveCount(0);
  });

  test("each area is on the page with its indicators and Ofsted judgements over time; the page passes axe", async ({ page }) => {
    await page.goto("/la/330");
    const contents = page.getByRole("navigation", { name: "On this page" });
    for (const [slug, label] of AREAS) {
      const section = page.locator(`section#${slug}`);
      await expect(section.getByRole("heading", { level: 2, name: label })).toBeVisible();
      await expect(
        section
          .getByRole("list", { name: `${label} indicators for Birmingham` })
          .getByRole("listitem")
          .first(),
      ).toBeVisible();
      await expect(contents.getByRole("link", { name: label })).toHaveAttribute("href", `#${slug}`);
    }
    // Birmingham's two graded ILACS inspections, each with its help and protection judgement
    await expect(page.getByTestId("area-judgements-help-and-protection").locator("tbody tr")).toHaveCount(2);
    await expect(page.locator("section#outcomes")).toContainText("Ofsted does not judge outcomes on their own");
    // the charts are drawn once, in the area of the indicator they show (agency rate: leadership and workforce)
    await expect(page.locator("svg[data-testid=trend-chart]")).toHaveCount(1);
    await expect(page.locator("section#leadership-and-workforce #charts")).toHaveCount(1);
    await expectNoSeriousAxeViolations(page);
    // choosing a card moves the charts to that card's area, the view held in the URL
    await page.locator("[data-indicator=cla_at31_rate] h3 a").click();
    await expect(page).toHaveURL(/indicator=cla_at31_rate#charts$/);
    await expect(page.locator("section#children-in-care #charts")).toHaveCount(1);
    await expect(page.getByLabel("Indicator", { exact: true })).toHaveValue("cla_at31_rate");
  });

  test("an area's CSV download equals its table twin", async ({ page }) => {
    await page.goto("/la/330");
    const section = page.locator("section#children-in-care");
    await section.getByText("Show these figures as a table").click();
    const table = page.getByTestId("children-in-care-table").getByRole("table");
    const rows = await tableRows(table);
    const head = await table.locator("thead th").allTextContents();
    const csv = await download(page, section.getByRole("link", { name: "Download the children in care figures (CSV)" }));
    expect(csv[0]).toEqual(head.map((h) => h.trim()));
    expect(csv.slice(1)).toEqual(rows.map((r) => r.map(spreadsheetText)));
    expect(csv.map((r) => r[0])).toContain("Children looked after per 10,000 children (at 31 March)");
  });

  test("small numbers: the Isles of Scilly says so beside each figure; charts keep it off the scale", async ({ page }) => {
    await page.goto("/la/420");
    await expect(page.locator(".govuk-warning-text")).toContainText("rest on a handful of children");
    const tagged = page.locator("[data-indicator] [data-testid=small-numbers]");
    expect(await tagged.count()).toBeGreaterThan(0);
    await expect(tagged.first()).toContainText("Small numbers");
    await expectNoSeriousAxeViolations(page);
    // on another authority's all-LA chart the Isles of Scilly's 100% agency rate is drawn off-scale and noted
    await page.goto("/la/318?year=2024");
    const compare = page.locator("section[aria-labelledby=compare-heading]");
    await expect(compare.locator("figcaption")).toContainText("Isles of Scilly (100) is far beyond the others");
    await compare.getByText("Show the data for this chart as a table").click();
    await expect(page.getByTestId("compare-table").getByRole("row", { name: /Isles of Scilly/ })).toContainText(
      "small numbers: fewer than 5,000 children",
    );
  });
});

test.describe("the home list's lead indicator columns", () => {
  test("the list and its CSV carry children looked after, child protection plans and care leavers in EET", async ({ page }) => {
    await page.goto("/?region=E12000005");
    const table = page.getByRole("table", { name: /Latest Ofsted judgement/ });
    for (const label of ["Looked after rate", "In EET, 19–21", "CP plan rate"]) {
      await expect(table.locator("thead")).toContainText(label);
    }
    const pageRows = await tableRows(table);
    const csv = await download(page, page.getByRole("link", { name: "Download this list (CSV)" }));
    // the same authorities, in the same order, with the same figures in the indicator columns (the page adds
    // "%", thousands separators and the words "calculated by this service…", which the CSV has in its notes)
    const shown = (cell: string) => cell.replace(CALCULATED_NOTE, "").replace(/[%,]/g, "").replace(/^–$/, "");
    const columns = (await table.locator("thead th").allTextContents()).map((t) => t.trim());
    expect(csv.slice(1).map((r) => r[0])).toEqual(pageRows.map((r) => r[0]));
    expect(csv[0]!.slice(6, -1)).toEqual(columns.slice(3));
    expect(csv.slice(1).map((r) => r.slice(6, -1))).toEqual(pageRows.map((r) => r.slice(3).map(shown)));
    expect(csv[0]!.at(-1)).toBe("Notes");
  });
});
