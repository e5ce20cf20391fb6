// The long server-only parts of the home list, the plan page, the board pack and the users page are
// static islands (decision 0035): in the HTML once, not again in the React Server Components payload,
// and still there, unchanged, once React has hydrated the page.
import { expect, test } from "@playwright/test";
import { collectProblems, expectOnceOutsidePayload } from "./islands";
import { signIn } from "./sign-in";

const ACTION = "Convert agency social worker posts to permanent ones";

test("the home list's 153 rows are in the page once and stay after hydration", async ({ page }) => {
  const problems = collectProblems(page);
  const response = await page.goto("/");
  expectOnceOutsidePayload(await response!.text(), ["Kingston upon Hull, City of", "Barking and Dagenham"]);
  await expect(page.locator("#authority-list table tbody tr")).toHaveCount(153);
  // a filter is an ordinary page load: the new list is the page's own island
  await page.getByLabel("Search by name").fill("Kingston upon Hull");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.locator("#authority-list table tbody tr")).toHaveCount(1);
  expect(problems).toEqual([]);
});

test("the plan's action tables and the board pack's sections are in the page once and stay after hydration", async ({ page }) => {
  test.setTimeout(90_000);
  const problems = collectProblems(page);
  await signIn(page, "demo.analyst@example.com");
  for (const path of ["/la/393/plan", "/la/393/plan/report"]) {
    const response = await page.goto(path);
    expect(response!.status(), path).toBe(200);
    expectOnceOutsidePayload(await response!.text(), [ACTION]);
  }
  // after hydration the board pack still has every section (its date form is React)
  await expect(page.getByRole("heading", { level: 2, name: "Ofsted inspections" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: /^Improvement plan: / })).toBeVisible();
  await expect(page.locator("#board-pack-sections").getByText(ACTION)).toBeVisible();
  await page.goto("/la/393/plan");
  await expect(page.getByRole("link", { name: ACTION })).toBeVisible();
  expect(problems).toEqual([]);
});

test("the users list is in the page once and stays after hydration", async ({ page }) => {
  const problems = collectProblems(page);
  await signIn(page, "demo.admin@example.com");
  const response = await page.goto("/admin/users");
  expectOnceOutsidePayload(await response!.text(), ["demo.analyst@example.com"]);
  await expect(page.locator("#user-list").getByRole("link", { name: /./ }).first()).toBeVisible();
  expect(problems).toEqual([]);
});
