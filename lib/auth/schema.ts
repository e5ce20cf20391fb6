// The sign-in form's schema, shared by the form and its server action.
import { z } from "zod";
import { PASSWORD_MAX_LENGTH } from "@/lib/auth/password-policy";

const EMAIL_MAX_LENGTH = 254;

/** An email field: trimmed, lower-cased, GOV.UK messages. */
export function emailField(emptyMessage: string) {
  return z
    .string({ error: emptyMessage })
    .trim()
    .min(1, emptyMessage)
    .max(EMAIL_MAX_LENGTH, `Email address must be ${EMAIL_MAX_LENGTH} characters or fewer`)
    .pipe(z.email("Enter an email address in the correct format, like name@example.com"))
    .transform((v) => v.toLowerCase());
}

export const signInSchema = z.object({
  email: emailField("Enter your email address"),
  // No policy here: the policy applies when a password is set. Only a bound on the work done.
  password: z
    .string({ error: "Enter your password" })
    .min(1, "Enter your password")
    .max(PASSWORD_MAX_LENGTH, `Password must be ${PASSWORD_MAX_LENGTH} characters or fewer`),
  returnTo: z.string().optional(),
});

/** The one message for a wrong email or password — it never says which. */
export const WRONG_CREDENTIALS_MESSAGE = "Enter the correct email address and password";
