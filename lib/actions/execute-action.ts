// The one server-action pipeline, independent of Next.js so integration tests run it with real
// sessions: session → locate and authorise this record → zod safeParse → handler → revalidatePath.
// lib/actions/safe-action.ts binds it to the request (defineAction) for "use server" modules.
//
// Rules it enforces for every action:
// - every action needs a signed-in, enabled user — even on a public resource (public pages are
//   read-only and have no actions);
// - nobody reaches a handler without a session and a `can(user, permission, resource)` for the
//   very record being changed (not just "is a team manager"), and every refusal is audited;
// - the form is validated only after authorisation, so refused callers learn nothing about it;
// - the caller gets { ok: true, message } or { ok: false, message, fieldErrors } — never an
//   exception's message (unexpected errors are logged on the server and reported generically).
import { z } from "zod";
import type { AuditOutcome } from "@/lib/generated/prisma/enums";
import { recordAudit, type AuditEntry, type AuditWriter } from "@/lib/auth/audit";
import { clientIp, type AuthContext } from "@/lib/auth/context";
import { BIDI_FIELD_MESSAGE, hasBidiControl } from "@/lib/core/text";
import { auditRefusal } from "@/lib/auth/guards";
import { recordAnonymousRefusal } from "@/lib/auth/refusal-tally";
import { authorize, type Permission, type Resource, type ResourceFor } from "@/lib/auth/permissions";
import { requestUser, type SessionUser } from "@/lib/auth/session";
import { echoValues, formDataToObject, type RawForm } from "@/lib/core/form-data";
import { fieldErrorsFrom, type ActionConflict, type ActionResult, type FieldErrors } from "@/lib/core/form-result";

export type { ActionConflict, ActionResult, ActionState, ConflictField, FieldErrors } from "@/lib/core/form-result";
export { fieldErrorsFrom } from "@/lib/core/form-result";

/** What executeAction hands back to defineAction, which performs the redirect outside any try/catch. */
export type ActionOutcome = ActionResult | { ok: true; message: string; redirectTo: string };

export const ACTION_MESSAGES = {
  signedOut: "Your session has ended. Sign in again to continue.",
  refused: "You do not have permission to do that.",
  notFound: "The record you were changing no longer exists.",
  invalid: "There is a problem with what you entered.",
  unexpected: "Sorry, there is a problem with the service. Nothing was saved. Try again later.",
} as const;

type AuditFields = Omit<AuditEntry, "actor" | "ip" | "at" | "outcome"> & { outcome?: AuditOutcome };

export type HandlerArgs<P extends Permission, Input, Target, Rec> = {
  input: Input;
  target: Target;
  /** Whatever `locate` loaded (e.g. the current row, for before/after). */
  record: Rec;
  resource: ResourceFor<P>;
  user: SessionUser;
  ctx: AuthContext;
  /** Records a data change as this user, now, from this IP; pass the transaction client. */
  audit: (client: AuditWriter, entry: AuditFields) => Promise<void>;
};

export type HandlerResult =
  | { ok?: true; message: string; revalidate?: string[]; redirectTo?: string }
  /** A rule only the handler can check (e.g. "email already in use"): nothing was saved. */
  | {
      ok: false;
      message: string;
      fieldErrors?: FieldErrors;
      conflict?: ActionConflict;
      /** Form values to show instead of what was posted (e.g. after a merge: their changes to the fields you left alone). */
      values?: RawForm;
    };

export type Located<P extends Permission, Rec> = { resource: ResourceFor<P>; record: Rec };

export type ActionDefinition<P extends Permission, Target, Schema extends z.ZodType, Rec> = {
  /** For logs, e.g. "user.update". */
  name: string;
  permission: P;
  /** The ids that say which record this is (hidden fields or bound values), parsed before authorising. */
  target: z.ZodType<Target>;
  /** Finds the record and the resource the policy decides on; null when it does not exist. */
  locate: (target: Target, ctx: AuthContext) => Promise<Located<P, Rec> | null>;
  /**
   * The form's schema, shared with the form component. A function when the rules depend on the
   * record or the database (e.g. "one of this plan's priorities"); it runs after authorisation.
   */
  schema: Schema | ((located: { record: Rec; ctx: AuthContext }) => Schema | Promise<Schema>);
  /** Fields never echoed back to the form (passwords). */
  sensitive?: readonly string[];
  handler: (args: HandlerArgs<P, z.output<Schema>, Target, Rec>) => Promise<HandlerResult>;
};

/** `locate` for actions that are not about one record (e.g. create a user → { kind: "users" }). */
export function fixedResource<P extends Permission>(resource: ResourceFor<P>): () => Promise<Located<P, undefined>> {
  return async () => ({ resource, record: undefined });
}

/** Permission, target and `locate` of an action that is not about one record: no target fields, one fixed resource. */
export function onFixedResource<P extends Permission>(permission: P, resource: ResourceFor<P>) {
  return { permission, target: z.object({}), locate: fixedResource<P>(resource) };
}

const NUL_MESSAGE = "Remove the hidden null character from this field (it often comes from copying text out of another program)";

/** Whether a value (a string, or any nesting of arrays and objects of them) contains U+0000. */
function hasNul(value: unknown): boolean {
  if (typeof value === "string") return value.includes("\u0000");
  if (Array.isArray(value)) return value.some(hasNul);
  if (typeof value === "object" && value !== null && !(value instanceof Date)) return Object.values(value).some(hasNul);
  return false;
}

