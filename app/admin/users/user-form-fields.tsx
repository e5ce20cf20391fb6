// Role and LA fields shared by the create and edit forms.
import { echoedField, type BoundFields } from "@/components/forms/form-state";
import { Select } from "@/components/govuk";
import { ROLE_LABELS, ROLES } from "@/lib/auth/roles";

export type AuthorityOption = { laNumber: string; name: string };

export function RoleAndAuthorityFields({
  authorities,
  state,
  initial,
}: { authorities: AuthorityOption[] } & BoundFields<"role" | "laNumber">) {
  return (
    <>
      <Select
        id="role"
        label="Role"
        {...echoedField(state, "role", initial.role)}
        options={[{ value: "", text: "Select a role" }, ...ROLES.map((r) => ({ value: r, text: ROLE_LABELS[r] }))]}
      />
      <Select
        id="laNumber"
        label="Local authority"
        hint="Only for directors of children's services and team managers. Leave blank for other roles."
        {...echoedField(state, "laNumber", initial.laNumber)}
        options={[{ value: "", text: "None" }, ...authorities.map((a) => ({ value: a.laNumber, text: a.name }))]}
      />
    </>
  );
}
