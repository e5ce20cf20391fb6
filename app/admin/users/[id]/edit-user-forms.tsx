"use client";

import { useState } from "react";
import { echoedField, FormOutcome, HiddenFields, useFormAction } from "@/components/forms/form-state";
import { Button, Input } from "@/components/govuk";
import { setUserDisabled, updateUser } from "../actions";
import { RoleAndAuthorityFields, type AuthorityOption } from "../user-form-fields";

const FIELDS = ["name", "role", "laNumber"] as const;

type EditableUser = { id: string; name: string; role: string; laNumber: string | null; disabled: boolean };

export function EditUserForms({ user, authorities, title }: { user: EditableUser; authorities: AuthorityOption[]; title: string }) {
  const { state: editState, formAction: editAction, pending: editing, failed } = useFormAction(updateUser);
  const { state: statusState, formAction: statusAction, pending: switching } = useFormAction(setUserDisabled);
  // One banner at a time: the outcome of the form submitted last. (Without JavaScript each
  // submission is its own page load, so only one of the two states is ever set.)
  const [last, setLast] = useState<"edit" | "status" | null>(null);

  return (
    <>
      {last !== "status" ? <FormOutcome state={editState} fields={FIELDS} title={title} fallbackHref="#name" /> : null}
      {last !== "edit" ? <FormOutcome state={statusState} fields={FIELDS} title={title} fallbackHref="#name" /> : null}
      <h2 className="govuk-heading-m">Change name, role or local authority</h2>
      {/* Remounted when the saved or submitted values change, so the selects show them. */}
      <form
        key={JSON.stringify([user.name, user.role, user.laNumber, failed?.values ?? null])}
        action={editAction}
        onSubmit={() => setLast("edit")}
        noValidate
      >
        <HiddenFields values={{ userId: user.id }} />
        <Input id="name" label="Full name" autoComplete="off" {...echoedField(editState, "name", user.name)} />
        <RoleAndAuthorityFields authorities={authorities} state={editState} initial={{ role: user.role, laNumber: user.laNumber ?? "" }} />
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
        <HiddenFields values={{ userId: user.id, disabled: user.disabled ? "false" : "true" }} />
        <Button type="submit" variant={user.disabled ? "secondary" : "warning"} disabled={switching}>
          {user.disabled ? "Enable account" : "Disable account"}
        </Button>
      </form>
    </>
  );
}