function isNextControlFlow(error: unknown): boolean {
  return (
    typeof error === "object" && error !== null && "digest" in error && typeof error.digest === "string" && error.digest.startsWith("NEXT_")
  );
}

export async function executeAction<P extends Permission, Target, Schema extends z.ZodType, Rec>(
  definition: ActionDefinition<P, Target, Schema, Rec>,
  ctx: AuthContext,
  formData: FormData,
): Promise<ActionOutcome> {
  const raw = formDataToObject(formData);
  const where = { action: definition.name };

  // 1. Session
  const user = await requestUser(ctx);

  // 2. Which record, and may this user do this to it?
  const target = definition.target.safeParse(raw);
  let located: Located<P, Rec> | null = null;
  try {
    // An id with a NUL in it cannot exist (and PostgreSQL would refuse to look it up): not found.
    located = target.success && !hasNul(target.data) ? await definition.locate(target.data, ctx) : null;
  } catch (error) {
    console.error(`[action ${definition.name}] could not load its record`, error);
    return { ok: false, message: ACTION_MESSAGES.unexpected, fieldErrors: {} };
  }
  if (!user) {
    // Anyone can POST here: the first anonymous refusal per address, action and minute is a full
    // audit row, the rest of that minute one row with a count (lib/auth/refusal-tally.ts).
    if (located) {
      const resource = located.resource as Resource;
      await recordAnonymousRefusal(ctx.db, {
        permission: definition.permission,
        resource,
        laNumber: resource.kind === "plan" || resource.kind === "risk" ? resource.laNumber : null,
        action: definition.name,
        ip: clientIp(ctx.headers),
        at: ctx.now(),
      });
    }
    return { ok: false, message: ACTION_MESSAGES.signedOut, fieldErrors: {} };
  }
  if (!target.success || !located) return { ok: false, message: ACTION_MESSAGES.notFound, fieldErrors: {} };
  const decision = authorize(user, definition.permission, located.resource);
  if (!decision.allowed) {
    await auditRefusal(ctx, user, definition.permission, located.resource, decision.reason, where);
    return { ok: false, message: ACTION_MESSAGES.refused, fieldErrors: {} };
  }

  // 3. Validate the form
  const values = echoValues(raw, definition.sensitive ?? []);
  let schema: Schema;
  try {
    schema = typeof definition.schema === "function" ? await definition.schema({ record: located.record, ctx }) : definition.schema;
  } catch (error) {
    console.error(`[action ${definition.name}] could not build its schema`, error);
    return { ok: false, message: ACTION_MESSAGES.unexpected, fieldErrors: {}, values };
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { ok: false, message: ACTION_MESSAGES.invalid, fieldErrors: fieldErrorsFrom(parsed.error), values };
  // PostgreSQL text cannot hold U+0000: valid text with a NUL in it would fail the save with a
  // database error, so it is a field error on each field that has one (found by the action fuzz).
  if (hasNul(parsed.data)) {
    const fields = Object.keys(raw).filter((key) => hasNul(raw[key]));
    return {
      ok: false,
      message: ACTION_MESSAGES.invalid,
      fieldErrors: Object.fromEntries(fields.map((key) => [key, NUL_MESSAGE])),
      values,
    };
  }

  // Invisible text-direction controls could make saved text display in a misleading order: refused in
  // every submitted field (lib/core/text.ts; the field helpers give labelled messages first).
  const bidiFields = Object.keys(raw).filter((key) => !(definition.sensitive ?? []).includes(key) && hasBidiControl(raw[key]));
  if (bidiFields.length > 0) {
    return {
      ok: false,
      message: ACTION_MESSAGES.invalid,
      fieldErrors: Object.fromEntries(bidiFields.map((key) => [key, BIDI_FIELD_MESSAGE])),
      values,
    };
  }

  // 4. Do it
  const ip = clientIp(ctx.headers);
  const audit: HandlerArgs<P, unknown, Target, Rec>["audit"] = (client, entry) =>
    recordAudit(client, { outcome: "SUCCESS", ...entry, actor: { id: user.id, email: user.email, role: user.role }, ip, at: ctx.now() });
  let result: HandlerResult;
  try {
    result = await definition.handler({
      input: parsed.data,
      target: target.data,
      record: located.record,
      resource: located.resource,
      user,
      ctx,
      audit,
    });
  } catch (error) {
    if (isNextControlFlow(error)) throw error;
    console.error(`[action ${definition.name}] failed`, error);
    return { ok: false, message: ACTION_MESSAGES.unexpected, fieldErrors: {}, values };
  }
  if (result.ok === false) {
    const shown = result.values ? { ...values, ...echoValues(result.values, definition.sensitive ?? []) } : values;
    return {
      ok: false,
      message: result.message,
      fieldErrors: result.fieldErrors ?? {},
      values: shown,
      ...(result.conflict ? { conflict: result.conflict } : {}),
    };
  }

  // 5. Refresh what changed
  for (const path of result.revalidate ?? []) ctx.revalidatePath(path);
  return result.redirectTo ? { ok: true, message: result.message, redirectTo: result.redirectTo } : { ok: true, message: result.message };
}
