// Sign-in, roles and access control in the browser: each demo role signs in, sees exactly its
// navigation and pages (403 elsewhere), and signs out; the sign-in form without JavaScript;
// security headers and CSP; admin user management and the audit log. axe on every page.
import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./axe";
import { watchCsp } from "./csp";
import { submitSignIn } from "./sign-in";

// The national risk ranking is for DfE analysts only (issue 14): nobody else has the link.
const BASE_NAV = ["All local authorities"];

type Role = {
  email: string;
  name: string;
  roleText: string;
  landing: RegExp;
  nav: string[];
  allowed: string[];
  forbidden: string[];
};

const ROLES: Record<string, Role> = {
  dcs: {
    email: "demo.dcs@example.com",
    name: "Demo director",
    roleText: "Director of children's services, South Tyneside",
    landing: /\/la\/393$/,
    nav: [...BASE_NAV, "Your local authority", "Improvement plan", "About the data"],
    allowed: ["/", "/risk/la/393"],
    forbidden: ["/admin/users", "/admin/audit", "/admin/users/new", "/risk", "/risk/la/330"],
  },
  team_manager: {
    email: "demo.team-manager@example.com",
    name: "Demo team manager",
    roleText: "Team manager, South Tyneside",
    landing: /\/la\/393$/,
    nav: [...BASE_NAV, "Your local authority", "Improvement plan", "About the data"],
    allowed: ["/la/330"],
    forbidden: ["/admin/users", "/admin/audit", "/risk"],
  },
  dfe_analyst: {
    email: "demo.analyst@example.com",
    name: "Demo analyst",
    roleText: "DfE analyst",
    landing: /\/risk$/,
    nav: [...BASE_NAV, "Risk flags", "About the data"],
    allowed: ["/risk", "/la/330"],
    forbidden: ["/admin/users", "/admin/audit"],
  },
  admin: {
    email: "demo.admin@example.com",
    name: "Demo administrator",
    roleText: "Administrator",
    landing: /\/admin\/users$/,
    nav: [...BASE_NAV, "Users", "Audit log", "About the data"],
    allowed: ["/admin/audit", "/admin/users/new", "/"],
    forbidden: ["/risk"],
  },
};

async function navLinks(page: Page): Promise<string[]> {
  return (await page.getByRole("navigation", { name: "Menu" }).getByRole("link").allTextContents()).map((t) => t.trim());
}

test.describe("each role sees exactly its navigation and pages", () => {
  for (const [key, role] of Object.entries(ROLES)) {
    test(`${key}: sign in, navigate, be refused elsewhere, sign out`, async ({ page }) => {
      test.setTimeout(150_000); // several full pages (dashboards, the risk table) on a 2-core machine
      const csp = watchCsp(page);
      await page.goto("/sign-in");
      await expect(page).toHaveTitle(/^Sign in – /);
      await submitSignIn(page, role.email);
      // the landing page (e.g. an LA dashboard) is rendered in the same response as the sign-in
      await expect(page).toHaveURL(role.landing, { timeout: 20_000 });

      const bar = page.getByTestId("account-bar");
      await expect(bar).toContainText(`Signed in as ${role.name}`);
      await expect(bar).toContainText(role.roleText);
      await expect(bar).toContainText("Demo account");
      expect(await navLinks(page)).toEqual(role.nav);

      for (const path of role.allowed) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(200);
        await expect(page.getByTestId("account-bar")).toBeVisible();
        expect(await navLinks(page)).toEqual(role.nav);
      }
      // axe on a light page with the signed-in header (the dashboards have their own axe tests)
      await page.goto("/about/data");
      await expectNoSeriousAxeViolations(page);
      for (const path of role.forbidden) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(403);
        await expect(page.getByRole("heading", { level: 1 })).toHaveText("You do not have permission to view this page");
        expect(await navLinks(page)).toEqual(role.nav);
      }
      if (role.forbidden.length > 0) await expectNoSeriousAxeViolations(page);

      await page.getByTestId("account-bar").getByRole("button", { name: "Sign out" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("You have signed out");
      await expect(page.getByTestId("account-bar")).toHaveCount(0);
      expect(await navLinks(page)).toEqual([...BASE_NAV, "About the data", "Sign in"]);
      await expectNoSeriousAxeViolations(page);

      // the old session is gone: protected pages send you to sign in
      await page.goto("/admin/users");
      await expect(page).toHaveURL(/\/sign-in\?returnTo=%2Fadmin%2Fusers$/);
      expect(csp).toEqual([]);
    });
  }
});

