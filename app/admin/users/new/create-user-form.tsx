"use client";

import { echoedField, FormOutcome, useFormAction } from "@/components/forms/form-state";
import { Button, Input } from "@/components/govuk";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-policy";
import { createUser } from "../actions";
import { RoleAndAuthorityFields, type AuthorityOption } from "../user-form-fields";

const FIELDS = ["name", "email", "role", "laNumber", "password"] as const;

export function CreateUserForm({ authorities, title }: { authorities: AuthorityOption[]; title: string }) {
  // on success the action goes on to the list of users, so only a refusal is shown here
  const { state, formAction, pending, failed, errors: fieldErrors } = useFormAction(createUser);

  return (
    <>
      <FormOutcome state={state} fields={FIELDS} title={title} fallbackHref="#name" />
      <h1 className="govuk-heading-l">Add a user</h1>
      {/* Remounted after each failed submission so selects show the submitted values (React does not re-apply a select's defaultValue). */}
      <form key={failed ? JSON.stringify(failed.values) : "new"} action={formAction} noValidate>
        <Input id="name" label="Full name" autoComplete="off" {...echoedField(state, "name", "")} />
        <Input id="email" type="email" label="Email address" autoComplete="off" spellCheck={false} {...echoedField(state, "email", "")} />
        <RoleAndAuthorityFields authorities={authorities} state={state} initial={{ role: "", laNumber: "" }} />
        <Input
          id="password"
          name="password"
          type="password"
          label="Password"
          hint={`At least ${PASSWORD_MIN_LENGTH} characters. Three or four random words work well. Give it to the person securely.`}
          autoComplete="new-password"
          error={fieldErrors.password}
        />
        <Button type="submit" disabled={pending}>
          Add user
        </Button>
      </form>
    </>
  );
}
