"use server";

// Sign-in form submission: lib/auth/sign-in-form.ts does the work; this sets the cookies, flags a
// failed submission for the page title, and redirects.
import { redirect } from "next/navigation";
import type { ActionResult, ActionState } from "@/lib/actions/execute-action";
import { flagFailedSubmission } from "@/lib/actions/form-title";
import { applySetCookies, requestContext } from "@/lib/auth/request";
import { submitSignIn } from "@/lib/auth/sign-in-form";

export async function signInAction(_previous: ActionState, formData: FormData): Promise<ActionResult> {
  const submission = await submitSignIn(await requestContext(), formData);
  if (!submission.ok) {
    await flagFailedSubmission();
    return submission.result;
  }
  await applySetCookies(submission.setCookies);
  redirect(submission.redirectTo);
}
