// One schema for the improvement-plan action form and the server action that saves it.
// Dates arrive as GOV.UK date inputs (day, month, year; ./field-schema.ts); numbers as text. `today` is injected so the
// "not in the past" rule is testable. The plan itself and its priorities: ./plan.ts.
import { z } from "zod";
import { withDateInputs } from "@/lib/core/date-input-schema";
import { dateField, optionalChoice, optionalDateField, requiredText, versionField } from "./field-schema";
import { bidiMessage, withoutBidi } from "@/lib/core/text";
import { ACTION_STATUSES, ACTION_THEMES, TITLE_MAX, type ActionStatus, type ActionTheme } from "@/lib/plans/labels";
import { OWNER_MAX, OWNER_MESSAGES, resolveOwner, type OwnerCandidate } from "./owner";

export { ACTION_STATUSES, ACTION_THEMES, type ActionStatus, type ActionTheme } from "@/lib/plans/labels";

const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .refine(withoutBidi, bidiMessage(label))
    .optional()
    .transform((s) => (s ? s : null));

const URL_LINE = /^https?:\/\/[^\s<>"']+$/i;

type PlanActionSchemaOptions = {
  /** yyyy-mm-dd; due and target dates may not be before it when creating */
  today: string;
  /** ids of indicators an action may link to */
  indicatorIds: readonly string[];
  mode: "create" | "edit";
  /** ids of the plan's priorities; when given, `priorityId` must be one of them */
  priorityIds?: readonly string[];
  /** the LA's users an action may be given to (./plan-owner.ts); another person or role may always be typed */
  owners?: readonly OwnerCandidate[];
};

/** The form's date inputs (each posted as three boxes). */
export const ACTION_DATE_FIELDS = ["startDate", "dueDate", "targetDate"] as const;

export function planActionSchema({ today, indicatorIds, mode, priorityIds, owners = [] }: PlanActionSchemaOptions) {
  return withDateInputs(
    ACTION_DATE_FIELDS,
    z
      .object({
        priorityId: z
          .string()
          .trim()
          .optional()
          .transform((s) => (s ? s : null))
          .refine((s) => !priorityIds || (s !== null && priorityIds.includes(s)), "Choose the priority this action belongs to"),
        title: requiredText("Enter a title", "Title", TITLE_MAX),
        description: optionalText("Description", 4000),
        theme: z.enum(Object.keys(ACTION_THEMES) as [ActionTheme, ...ActionTheme[]], { error: "Choose a theme" }),
        ofstedRecommendation: optionalText("The Ofsted recommendation", 1000),
        ownerUserId: z.string().trim().optional(),
        ownerOther: z.string().trim().max(OWNER_MAX, OWNER_MESSAGES.tooLong).refine(withoutBidi, bidiMessage("The owner")).optional(),
        startDate: dateField("start date"),
        dueDate: dateField("due date"),
        status: z.enum(Object.keys(ACTION_STATUSES) as [ActionStatus, ...ActionStatus[]], { error: "Choose a status" }),
        successMeasure: requiredText("Enter how you will know it worked", "Success measure", 1000),
        indicatorId: optionalChoice(indicatorIds, "Choose an indicator from the list"),
        target: z
          .string()
          .trim()
          .optional()
          .transform((s) => (s ? s : null))
          .refine((s) => s === null || /^-?\d+(\.\d+)?$/.test(s), "Target must be a number, like 18.5")
          .transform((s) => (s === null ? null : Number(s))),
        targetDate: optionalDateField("target date"),
        evidenceLinks: z
          .string()
          .optional()
          .transform((s) =>
            (s ?? "")
              .split(/\r?\n/)
              .map((l) => l.trim())
              .filter(Boolean),
          )
          .refine((links) => links.length <= 10, "Add no more than 10 evidence links")
          .refine(
            (links) => links.every((l) => l.length <= 500 && URL_LINE.test(l)),
            "Each evidence link must be a web address starting http:// or https://, one per line",
          ),
      })
      // The owner rule runs even when another field failed (e.g. no theme chosen), so the error
      // summary lists every problem at once; it reads the raw values defensively for that reason.
      .superRefine(
        (v, ctx) => {
          const text = (x: unknown) => (typeof x === "string" ? x : undefined);
          const owner = resolveOwner(text(v.ownerUserId), text(v.ownerOther), owners);
          if (!owner.ok) ctx.addIssue({ code: "custom", path: [owner.field], message: owner.message });
        },
        { when: (payload) => typeof payload.value === "object" && payload.value !== null },
      )
      .superRefine((v, ctx) => {
        if (v.dueDate < v.startDate)
          ctx.addIssue({ code: "custom", path: ["dueDate"], message: "The due date must be on or after the start date" });
        if (mode === "create" && v.dueDate < today)
          ctx.addIssue({ code: "custom", path: ["dueDate"], message: "The due date must be today or in the future" });
        if (v.indicatorId) {
          if (v.target === null) ctx.addIssue({ code: "custom", path: ["target"], message: "Enter a target for the linked indicator" });
          if (v.targetDate === null)
            ctx.addIssue({ code: "custom", path: ["targetDate"], message: "Enter a target date for the linked indicator" });
          else if (v.targetDate < v.startDate)
            ctx.addIssue({ code: "custom", path: ["targetDate"], message: "The target date must be on or after the start date" });
        } else if (v.target !== null || v.targetDate !== null) {
          ctx.addIssue({ code: "custom", path: ["indicatorId"], message: "Choose the indicator the target is for, or clear the target" });
        }
      })
      .transform(({ ownerUserId, ownerOther, ...rest }, ctx) => {
        // Only reached when superRefine found nothing wrong, so the owner resolves.
        const owner = resolveOwner(ownerUserId, ownerOther, owners);
        if (!owner.ok) {
          ctx.addIssue({ code: "custom", path: [owner.field], message: owner.message });
          return z.NEVER;
        }
        return { ...rest, owner: owner.owner };
      }),
  );
}

export type PlanActionInput = z.output<ReturnType<typeof planActionSchema>>;

const progressUpdateSchema = z.object({
  narrative: z
    .string({ error: "Enter an update" })
    .trim()
    .min(1, "Enter an update")
    .max(4000, "Update must be 4000 characters or fewer")
    .refine(withoutBidi, bidiMessage("Update")),
  status: z.enum(Object.keys(ACTION_STATUSES) as [ActionStatus, ...ActionStatus[]], { error: "Choose a status" }),
});

export const actionTargetSchema = z.object({ actionId: z.uuid() });

export const progressUpdateFormSchema = progressUpdateSchema.extend({ version: versionField });

export const completeActionSchema = z.object({
  version: versionField,
  narrative: z
    .string()
    .trim()
    .max(4000, "Completion note must be 4000 characters or fewer")
    .refine(withoutBidi, bidiMessage("Completion note"))
    .optional()
    .transform((s) => (s ? s : null)),
});

export const deleteActionSchema = z.object({ version: versionField });
