// Reads for the admin user pages. Server-only; never selects password hashes.
import "server-only";
import { db } from "@/lib/core/db";
import { AUDIT_ACTIONS } from "@/lib/auth/audit";

/** What the admin pages show of a person (never the password hash). */
const USER_ADMIN_SELECT = {
  id: true,
  name: true,
  email: true,
  role: true,
  laNumber: true,
  la: { select: { name: true } },
  disabledAt: true,
  isDemo: true,
} as const;

export async function listUsers() {
  const [users, lastSignIns] = await Promise.all([
    db.user.findMany({
      orderBy: [{ disabledAt: { sort: "asc", nulls: "first" } }, { name: "asc" }],
      select: USER_ADMIN_SELECT,
    }),
    db.auditEvent.groupBy({ by: ["actorId"], where: { action: AUDIT_ACTIONS.signIn, actorId: { not: null } }, _max: { at: true } }),
  ]);
  const last = new Map(lastSignIns.map((r) => [r.actorId, r._max.at]));
  return users.map((u) => ({ ...u, laName: u.la?.name ?? null, lastSignIn: last.get(u.id) ?? null }));
}

export async function getUserForAdmin(id: string) {
  return db.user.findUnique({
    where: { id },
    select: { ...USER_ADMIN_SELECT, createdAt: true },
  });
}

/** Current LAs a dcs or team manager can belong to, by name. */
export async function listAssignableAuthorities() {
  return db.localAuthority.findMany({ where: { existsTo: null }, orderBy: { name: "asc" }, select: { laNumber: true, name: true } });
}

/** Names of the given LAs, by number (e.g. for the demo accounts table). */
export async function getAuthorityNames(laNumbers: string[]): Promise<Map<string, string>> {
  const rows = await db.localAuthority.findMany({ where: { laNumber: { in: laNumbers } }, select: { laNumber: true, name: true } });
  return new Map(rows.map((r) => [r.laNumber, r.name]));
}
