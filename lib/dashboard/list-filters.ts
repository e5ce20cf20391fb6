// URL filters of the LA list (`/?q=…&region=…&judgement=…`). Bad values are reported to the user
// and ignored, never thrown.
import { z } from "zod";
import { JUDGEMENT_FILTER_VALUES } from "@/lib/catalogue/judgements";
import { parseQueryFields, type QueryFieldError, type RawParams } from "@/lib/core/url-query";

export const JUDGEMENT_FILTERS = JUDGEMENT_FILTER_VALUES;

const listFilterSchema = z.object({
  q: z.string().trim().max(100, "Search must be 100 characters or fewer").optional(),
  region: z
    .string()
    .regex(/^E12\d{6}$/, "Choose a region from the list")
    .optional(),
  judgement: z.enum(JUDGEMENT_FILTERS, { error: "Choose an Ofsted judgement from the list" }).optional(),
});

type ListFilterValues = z.infer<typeof listFilterSchema>;

export function parseListFilters(raw: RawParams): { filters: ListFilterValues; errors: QueryFieldError<keyof ListFilterValues>[] } {
  const { values, errors } = parseQueryFields(raw, listFilterSchema.shape, ["q", "region", "judgement"]);
  return { filters: values, errors };
}

/** The regions as a filter's options (code, name). */
export function regionOptions(regions: readonly { code: string; name: string }[]): { value: string; text: string }[] {
  return regions.map((r) => ({ value: r.code, text: r.name }));
}
