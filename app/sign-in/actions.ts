"use server";

// Sign-in form submission. Not through defineAction: there is no session yet to authorise. The
// limits, the credential check and the audit trail are in lib/auth/sign-in.ts.
import { redirect } from "next/navigation";
import { echoValues, formDataToObject } from "@/lib/actions/form-data";
import { flagFailedSubmission } from "@/lib/actions/form-title";
import { fieldErrorsFrom, type ActionResult, type ActionState } from "@/lib/actions/execute-action";
import { homeFor } from "@/lib/auth/navigation";
import { applySetCookies, requestContext } from "@/lib/auth/request";
import { safeReturnTo } from "@/lib/auth/return-to";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { waitText } from "@/lib/auth/throttle";
import { signInSchema, WRONG_CREDENTIALS_MESSAGE } from "@/lib/validation/auth";

export async function signInAction(_previous: ActionState, formData: FormData): Promise<ActionResult> {
  const raw = formDataToObject(formData);
  const values = echoValues(raw, ["password"]);
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) {
    await flagFailedSubmission();
    return { ok: false, message: "There is a problem", fieldErrors: fieldErrorsFrom(parsed.error), values };
  }

  const ctx = await requestContext();
  const result = await signInWithPassword(ctx, parsed.data);
  if (!result.ok) {
    const message =
      result.reason === "locked"
        ? `You have tried to sign in too many times. Wait ${waitText(ctx.now(), result.retryAt)}, then try again.`
        : WRONG_CREDENTIALS_MESSAGE;
    await flagFailedSubmission();
    return { ok: false, message, fieldErrors: { password: message }, values };
  }
  await applySetCookies(result.setCookies);
  const requested = parsed.data.returnTo ? safeReturnTo(parsed.data.returnTo) : "/";
  redirect(requested !== "/" ? requested : homeFor(result.user));
}
