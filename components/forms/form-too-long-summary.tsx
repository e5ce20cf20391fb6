import { cookies } from "next/headers";
import { ErrorSummary } from "@/components/govuk/error-summary";
import { FORM_TOO_LONG_COOKIE, FORM_TOO_LONG_MESSAGE } from "@/lib/core/form-limit";

/**
 * "The text is too long", at the top of <main>, after the front server sent a no-JavaScript form post
 * over the size limit back to its page (lib/page-cache/form-limit.ts). Server component.
 */
export async function FormTooLongSummary() {
  if ((await cookies()).get(FORM_TOO_LONG_COOKIE)?.value !== "1") return null;
  return (
    <ErrorSummary
      id="form-too-long"
      description="Nothing was saved. Shorten what you entered and send the form again."
      errors={[{ href: "#main-content", text: FORM_TOO_LONG_MESSAGE }]}
    />
  );
}
