// The board pack (/la/[code]/plan/report, decision 0028) in Chromium: what it holds on screen and on
// paper (page.pdf(), text read back with unpdf), its date input, who may open it, its CSV (real
// last-updated days and progress notes), and axe. Liverpool's (341) demo plan: no other spec edits its
// actions or notes (plan.spec's "Close plan" test closes and reopens the plan, which changes only its
// status tag), so what is printed and its length are stable.
import { expect, test, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { extractText, getDocumentProxy } from "unpdf";
import { expectNoSeriousAxeViolations } from "./axe";
import { fillDate } from "./date-input";
import { signIn } from "./sign-in";

const PACK = "/la/341/plan/report";

async function printedPages(page: Page): Promise<string[]> {
  const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true, printBackground: true });
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: false });
  // the PDF's text breaks lines where the page does: join them so phrases can be found
  return text.map((t) => t.replace(/\s+/g, " "));
}

test("analyst: the board pack on screen and printed on A4 — indicators by area, Ofsted, flags, plan; no site chrome", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "demo.analyst@example.com", PACK);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Liverpool: board pack");
  const areas = ["Help and protection", "Children in care", "Care leavers", "Leadership and workforce"];
  for (const area of areas) await expect(page.getByRole("heading", { level: 2, name: area, exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Ofsted inspections" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Risk flags" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: /^Improvement plan: DEMO improvement plan/ })).toBeVisible();
  // comparators beside each figure: England, the region, the neighbours
  const workforce = page.getByRole("table", { name: /^Leadership and workforce:/ });
  await expect(workforce.getByRole("columnheader")).toHaveText([
    "Indicator",
    "Liverpool",
    "Change",
    "England",
    "North West",
    "Neighbours' median (computed)",
    "Trend",
  ]);
  const agencyRow = workforce.getByRole("row", { name: /Agency social worker rate/ });
  await expect(agencyRow.locator("svg")).toHaveCount(1); // the sparkline, drawn on the server
  await expect(agencyRow).toContainText(/percentage points \((better|worse)\) since 30 Sep \d{4}/);
  const agencyFigure = (await agencyRow.locator("td").first().innerText()).trim();
  const latestJudgement = (
    await page
      .getByRole("table", { name: /^Graded inspections of Liverpool/ })
      .locator("tbody tr")
      .first()
      .innerText()
  )
    .split("\t")
    .map((s) => s.trim());
  await expectNoSeriousAxeViolations(page);

  const pages = await printedPages(page);
  const all = pages.join("\n");
  // one page at least for each of the areas, the inspections, the flags and the plan (each starts a page);
  // at most a few more for the plan's six actions and long tables (measured 9, A4 landscape, on 7 Dec 2026)
  expect(pages.length).toBeGreaterThanOrEqual(areas.length + 3);
  expect(pages.length).toBeLessThanOrEqual(16);
  expect(all).toContain("Liverpool: board pack");
  expect(all.match(/Liverpool: board pack/g)).toHaveLength(1); // no doubled heading
  for (const area of areas) expect(all).toContain(area);
  expect(all).toContain("Agency social worker rate (FTE)");
  expect(all).toContain(agencyFigure);
  expect(all).toContain("Ofsted inspections");
  for (const cell of latestJudgement) expect(all).toContain(cell);
  expect(all).toContain("Risk flags");
  expect(all).toContain("Convert agency social worker posts to permanent ones");
  expect(all).toContain("Recruitment campaign launched; four offers accepted.");
  // none of the site's chrome, the form or the page's own links
  for (const chrome of [
    "Skip to main content",
    "Sign out",
    "Signed in as",
    "This is a new service",
    "Back to the plan",
    "Show the board pack",
    "Download the plan",
    "Sections of the board pack",
    "Accessibility statement",
  ])
    expect(all, chrome).not.toContain(chrome);
  // each area begins a page
  for (const area of areas.slice(1))
    expect(
      pages.some((p) => p.trimStart().startsWith(area)),
      area,
    ).toBe(true);
});

test("the date: figures as published before it; a wrong date is reported and today used", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, "demo.analyst@example.com", PACK);
  await fillDate(page, "Date of the board pack", "2024-02-01");
  await page.getByRole("button", { name: "Show the board pack" }).click();
  await expect(page).toHaveURL(/date-day=1&date-month=2&date-year=2024/);
  await expect(page.getByText("As at 1 February 2024: figures and Ofsted judgements published before then.")).toBeVisible();
  // workforce at 30 September 2023 was published at the end of February 2024: not yet
  const agencyRow = page.getByRole("table", { name: /^Leadership and workforce:/ }).getByRole("row", { name: /Agency social worker rate/ });
  await expect(agencyRow).toContainText("30 Sep 2022");
  await expect(page.getByText(/Assessed as at 1 February 2024/)).toBeVisible();

  await fillDate(page, "Date of the board pack", "2025-02-31");
  await page.getByRole("button", { name: "Show the board pack" }).click();
  const summary = page.locator(".govuk-error-summary");
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link", { name: "The date of the board pack must be a real date" })).toHaveAttribute("href", "#date");
  await expect(page.getByLabel("Day")).toHaveValue("31");
  await expectNoSeriousAxeViolations(page);
});

test("who may open it: the plan's people; nobody signed out; not another LA's director", async ({ page }) => {
  test.setTimeout(90_000);
  const signedOut = await page.request.get(PACK, { maxRedirects: 0 });
  expect([302, 303, 307]).toContain(signedOut.status());
  expect(signedOut.headers().location).toContain("/sign-in");
  await signIn(page, "demo.dcs@example.com", "/la/393/plan/report");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("South Tyneside: board pack");
  await expect(page.getByRole("heading", { level: 2, name: "Risk flags" })).toBeVisible(); // their own LA's flags
  const other = await page.request.get(PACK);
  expect(other.status()).toBe(403);
  expect(await other.text()).not.toContain("Liverpool: board pack");
});

test("its CSV: each action's real last-updated day and its progress notes", async ({ page }) => {
  test.setTimeout(60_000);
  await signIn(page, "demo.analyst@example.com", PACK);
  const response = await page.request.get(`${PACK}/csv`);
  expect(response.status()).toBe(200);
  const downloadDay = /improvement-plan-341-(\d{4}-\d{2}-\d{2})/.exec(response.headers()["content-disposition"] ?? "")?.[1];
  expect(downloadDay).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  const rows: Record<string, string>[] = parse((await response.text()).replace(/^\uFEFF/, ""), { columns: true });
  expect(rows).toHaveLength(6);
  for (const row of rows) {
    // seeded actions were last changed by their latest note (days ago) or when they started — never the day of the download
    expect(row["Last updated"], row.Action).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(row["Last updated"], row.Action).not.toBe(downloadDay);
    if (row["Latest progress note date"]) expect(row["Last updated"]).toBe(row["Latest progress note date"]);
  }
  const retention = rows.find((r) => r.Action === "Monthly supervision audit with feedback to practitioners")!;
  expect(retention["Latest progress note"]).toBe("Three consecutive months above 95%. Closing.");
  expect(retention["Progress notes (newest first)"]).toMatch(
    /^\d{4}-\d{2}-\d{2} Demo team manager: Three consecutive months above 95%\. Closing\.\n\d{4}-\d{2}-\d{2} Demo team manager: Audit tool agreed with team managers\.$/,
  );
});
