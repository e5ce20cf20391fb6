// Role and LA fields shared by the create and edit forms.
import { Select } from "@/components/govuk";
import { ROLE_LABELS, ROLES } from "@/lib/auth/roles";

export type AuthorityOption = { laNumber: string; name: string };

export function RoleAndAuthorityFields({
  authorities,
  role,
  laNumber,
  errors,
}: {
  authorities: AuthorityOption[];
  role: string;
  laNumber: string;
  errors: { role?: string; laNumber?: string };
}) {
  return (
    <>
      <Select
        id="role"
        name="role"
        label="Role"
        defaultValue={role}
        error={errors.role}
        options={[{ value: "", text: "Select a role" }, ...ROLES.map((r) => ({ value: r, text: ROLE_LABELS[r] }))]}
      />
      <Select
        id="laNumber"
        name="laNumber"
        label="Local authority"
        hint="Only for directors of children's services and team managers. Leave blank for other roles."
        defaultValue={laNumber}
        error={errors.laNumber}
        options={[{ value: "", text: "None" }, ...authorities.map((a) => ({ value: a.laNumber, text: a.name }))]}
      />
    </>
  );
}
