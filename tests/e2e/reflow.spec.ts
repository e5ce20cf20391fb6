// WCAG 1.4.10 reflow: at 320 CSS px no main page scrolls sideways (wide tables and charts scroll
// inside their own labelled region), and the header's links collapse behind a Menu button.
import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./axe";
import { signIn } from "./sign-in";

test.use({ viewport: { width: 320, height: 720 } });

async function pageWidth(page: Page, path: string): Promise<number> {
  await page.goto(path);
  return page.evaluate(() => document.documentElement.scrollWidth);
}

test("public pages fit 320 px", async ({ page }) => {
  for (const path of ["/", "/la/330", "/about/data", "/risk/method", "/sign-in"]) {
    expect(await pageWidth(page, path), path).toBeLessThanOrEqual(320);
  }
});

test("an analyst's pages fit 320 px", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, "demo.analyst@example.com");
  for (const path of ["/risk", "/risk/la/330", "/la/393/plan"]) {
    expect(await pageWidth(page, path), path).toBeLessThanOrEqual(320);
  }
});

test("a director's pages fit 320 px, and the header menu collapses and opens", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, "demo.dcs@example.com");
  for (const path of ["/la/393", "/la/393/plan", "/la/393/plan/actions/new", "/la/393/plan/edit"]) {
    expect(await pageWidth(page, path), path).toBeLessThanOrEqual(320);
  }
  const menu = page.getByRole("button", { name: "Menu" });
  const link = page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "About the data" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(link).toBeHidden();
  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await expect(link).toBeVisible();
  await expectNoSeriousAxeViolations(page);
});

test("without JavaScript the header's links are simply listed", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 720 } });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.getByRole("button", { name: "Menu" })).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "About the data" })).toBeVisible();
  await context.close();
});

test("an administrator's pages fit 320 px", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, "demo.admin@example.com");
  for (const path of ["/admin/users", "/admin/users/new", "/admin/audit"]) {
    expect(await pageWidth(page, path), path).toBeLessThanOrEqual(320);
  }
});
