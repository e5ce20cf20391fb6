"use client";

import { useActionState } from "react";
import { Button, ErrorSummary, ErrorSummaryFocus, Input } from "@/components/govuk";
import type { ActionState } from "@/lib/actions/execute-action";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-policy";
import { createUser } from "../actions";
import { RoleAndAuthorityFields, type AuthorityOption } from "../user-form-fields";

const FIELDS = ["name", "email", "role", "laNumber", "password"] as const;

export function CreateUserForm({ authorities, title }: { authorities: AuthorityOption[]; title: string }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(createUser, null);
  const failed = state?.ok === false ? state : null;
  const value = (name: string) => {
    const v = failed?.values?.[name];
    return typeof v === "string" ? v : "";
  };
  const fieldErrors = failed?.fieldErrors ?? {};
  const errors = FIELDS.filter((f) => fieldErrors[f]).map((f) => ({ href: `#${f}`, text: fieldErrors[f] ?? "" }));
  const summary = errors.length > 0 ? errors : failed ? [{ href: "#name", text: failed.message }] : [];

  return (
    <>
      {failed ? <title>{`Error: ${title}`}</title> : null}
      {summary.length > 0 ? (
        <ErrorSummaryFocus key={JSON.stringify(failed)}>
          <ErrorSummary errors={summary} />
        </ErrorSummaryFocus>
      ) : null}
      <h1 className="govuk-heading-l">Add a user</h1>
      {/* Remounted after each failed submission so selects show the submitted values (React does not re-apply a select's defaultValue). */}
      <form key={failed ? JSON.stringify(failed.values) : "new"} action={formAction} noValidate>
        <Input id="name" name="name" label="Full name" autoComplete="off" defaultValue={value("name")} error={fieldErrors.name} />
        <Input
          id="email"
          name="email"
          type="email"
          label="Email address"
          autoComplete="off"
          spellCheck={false}
          defaultValue={value("email")}
          error={fieldErrors.email}
        />
        <RoleAndAuthorityFields authorities={authorities} role={value("role")} laNumber={value("laNumber")} errors={fieldErrors} />
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
