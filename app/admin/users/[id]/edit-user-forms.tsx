"use client";

import { useActionState, useState } from "react";
import { Button, ErrorSummary, ErrorSummaryFocus, Input, NotificationBanner } from "@/components/govuk";
import type { ActionState } from "@/lib/actions/execute-action";
import { setUserDisabled, updateUser } from "../actions";
import { RoleAndAuthorityFields, type AuthorityOption } from "../user-form-fields";

const FIELDS = ["name", "role", "laNumber"] as const;

type EditableUser = { id: string; name: string; role: string; laNumber: string | null; disabled: boolean };

function Outcome({ state, title }: { state: ActionState; title: string }) {
  if (!state) return null;
  if (state.ok) return <NotificationBanner type="success" heading={state.message} />;
  const errors = FIELDS.filter((f) => state.fieldErrors[f]).map((f) => ({ href: `#${f}`, text: state.fieldErrors[f] ?? "" }));
  return (
    <>
      <title>{`Error: ${title}`}</title>
      <ErrorSummaryFocus key={JSON.stringify(state)}>
        <ErrorSummary errors={errors.length > 0 ? errors : [{ href: "#name", text: state.message }]} />
      </ErrorSummaryFocus>
    </>
  );
}

export function EditUserForms({ user, authorities, title }: { user: EditableUser; authorities: AuthorityOption[]; title: string }) {
  const [editState, editAction, editing] = useActionState<ActionState, FormData>(updateUser, null);
  const [statusState, statusAction, switching] = useActionState<ActionState, FormData>(setUserDisabled, null);
  const failed = editState?.ok === false ? editState : null;
  const value = (name: "name" | "role" | "laNumber") => {
    const v = failed?.values?.[name];
    return typeof v === "string" ? v : (user[name] ?? "");
  };
  const fieldErrors = failed?.fieldErrors ?? {};
  // One banner at a time: the outcome of the form submitted last. (Without JavaScript each
  // submission is its own page load, so only one of the two states is ever set.)
  const [last, setLast] = useState<"edit" | "status" | null>(null);

  return (
    <>
      {last !== "status" ? <Outcome state={editState} title={title} /> : null}
      {last !== "edit" ? <Outcome state={statusState} title={title} /> : null}
      <h2 className="govuk-heading-m">Change name, role or local authority</h2>
      {/* Remounted when the saved or submitted values change, so the selects show them. */}
      <form
        key={JSON.stringify([user.name, user.role, user.laNumber, failed?.values ?? null])}
        action={editAction}
        onSubmit={() => setLast("edit")}
        noValidate
      >
        <input type="hidden" name="userId" value={user.id} />
        <Input id="name" name="name" label="Full name" autoComplete="off" defaultValue={value("name")} error={fieldErrors.name} />
        <RoleAndAuthorityFields authorities={authorities} role={value("role")} laNumber={value("laNumber")} errors={fieldErrors} />
        <Button type="submit" disabled={editing}>
          Save changes
        </Button>
      </form>

      <h2 className="govuk-heading-m">{user.disabled ? "Enable account" : "Disable account"}</h2>
      <p className="govuk-body">
        {user.disabled
          ? "The person will be able to sign in again with their password."
          : "The person is signed out straight away and cannot sign in until the account is enabled again."}
      </p>
      <form action={statusAction} onSubmit={() => setLast("status")}>
        <input type="hidden" name="userId" value={user.id} />
        <input type="hidden" name="disabled" value={user.disabled ? "false" : "true"} />
        <Button type="submit" variant={user.disabled ? "secondary" : "warning"} disabled={switching}>
          {user.disabled ? "Enable account" : "Disable account"}
        </Button>
      </form>
    </>
  );
}
