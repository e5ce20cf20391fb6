// Roles come from the Prisma enum (one source of truth); this adds what the UI and policy need.
import { Role } from "@/lib/generated/prisma/enums";

export { Role };

export const ROLES: readonly Role[] = Object.values(Role);

export const ROLE_LABELS: Record<Role, string> = {
  dcs: "Director of children's services",
  team_manager: "Team manager",
  dfe_analyst: "DfE analyst",
  admin: "Administrator",
};

/** Roles that belong to exactly one local authority (the database enforces it too). */
const LA_ROLES: readonly Role[] = [Role.dcs, Role.team_manager];

export function isLaRole(role: Role): boolean {
  return LA_ROLES.includes(role);
}
