// The action form's owner: one of the LA's own people from a list, or another person or role typed
// in (rules: lib/plans/owner.ts). Two plain fields in a fieldset, so it works without
// JavaScript and each keeps its own label and error message.
import { echoedField, type BoundFields } from "@/components/forms/form-state";
import { Input, Select } from "@/components/govuk";
import { Fieldset } from "@/components/govuk/fieldset";
import { OTHER_OWNER, OWNER_MAX, OWNER_ROLE_LABELS, type OwnerCandidate } from "@/lib/plans/owner";

export function OwnerField({
  candidates,
  laName,
  state,
  initial,
}: { candidates: readonly OwnerCandidate[]; laName: string } & BoundFields<"ownerUserId" | "ownerOther">) {
  return (
    <Fieldset
      id="owner"
      legend="Owner"
      legendSize="s"
      hint="The person responsible for this action, or a role if it is not one of the people listed."
    >
      <Select
        id="ownerUserId"
        label="Person"
        hint={`${laName}'s directors and team managers who use this service`}
        {...echoedField(state, "ownerUserId", initial.ownerUserId)}
        options={[
          { value: "", text: "Choose a person" },
          ...candidates.map((c) => ({ value: c.id, text: `${c.name} (${OWNER_ROLE_LABELS[c.role]})` })),
          { value: OTHER_OWNER, text: "Another person or role (type it below)" },
        ]}
      />
      <Input
        id="ownerOther"
        label="Another person or role"
        hint="Only if they are not in the list, for example Head of workforce"
        maxLength={OWNER_MAX + 30}
        autoComplete="off"
        {...echoedField(state, "ownerOther", initial.ownerOther)}
      />
    </Fieldset>
  );
}
