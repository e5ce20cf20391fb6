// Risk flags in the browser. Flags, scores and the ranking are not public (issue 14): the national
// ranking is the DfE analysts' inbox (its filters, sorts and CSV are tested in triage.spec.ts); a
// DCS or team manager sees their own LA's flags on its dashboard and on its risk page, and nobody
// else's; anyone signed out sees published statistics only. The method page stays public.
import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./axe";
import { signIn } from "./sign-in";

const ANALYST = "demo.analyst@example.com";
const DCS_393 = "demo.dcs@example.com";

async function noHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

const flagsSection = (page: Page) => page.locator("section[aria-labelledby='risk-heading']");

test.describe("who sees risk flags", () => {
  test("signed out: the ranking, an LA's risk page and the CSV send you to sign in; dashboards show no flags", async ({
    page,
    request,
  }) => {
    for (const path of ["/risk", "/risk?region=E12000001", "/risk/la/330", "/risk/csv"]) {
      const res = await request.get(path, { maxRedirects: 0, failOnStatusCode: false });
      expect(res.status(), path).toBeGreaterThanOrEqual(300);
      expect(res.status(), path).toBeLessThan(400);
      expect(res.headers()["location"], path).toMatch(/^\/sign-in\?returnTo=/);
      expect(await res.text(), path).not.toMatch(/Birmingham|risk score/i);
    }
    await page.goto("/la/330");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Birmingham");
    await expect(flagsSection(page)).toHaveCount(0);
    await expect(page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Risk flags" })).toHaveCount(0);
    // the method is a description, not a ranking: still public
    expect((await request.get("/risk/method")).status()).toBe(200);
  });

  test("a DCS sees their own LA's flags, and is refused everyone else's and the ranking", async ({ page }) => {
    test.setTimeout(90_000);
    await signIn(page, DCS_393, "/la/393");
    await expect(flagsSection(page)).toHaveCount(1);
    await expect(flagsSection(page).getByRole("link", { name: "Risk flags for all local authorities" })).toHaveCount(0);
    await page.goto("/la/330");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Birmingham");
    await expect(flagsSection(page)).toHaveCount(0);
    for (const path of ["/risk", "/risk/la/330", "/risk/csv"]) {
      const response = await page.request.get(path, { maxRedirects: 0, failOnStatusCode: false });
      expect(response.status(), path).toBe(403);
      expect(await response.text(), path).not.toMatch(/risk score/i);
    }
    const own = await page.goto("/risk/la/393");
    expect(own?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("South Tyneside");
    await expectNoSeriousAxeViolations(page);
  });

  test("a DfE analyst sees every LA's flags", async ({ page }) => {
    await signIn(page, ANALYST, "/la/330");
    await expect(flagsSection(page)).toHaveCount(1);
    await expect(flagsSection(page).getByRole("link", { name: "Risk flags for all local authorities" })).toHaveCount(1);
  });
});

test.describe("risk method and LA pages", () => {
  test("the method page shows the held-out result, its uncertainty, the sub-judgement outcomes and what a flag is not", async ({
    page,
  }) => {
    test.setTimeout(60_000);
    await page.goto("/risk/method");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("How the risk flags and score work");
    await expect(
      page.getByText(
        /^held-out ROC AUC \(Inadequate in any sub-judgement, inspections from 2023\): \d\.\d\d \(95% CI \d\.\d\d–\d\.\d\d\)$/,
      ),
    ).toBeVisible();
    await expect(page.getByText(/From April 2026 Ofsted gives no single overall grade/)).toBeVisible();
    await expect(page.getByRole("heading", { name: "What a flag is not" })).toBeVisible();
    await expect(
      page.getByRole("table", { name: /^Held-out: how well each method picked out inspections judged Inadequate in any sub-judgement/ }),
    ).toBeVisible();
    await expect(page.getByRole("table", { name: /^Development: how well each method/ })).toBeVisible();
    await expect(page.getByRole("table", { name: /^Calibration on the held-out inspections/ })).toBeVisible();
    await expect(page.getByRole("table", { name: /^Inputs of the score/ })).toBeVisible();
    // the post-hoc variant (decision 0030): beside the headline, labelled as designed after it was seen
    await expect(page.getByRole("heading", { name: "A variant designed after the held-out result was seen (post-hoc)" })).toBeVisible();
    await expect(
      page.getByText(
        /^POST-HOC variant \(decision 0030, designed after the held-out result was seen\), held-out ROC AUC \(Inadequate in any sub-judgement, inspections from 2023\): \d\.\d\d \(95% CI \d\.\d\d–\d\.\d\d\)$/,
      ),
    ).toBeVisible();
    await expect(
      page.getByRole("table", {
        name: /^Held-out, post-hoc: how well each method picked out inspections judged Inadequate in any sub-judgement, pre-registered score beside/,
      }),
    ).toBeVisible();
    await expectNoSeriousAxeViolations(page);
  });

  test("an LA's card gives its rank (joint where tied), points by area and which figures would lower its score", async ({ page }) => {
    await signIn(page, ANALYST, "/risk/la/330");
    const card = flagsSection(page);
    await expect(card.getByText(/points — (the highest|(joint )?\d+(st|nd|rd|th)) of \d+ local authorities/)).toBeVisible();
    await expect(card.getByText("Points by area")).toBeVisible();
    await expectNoSeriousAxeViolations(page);
  });

  test("an LA page explains a suppressed figure instead of using it", async ({ page }) => {
    // csww 2025 (the latest release): Kensington and Chelsea's agency rate is published as "x"
    await signIn(page, ANALYST, "/risk/la/207");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kensington and Chelsea");
    await expect(page.getByText(/Agency rate, 30 September 2025: no figure \(x: not available\)/).first()).toBeVisible();
    await expect(page.getByRole("link", { name: /All of Kensington and Chelsea's published figures/ })).toHaveAttribute("href", "/la/207");
  });

  test("a former authority says it is not assessed, an ONS code redirects and an unknown code is a 404", async ({ page }) => {
    await signIn(page, ANALYST, "/risk");
    await page.goto("/risk/la/E10000006");
    await expect(page).toHaveURL(/\/risk\/la\/909$/);
    await expect(page.getByText(/worked out for current local authorities only/)).toBeVisible();
    const response = await page.goto("/risk/la/999");
    expect(response?.status()).toBe(404);
  });
});

test("risk pages work at 320 px wide without horizontal page scroll", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await signIn(page, ANALYST, "/risk/la/330");
  await noHorizontalScroll(page);
  await page.goto("/risk/method");
  await noHorizontalScroll(page);
});

test("the national charts are drawn on the server: without JavaScript and in print, each is an image with its title", async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, ANALYST, "/risk");
  for (const [id, title] of [
    ["scatter-chart", /^Agency rate and caseload/],
    ["score-chart", /^How risk scores are spread$/],
    ["regions-chart", /^Flags by region$/],
  ] as const) {
    const svg = page.locator(`svg[data-testid=${id}][data-drawn=server]`);
    await expect(svg).toBeVisible();
    await expect(svg.locator("title").first()).toHaveText(title);
  }
  // one marker per workforce return in the scatter (its table twin lists the same returns)
  const markers = await page.locator("svg[data-testid=scatter-chart] g[data-judgement] path").count();
  expect(markers).toBeGreaterThan(140);
  expect(markers).toBe(await page.locator("#scatter-twin-caption").locator("xpath=..").locator("tbody tr").count());
  await expect(page.getByText("Loading chart…")).toHaveCount(0);
  await context.close();

  // printed with JavaScript on, before any chart is scrolled to: the server's drawings print, and each chart's box takes keyboard focus
  const printContext = await browser.newContext();
  const printed = await printContext.newPage();
  await signIn(printed, ANALYST, "/risk");
  await printed.emulateMedia({ media: "print" });
  await expect(printed.locator("svg[data-testid=regions-chart]")).toBeVisible();
  await expect(printed.getByText("Loading chart…")).toHaveCount(0);
  await expect(printed.getByRole("region", { name: /^Scatter chart: agency social worker rate/ })).toHaveAttribute("tabindex", "0");
  await printContext.close();
});