test.describe("signed out", () => {
  test("sees the public pages and a sign-in link, and is sent to sign in for protected ones, then back", async ({ page }) => {
    await page.goto("/");
    expect(await navLinks(page)).toEqual([...BASE_NAV, "About the data", "Sign in"]);
    for (const path of ["/admin/users", "/admin/audit"]) {
      await page.goto(path);
      await expect(page).toHaveURL(new RegExp(`/sign-in\\?returnTo=${encodeURIComponent(path)}$`));
    }
    await submitSignIn(page, ROLES.admin!.email);
    await expect(page).toHaveURL(/\/admin\/audit$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Audit log");
  });

  test("a wrong password gets one clear error that does not say which part was wrong", async ({ page }) => {
    await page.goto("/sign-in");
    await submitSignIn(page, "nobody.here@example.com", "not the right password");
    const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
    await expect(summary).toContainText("Enter the correct email address and password");
    await expect(page).toHaveTitle(/^Error: Sign in/);
    await expect(page.getByLabel("Email address")).toHaveValue("nobody.here@example.com");
    await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");
    await expect(page.locator("#password-error")).toContainText("Enter the correct email address and password");
    await expect(summary.getByRole("link")).toHaveAttribute("href", "#password");
    await expectNoSeriousAxeViolations(page);

    // a real account with a wrong password gets exactly the same words
    await submitSignIn(page, ROLES.dfe_analyst!.email, "not the right password either");
    await expect(page.locator("#password-error")).toHaveText("Error: Enter the correct email address and password");
  });

  test("empty fields get GOV.UK field errors", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByRole("button", { name: "Sign in" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
    await expect(summary).toContainText("Enter your email address");
    await expect(summary).toContainText("Enter your password");
    await expect(page.locator("#email-error")).toContainText("Enter your email address");
    await expect(page).toHaveTitle(/^Error: /);
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the sign-in form, its errors and sign-out work", async ({ page }) => {
    await page.goto("/sign-in");
    await submitSignIn(page, "no.js@example.com", "wrong password for no js");
    await expect(page.locator("#password-error")).toContainText("Enter the correct email address and password");
    await expect(page.getByLabel("Email address")).toHaveValue("no.js@example.com");
    await expect(page).toHaveTitle(/^Error: Sign in/);

    await submitSignIn(page, ROLES.team_manager!.email);
    await expect(page).toHaveURL(/\/la\/393$/, { timeout: 20_000 });
    await expect(page.getByTestId("account-bar")).toContainText("Demo team manager");
    await page.getByTestId("account-bar").getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("You have signed out");
  });
});

test.describe("security headers", () => {
  test("pages carry a nonce CSP without unsafe-eval, framing and referrer rules; the cookie is HTTP-only", async ({ page, context }) => {
    const response = await page.goto("/sign-in");
    const headers = response?.headers() ?? {};
    const csp = headers["content-security-policy"] ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["referrer-policy"]).toBe("same-origin");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(await page.locator(`script[nonce]`).count()).toBeGreaterThan(0);
    // the browser hides nonce attributes from the DOM; the HTML carries the same nonce as the header
    const html = await (await page.request.get("/sign-in")).text();
    expect(html).toMatch(/<script[^>]+nonce="[^"]+"/);
    expect(nonce).toBeTruthy();

    await submitSignIn(page, ROLES.dfe_analyst!.email);
    await expect(page.getByTestId("account-bar")).toBeVisible();
    const session = (await context.cookies()).find((c) => c.name.endsWith("csc.session_token"));
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    expect(session?.expires).toBeGreaterThan(Date.now() / 1000 + 7 * 3600);
  });

  test("the dashboard renders with no CSP violations", async ({ page }) => {
    const csp = watchCsp(page);
    await page.goto("/la/330");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Birmingham");
    await page.goto("/");
    await expect(page.locator("table tbody tr").first()).toBeVisible();
    expect(csp).toEqual([]);
  });
});

test.describe("admin", () => {
  test("adds a user, changes their role and LA, disables them, and finds it all in the audit log", async ({ page }) => {
    test.setTimeout(90_000);
    const email = `e2e.${Date.now()}@example.com`;
    await page.goto("/sign-in");
    await submitSignIn(page, ROLES.admin!.email);
    await expect(page).toHaveURL(/\/admin\/users$/);
    await expect(page.getByRole("table")).toContainText("demo.dcs@example.com");
    await page.getByRole("link", { name: "Add a user" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Add a user");
    await expectNoSeriousAxeViolations(page);

    // errors first: team manager without an LA, a short password
    await page.getByLabel("Full name").fill("Edith Example");
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Role").selectOption("team_manager");
    await page.getByLabel("Password").fill("too short");
    await page.getByRole("button", { name: "Add user" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
    await expect(summary).toContainText("Select the local authority this person works for");
    await expect(summary).toContainText("Password must be 15 characters or more");
    await expect(page).toHaveTitle(/^Error: Add a user/);
    await expect(page.getByLabel("Full name")).toHaveValue("Edith Example");
    await expectNoSeriousAxeViolations(page);

    await page.getByLabel("Local authority").selectOption({ label: "Birmingham" });
    await page.getByLabel("Password").fill("harbour kettle purple lamp");
    await page.getByRole("button", { name: "Add user" }).click();
    await expect(page).toHaveURL(/\/admin\/users\?created=/);
    await expect(page.getByRole("alert", { name: "Success" })).toContainText("Edith Example has been added");
    const row = page.getByRole("row", { name: new RegExp(email) });
    await expect(row).toContainText("Team manager");
    await expect(row).toContainText("Birmingham");

    await row.getByRole("link", { name: "Edith Example" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Edith Example");
    await expectNoSeriousAxeViolations(page);
    await page.getByLabel("Role").selectOption("dfe_analyst");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("alert", { name: "Success" })).toContainText("Changes to Edith Example saved");
    await expect(page.locator("dl")).toContainText("DfE analyst");

    await page.getByRole("button", { name: "Disable account" }).click();
    await expect(page.getByRole("alert", { name: "Success" })).toContainText("Edith Example has been disabled and signed out");
    await expect(page.locator("dl")).toContainText("Disabled");
    await expect(page.getByRole("button", { name: "Enable account" })).toBeVisible();

    await page.goto(`/admin/audit?actor=${encodeURIComponent(ROLES.admin!.email)}&action=user.update`);
    await expect(page.getByRole("status")).toContainText(/Showing 1 to \d+ of \d+ entries/);
    const entry = page.getByRole("row").filter({ hasText: "user.update" }).first();
    await entry.getByText("Details").click();
    await expect(entry).toContainText('"role": "team_manager"');
    await expect(entry).toContainText('"role": "dfe_analyst"');
    await expectNoSeriousAxeViolations(page);
  });

  test("a refused request is in the audit log with who, what and why", async ({ browser }) => {
    const manager = await browser.newPage();
    await manager.goto("/sign-in");
    await submitSignIn(manager, ROLES.team_manager!.email);
    await expect(manager).toHaveURL(/\/la\/393$/, { timeout: 20_000 });
    expect((await manager.goto("/admin/audit"))?.status()).toBe(403);
    await manager.close();

    const admin = await browser.newPage();
    await admin.goto("/sign-in?returnTo=%2Fadmin%2Faudit%3Faction%3Daccess.refused%26outcome%3DREFUSED");
    await submitSignIn(admin, ROLES.admin!.email);
    await expect(admin).toHaveURL(/action=access.refused/);
    const entry = admin.getByRole("row").filter({ hasText: ROLES.team_manager!.email }).first();
    await expect(entry).toContainText("Refused");
    await entry.getByText("Details").click();
    await expect(entry).toContainText('"permission": "audit.view"');
    await expect(entry).toContainText('"path": "/admin/audit"');
    await admin.getByLabel("Event").selectOption("auth.sign_in");
    await admin.getByLabel("Outcome").selectOption("");
    await admin.getByRole("button", { name: "Apply filters" }).click();
    await expect(admin).toHaveURL(/action=auth.sign_in(&|$)/);
    await expect(admin.getByRole("row").filter({ hasText: "auth.sign_in" }).first()).toBeVisible();
    await admin.close();
  });
});
