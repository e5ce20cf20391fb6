// URL filters of the audit log (/admin/audit?action=…&outcome=…&actor=…&la=…&from=…&to=…&page=…).
// Bad values are reported to the admin and ignored, never thrown.
import { z } from "zod";
import { AuditOutcome } from "@/lib/generated/prisma/enums";
import { parseQueryFields, type QueryFieldError, type RawParams } from "@/lib/core/url-query";

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a real date")
  .refine(
    (v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    "Enter a real date",
  );

const auditFilterSchema = z.object({
  action: z
    .string()
    .regex(/^[a-z_.]{1,60}$/, "Choose an event from the list")
    .optional(),
  outcome: z.enum(AuditOutcome, { error: "Choose an outcome from the list" }).optional(),
  actor: z.string().trim().max(100, "Email must be 100 characters or fewer").optional(),
  la: z
    .string()
    .regex(/^\d{3}$/, "Enter a 3-digit local authority number, like 330")
    .optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  page: z.coerce.number().int().min(1).max(10_000).optional(),
});

export type AuditFilters = z.infer<typeof auditFilterSchema>;
type AuditFilterError = QueryFieldError<keyof AuditFilters>;
const FIELDS = ["action", "outcome", "actor", "la", "from", "to", "page"] as const;

export function parseAuditFilters(raw: RawParams): { filters: AuditFilters; errors: AuditFilterError[] } {
  const parsed = parseQueryFields(raw, auditFilterSchema.shape, FIELDS, (value) => value.trim() === "");
  const filters: AuditFilters = parsed.values;
  // A bad page number just shows the first page.
  const errors = parsed.errors.filter((e) => e.field !== "page");
  if (filters.from && filters.to && filters.from > filters.to) {
    errors.push({ field: "to", message: "The end date must be the same as or after the start date" });
    delete filters.to;
  }
  return { filters, errors };
}
