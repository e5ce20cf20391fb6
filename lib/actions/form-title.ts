// The GOV.UK "Error: " title prefix for forms submitted without JavaScript.
//
// With JavaScript, a form component renders <title>Error: …</title> from its action state. Without
// it, the browser posts the form and Next.js renders the page in the same request, after the
// action; the first <title> in <head> is the page's metadata title, which cannot see the action's
// result. So a failed no-JS submission writes a cookie that expires at once (Max-Age=0: the browser
// never keeps it) — Next.js shows cookie writes made by an action to the render that follows it —
// and the page's generateMetadata asks formTitle() for its title.
import "server-only";
import { cookies, headers } from "next/headers";
import { FORM_TOO_LONG_COOKIE } from "@/lib/core/form-limit";

const FORM_ERROR_COOKIE = "csc_form_error";

export const SERVICE_NAME = "Children's social care insight";

/** A page's whole <title> as the layout's template writes it, for a form that sets its own after a refusal. */
export function serviceTitle(title: string): string {
  return `${title} – ${SERVICE_NAME}`;
}

/** Call from a server action that is returning a failure. No-op for JavaScript (fetch) submissions. */
export async function flagFailedSubmission(): Promise<void> {
  if ((await headers()).get("next-action")) return;
  (await cookies()).set(FORM_ERROR_COOKIE, "1", { maxAge: 0, path: "/", httpOnly: true, sameSite: "lax" });
}

/** The page title, prefixed with "Error: " when this render follows a failed form submission. */
export async function formTitle(title: string): Promise<string> {
  const jar = await cookies();
  // Also after a post over the size limit, sent back to the form by the front server (./form-limit.ts).
  return jar.get(FORM_ERROR_COOKIE)?.value === "1" || jar.get(FORM_TOO_LONG_COOKIE)?.value === "1" ? `Error: ${title}` : title;
}

/** A form page's generateMetadata: its title, with "Error: " after a failed submission. */
export function formMetadata(title: string): () => Promise<{ title: string }> {
  return async () => ({ title: await formTitle(title) });
}
