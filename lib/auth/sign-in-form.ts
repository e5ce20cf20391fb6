// What happens when the sign-in form is posted, apart from the Next.js parts (cookies, redirect,
// the page title after a failed submission), so it can be tested with real sessions and fuzzed:
// zod checks the fields; the limits, the credential check and the audit trail are in ./sign-in.ts;
// the page to go to next is a same-site path or the person's home page. Not through the server-action
// wrapper: there is no session yet to authorise.
import { echoValues, formDataToObject } from "@/lib/core/form-data";
import { fieldErrorsFrom, type ActionResult } from "@/lib/core/form-result";
import { signInSchema, WRONG_CREDENTIALS_MESSAGE } from "@/lib/auth/schema";
import type { AuthContext } from "./context";
import { homeFor } from "./navigation";
import { safeReturnTo } from "./return-to";
import { signInWithPassword } from "./sign-in";
import { waitText } from "./throttle";

export type SignInSubmission =
  /** Show the form again with these errors; the password is never echoed back. */
  | { ok: false; result: ActionResult & { ok: false } }
  /** Signed in: set these cookies and go to `redirectTo` (always a path on this site). */
  | { ok: true; setCookies: string[]; redirectTo: string };

export async function submitSignIn(ctx: AuthContext, formData: FormData): Promise<SignInSubmission> {
  const raw = formDataToObject(formData);
  const values = echoValues(raw, ["password"]);
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success)
    return { ok: false, result: { ok: false, message: "There is a problem", fieldErrors: fieldErrorsFrom(parsed.error), values } };

  const result = await signInWithPassword(ctx, parsed.data);
  if (!result.ok) {
    const message =
      result.reason === "locked"
        ? `You have tried to sign in too many times. Wait ${waitText(ctx.now(), result.retryAt)}, then try again.`
        : WRONG_CREDENTIALS_MESSAGE;
    return { ok: false, result: { ok: false, message, fieldErrors: { password: message }, values } };
  }
  const requested = parsed.data.returnTo ? safeReturnTo(parsed.data.returnTo) : "/";
  return { ok: true, setCookies: result.setCookies, redirectTo: requested !== "/" ? requested : homeFor(result.user) };
}
