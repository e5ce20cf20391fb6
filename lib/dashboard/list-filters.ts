// URL filters of the LA list (`/?q=…&region=…&judgement=…`). Bad values are reported to the user
// and ignored, never thrown.
import { z } from "zod";
import { JUDGEMENT_FILTER_VALUES } from "@/lib/catalogue/judgements";

export const JUDGEMENT_FILTERS = JUDGEMENT_FILTER_VALUES;

const listFilterSchema = z.object({
  q: z.string().trim().max(100, "Search must be 100 characters or fewer").optional(),
  region: z
    .string()
    .regex(/^E12\d{6}$/, "Choose a region from the list")
    .optional(),
  judgement: z.enum(JUDGEMENT_FILTERS, { error: "Choose an Ofsted judgement from the list" }).optional(),
});

export type ListFilterValues = z.infer<typeof listFilterSchema>;
export type FilterError = { field: keyof ListFilterValues; message: string };

type RawParams = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export function parseListFilters(raw: RawParams): { filters: ListFilterValues; errors: FilterError[] } {
  const filters: ListFilterValues = {};
  const errors: FilterError[] = [];
  for (const field of ["q", "region", "judgement"] as const) {
    const value = first(raw[field]);
    if (value === undefined || value === "") continue;
    const parsed = listFilterSchema.shape[field].safeParse(value);
    if (parsed.success) Object.assign(filters, { [field]: parsed.data });
    else errors.push({ field, message: parsed.error.issues[0]?.message ?? "Invalid value" });
  }
  return { filters, errors };
}
