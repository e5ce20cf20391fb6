// Writing user accounts: a user row plus its "credential" account holding the argon2id hash, in the
// shape better-auth reads. Used by the admin actions, the demo seed and test factories (no
// "server-only": scripts/seed.ts runs under tsx).
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/core/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { hashPassword } from "./password";

const CREDENTIAL_PROVIDER = "credential";

type NewAccount = {
  name: string;
  email: string;
  role: Role;
  laNumber: string | null;
  password: string;
  isDemo?: boolean;
};

/** Columns safe to show and to put in the audit log (never the hash). */
export const USER_AUDIT_SELECT = {
  id: true,
  name: true,
  email: true,
  role: true,
  laNumber: true,
  disabledAt: true,
  isDemo: true,
} as const;

/** A Prisma client or an open transaction's client. */
type AccountWriter = Pick<Db, "user" | "account">;

export async function createAccount(db: AccountWriter, input: NewAccount) {
  const id = randomUUID();
  const passwordHash = await hashPassword(input.password);
  const user = await db.user.create({
    data: {
      id,
      name: input.name,
      email: input.email.trim().toLowerCase(),
      emailVerified: false,
      role: input.role,
      laNumber: input.laNumber,
      isDemo: input.isDemo ?? false,
    },
    select: USER_AUDIT_SELECT,
  });
  await db.account.create({
    data: { id: randomUUID(), accountId: id, providerId: CREDENTIAL_PROVIDER, userId: id, password: passwordHash },
  });
  return user;
}

/** Sets a new password on the user's credential account (creating it if the user had none). */
export async function setPassword(db: AccountWriter, userId: string, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  const existing = await db.account.findFirst({ where: { userId, providerId: CREDENTIAL_PROVIDER }, select: { id: true } });
  if (existing) await db.account.update({ where: { id: existing.id }, data: { password: passwordHash } });
  else
    await db.account.create({
      data: { id: randomUUID(), accountId: userId, providerId: CREDENTIAL_PROVIDER, userId, password: passwordHash },
    });
}
