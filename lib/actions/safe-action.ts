// defineAction: the wrapper every server action in the app uses. In a "use server" module:
//
//   export const updateUser = defineAction(updateUserAction);
//
// and in the form (a client leaf): const [state, formAction] = useActionState(updateUser, null).
// The page's title comes from `generateMetadata: async () => ({ title: await formTitle("…") })`
// (./form-title.ts) so a failed submission without JavaScript gets the "Error: " prefix too.
// The pipeline itself (session → authorise this record → safeParse → handler → revalidatePath)
// is executeAction in ./execute-action.ts; this file binds it to the Next.js request and performs
// any redirect outside every try/catch.
import "server-only";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { requestContext } from "@/lib/auth/request";
import type { Permission } from "@/lib/auth/permissions";
import { executeAction, type ActionDefinition, type ActionResult, type ActionState } from "./execute-action";
import { flagFailedSubmission } from "./form-title";

export type { ActionResult, ActionState } from "./execute-action";

export type ServerAction = (previous: ActionState, formData: FormData) => Promise<ActionResult>;

export function defineAction<P extends Permission, Target, Schema extends z.ZodType, Rec>(
  definition: ActionDefinition<P, Target, Schema, Rec>,
): ServerAction {
  return async function action(_previous: ActionState, formData: FormData): Promise<ActionResult> {
    const outcome = await executeAction(definition, await requestContext(), formData);
    if (outcome.ok && "redirectTo" in outcome) redirect(outcome.redirectTo);
    if (!outcome.ok) await flagFailedSubmission();
    return outcome;
  };
}
