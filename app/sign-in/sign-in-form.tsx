"use client";

// The sign-in form. Works without JavaScript: the server action re-renders this page with its
// result. With JavaScript, focus moves to the error summary.
import { useActionState } from "react";
import { Button, ErrorSummary, ErrorSummaryFocus, Input } from "@/components/govuk";
import type { ActionState } from "@/lib/actions/execute-action";
import { signInAction } from "./actions";

const FIELDS = ["email", "password"] as const;

export function SignInForm({ returnTo, title }: { returnTo: string | null; title: string }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(signInAction, null);
  const failed = state?.ok === false ? state : null;
  const errors = failed
    ? FIELDS.filter((f) => failed.fieldErrors[f]).map((f) => ({ href: `#${f}`, text: failed.fieldErrors[f] ?? "" }))
    : [];
  const email = typeof failed?.values?.email === "string" ? failed.values.email : "";

  return (
    <>
      {failed ? <title>{`Error: ${title}`}</title> : null}
      {errors.length > 0 ? (
        <ErrorSummaryFocus key={JSON.stringify(failed)}>
          <ErrorSummary errors={errors} />
        </ErrorSummaryFocus>
      ) : null}
      <h1 className="govuk-heading-l">Sign in</h1>
      <form action={formAction} noValidate>
        {returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
        <Input
          id="email"
          name="email"
          type="email"
          label="Email address"
          autoComplete="username"
          spellCheck={false}
          defaultValue={email}
          error={failed?.fieldErrors.email}
        />
        <Input
          id="password"
          name="password"
          type="password"
          label="Password"
          autoComplete="current-password"
          error={failed?.fieldErrors.password}
        />
        <Button type="submit" disabled={pending}>
          Sign in
        </Button>
      </form>
    </>
  );
}
