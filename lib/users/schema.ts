// Schemas of the admin user forms (create, change role/LA, disable/enable), shared by the forms and
// their server actions in lib/users/actions.ts.
import { z } from "zod";
import { checkPasswordPolicy } from "@/lib/auth/password-policy";
import { isLaRole, Role } from "@/lib/auth/roles";
import { emailField } from "@/lib/auth/schema";
import { bidiMessage, withoutBidi } from "@/lib/core/text";

const roleField = z.enum(Role, { error: "Select a role" });
const laField = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : null))
  .pipe(
    z
      .string()
      .regex(/^\d{3}$/, "Select a local authority from the list")
      .nullable(),
  );
const nameField = z
  .string({ error: "Enter the person's full name" })
  .trim()
  .min(1, "Enter the person's full name")
  .max(100, "Full name must be 100 characters or fewer")
  .refine(withoutBidi, bidiMessage("Full name"));

/** dcs and team_manager need an LA; other roles never keep one. */
function withLaRule<T extends { role: Role; laNumber: string | null }>(value: T, ctx: z.RefinementCtx) {
  if (isLaRole(value.role) && !value.laNumber) {
    ctx.addIssue({ code: "custom", path: ["laNumber"], message: "Select the local authority this person works for" });
  }
}

export const userTargetSchema = z.object({ userId: z.string().min(1).max(64) });

export const createUserSchema = z
  .object({
    name: nameField,
    email: emailField("Enter an email address"),
    role: roleField,
    laNumber: laField,
    password: z.string({ error: "Enter a password" }),
  })
  .superRefine((value, ctx) => {
    withLaRule(value, ctx);
    const problem = checkPasswordPolicy(value.password, { email: value.email, name: value.name })[0];
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
  })
  .transform((value) => ({ ...value, laNumber: isLaRole(value.role) ? value.laNumber : null }));

export const updateUserSchema = z
  .object({ name: nameField, role: roleField, laNumber: laField })
  .superRefine(withLaRule)
  .transform((value) => ({ ...value, laNumber: isLaRole(value.role) ? value.laNumber : null }));

export const setUserDisabledSchema = z.object({ disabled: z.enum(["true", "false"]).transform((v) => v === "true") });
