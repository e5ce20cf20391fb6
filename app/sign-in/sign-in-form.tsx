"use client";

// The sign-in form. Works without JavaScript: the server action re-renders this page with its
// result. With JavaScript, focus moves to the error summary.
import { echoedField, FormOutcome, HiddenFields, useFormAction } from "@/components/forms/form-state";
import { Button, Input } from "@/components/govuk";
import { signInAction } from "./actions";

const FIELDS = ["email", "password"] as const;

export function SignInForm({ returnTo, title }: { returnTo: string | null; title: string }) {
  // on success the action redirects, so only a refusal is shown here (always about the email or the password)
  const { state, formAction, pending, errors } = useFormAction(signInAction);

  return (
    <>
      <FormOutcome state={state} fields={FIELDS} title={title} fallbackHref="#email" />
      <h1 className="govuk-heading-l">Sign in</h1>
      <form action={formAction} noValidate>
        <HiddenFields values={{ returnTo }} />
        <Input
          id="email"
          type="email"
          label="Email address"
          autoComplete="username"
          spellCheck={false}
          {...echoedField(state, "email", "")}
        />
        <Input id="password" name="password" type="password" label="Password" autoComplete="current-password" error={errors.password} />
        <Button type="submit" disabled={pending}>
          Sign in
        </Button>
      </form>
    </>
  );
}
