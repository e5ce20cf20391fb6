// Admin user management: create, change name/role/LA, disable/enable. Definitions for the action
// wrapper (bound in app/admin/users/actions.ts); every change is audited with before/after in the
// same transaction.
import { type z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import { AUDIT_ACTIONS } from "@/lib/auth/audit";
import { createAccount, USER_AUDIT_SELECT } from "@/lib/auth/accounts";
import type { AuthContext } from "@/lib/auth/context";
import { createUserSchema, setUserDisabledSchema, updateUserSchema, userTargetSchema } from "@/lib/users/schema";
import { onFixedResource, type ActionDefinition, type Located } from "@/lib/actions/execute-action";

const USERS_PATH = "/admin/users";
const EMAIL_TAKEN = "A user with this email address already exists";

type UserRow = Prisma.UserGetPayload<{ select: typeof USER_AUDIT_SELECT }>;

async function locateUser(target: { userId: string }, ctx: AuthContext): Promise<Located<"users.manage", UserRow> | null> {
  const record = await ctx.db.user.findUnique({ where: { id: target.userId }, select: USER_AUDIT_SELECT });
  return record ? { resource: { kind: "users" }, record } : null;
}

async function laExists(ctx: AuthContext, laNumber: string | null): Promise<boolean> {
  if (!laNumber) return true;
  return (await ctx.db.localAuthority.count({ where: { laNumber, existsTo: null } })) === 1;
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

export const createUserAction = {
  name: AUDIT_ACTIONS.userCreate,
  ...onFixedResource("users.manage", { kind: "users" }),
  schema: createUserSchema,
  sensitive: ["password"],
  handler: async ({ input, ctx, audit }) => {
    if (!(await laExists(ctx, input.laNumber)))
      return { ok: false, message: "Check the local authority", fieldErrors: { laNumber: "Select a local authority from the list" } };
    if (await ctx.db.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      return { ok: false, message: EMAIL_TAKEN, fieldErrors: { email: EMAIL_TAKEN } };
    }
    try {
      const created = await ctx.db.$transaction(async (tx) => {
        const user = await createAccount(tx, {
          name: input.name,
          email: input.email,
          role: input.role,
          laNumber: input.laNumber,
          password: input.password,
        });
        await audit(tx, { action: AUDIT_ACTIONS.userCreate, entityType: "user", entityId: user.id, laNumber: user.laNumber, after: user });
        return user;
      });
      return {
        message: `${created.name} can now sign in as ${created.email}`,
        revalidate: [USERS_PATH],
        redirectTo: `${USERS_PATH}?created=${encodeURIComponent(created.id)}`,
      };
    } catch (error) {
      if (isUniqueViolation(error)) return { ok: false, message: EMAIL_TAKEN, fieldErrors: { email: EMAIL_TAKEN } };
      throw error;
    }
  },
} satisfies ActionDefinition<"users.manage", Record<string, never>, typeof createUserSchema, undefined>;

export const updateUserAction = {
  name: AUDIT_ACTIONS.userUpdate,
  permission: "users.manage",
  target: userTargetSchema,
  locate: locateUser,
  schema: updateUserSchema,
  handler: async ({ input, record, user, ctx, audit }) => {
    if (record.id === user.id && input.role !== "admin") {
      return {
        ok: false,
        message: "You cannot remove your own administrator role",
        fieldErrors: { role: "You cannot remove your own administrator role" },
      };
    }
    if (!(await laExists(ctx, input.laNumber)))
      return { ok: false, message: "Check the local authority", fieldErrors: { laNumber: "Select a local authority from the list" } };
    const unchanged = record.name === input.name && record.role === input.role && record.laNumber === input.laNumber;
    if (unchanged) return { message: "No changes to save" };
    const after = await ctx.db.$transaction(async (tx) => {
      const updated = await tx.user.update({
        where: { id: record.id },
        data: { name: input.name, role: input.role, laNumber: input.laNumber },
        select: USER_AUDIT_SELECT,
      });
      await audit(tx, {
        action: AUDIT_ACTIONS.userUpdate,
        entityType: "user",
        entityId: record.id,
        laNumber: updated.laNumber ?? record.laNumber,
        before: record,
        after: updated,
      });
      return updated;
    });
    return { message: `Changes to ${after.name} saved`, revalidate: [USERS_PATH, `${USERS_PATH}/${record.id}`] };
  },
} satisfies ActionDefinition<"users.manage", z.infer<typeof userTargetSchema>, typeof updateUserSchema, UserRow>;

export const setUserDisabledAction = {
  name: "user.set_disabled",
  permission: "users.manage",
  target: userTargetSchema,
  locate: locateUser,
  schema: setUserDisabledSchema,
  handler: async ({ input, record, user, ctx, audit }) => {
    if (record.id === user.id && input.disabled) return { ok: false, message: "You cannot disable your own account", fieldErrors: {} };
    if (Boolean(record.disabledAt) === input.disabled)
      return { message: input.disabled ? `${record.name} is already disabled` : `${record.name} can already sign in` };
    const after = await ctx.db.$transaction(async (tx) => {
      const updated = await tx.user.update({
        where: { id: record.id },
        data: { disabledAt: input.disabled ? ctx.now() : null },
        select: USER_AUDIT_SELECT,
      });
      // Signed-in browsers of a disabled user stop working at once.
      if (input.disabled) await tx.session.deleteMany({ where: { userId: record.id } });
      await audit(tx, {
        action: input.disabled ? AUDIT_ACTIONS.userDisable : AUDIT_ACTIONS.userEnable,
        entityType: "user",
        entityId: record.id,
        laNumber: record.laNumber,
        before: record,
        after: updated,
      });
      return updated;
    });
    return {
      message: input.disabled ? `${after.name} has been disabled and signed out` : `${after.name} can sign in again`,
      revalidate: [USERS_PATH, `${USERS_PATH}/${record.id}`],
    };
  },
} satisfies ActionDefinition<"users.manage", z.infer<typeof userTargetSchema>, typeof setUserDisabledSchema, UserRow>;
