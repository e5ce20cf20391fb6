// What each role sees in the header, and where each lands after signing in (pure, unit-tested).
// Links appear only for pages that exist; the triage inbox (issue 9) will add its own.
import type { Actor } from "./permissions";
import { can, canSome } from "./permissions";

type NavItem = { href: string; label: string };

export function navigationFor(user: Actor | null): NavItem[] {
  const items: NavItem[] = [{ href: "/", label: "All local authorities" }];
  // The national ranking is not public (issue 14): DfE analysts only.
  if (can(user, "risk.view", { kind: "risk", laNumber: null })) items.push({ href: "/risk", label: "Risk flags" });
  if (user?.laNumber && (user.role === "dcs" || user.role === "team_manager")) {
    items.push({ href: `/la/${user.laNumber}`, label: "Your local authority" });
    items.push({ href: `/la/${user.laNumber}/plan`, label: "Improvement plan" });
  }
  if (canSome(user, "users.manage")) items.push({ href: "/admin/users", label: "Users" });
  if (canSome(user, "audit.view")) items.push({ href: "/admin/audit", label: "Audit log" });
  items.push({ href: "/about/data", label: "About the data" });
  return items;
}

/** Where to go after signing in when the person was not on their way somewhere. */
export function homeFor(user: Actor): string {
  if (user.role === "admin") return "/admin/users";
  if ((user.role === "dcs" || user.role === "team_manager") && user.laNumber) return `/la/${user.laNumber}`;
  // DfE analysts work through the risk inbox (issue 18)
  if (user.role === "dfe_analyst") return "/risk";
  return "/";
}
