// Signing in through the real form, as a person does: shared by the browser tests. Works with and
// without JavaScript (the form posts either way).
import { expect, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../lib/auth/demo-accounts";

/** Fills in and submits the sign-in form already on the page; waits for nothing. */
export async function submitSignIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/**
 * Signs in with the demo password and waits to be signed in: on `path` when given (sign-in returns
 * there), else anywhere but the sign-in page.
 */
export async function signIn(page: Page, email: string, path?: string) {
  await page.goto(path === undefined ? "/sign-in" : `/sign-in?returnTo=${encodeURIComponent(path)}`);
  await submitSignIn(page, email);
  if (path === undefined) await expect(page).not.toHaveURL(/\/sign-in/, { timeout: 20_000 });
  else await expect(page).toHaveURL(new RegExp(`${path.replace(/[/?]/g, "\\$&")}$`), { timeout: 20_000 });
}
