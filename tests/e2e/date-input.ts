// The GOV.UK date input in the browser: three boxes (Day, Month, Year) grouped under the date's legend.
import { expect, type Locator, type Page } from "@playwright/test";

const boxes = (scope: Page | Locator, legend: string) => {
  const group = scope.getByRole("group", { name: legend, exact: true });
  return { day: group.getByLabel("Day"), month: group.getByLabel("Month"), year: group.getByLabel("Year") };
};

/** Types a yyyy-mm-dd date into the date input named by its legend, as a person would (no leading zeros). */
export async function fillDate(scope: Page | Locator, legend: string, iso: string) {
  const [year, month, day] = iso.split("-");
  const b = boxes(scope, legend);
  await b.day.fill(String(Number(day)));
  await b.month.fill(String(Number(month)));
  await b.year.fill(year!);
}

/** The date input named by its legend shows this yyyy-mm-dd date. */
export async function expectDate(scope: Page | Locator, legend: string, iso: string) {
  const [year, month, day] = iso.split("-");
  const b = boxes(scope, legend);
  await expect(b.day).toHaveValue(String(Number(day)));
  await expect(b.month).toHaveValue(String(Number(month)));
  await expect(b.year).toHaveValue(year!);
}
