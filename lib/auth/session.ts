// Who is making this request: the session cookie, checked against the session row in PostgreSQL
// (expired sessions are deleted), then the user's state (disabled, demo in production).
import { z } from "zod";
import { Role } from "@/lib/generated/prisma/enums";
import type { AuthContext } from "./context";
import type { Actor } from "./permissions";
import { isAccountUsable } from "./server";

export type SessionUser = Actor & {
  name: string;
  email: string;
  isDemo: boolean;
  /** The LA's name for dcs and team_manager. */
  laName: string | null;
  sessionId: string;
};

const sessionUserSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(Role),
  laNumber: z.string().nullish(),
  disabledAt: z.coerce.date().nullish(),
  isDemo: z.boolean().nullish(),
});

export async function getSessionUser(ctx: Pick<AuthContext, "auth" | "db" | "env" | "headers">): Promise<SessionUser | null> {
  const result = await ctx.auth.api.getSession({ headers: ctx.headers });
  if (!result) return null;
  const user = sessionUserSchema.safeParse(result.user);
  if (!user.success) return null;
  const { id, name, email, role, laNumber, disabledAt, isDemo } = user.data;
  if (!isAccountUsable({ disabledAt: disabledAt ?? null, isDemo: isDemo ?? false }, ctx.env)) return null;
  const la = laNumber ? await ctx.db.localAuthority.findUnique({ where: { laNumber }, select: { name: true } }) : null;
  return {
    id,
    name,
    email,
    role,
    laNumber: laNumber ?? null,
    isDemo: isDemo ?? false,
    laName: la?.name ?? null,
    sessionId: result.session.id,
  };
}
