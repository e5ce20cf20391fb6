// URL filters and sort of the national risk page (`/risk?region=…&judgement=…&indicator=…&kind=…&severity=…&sort=…&order=…`)
// and its CSV download. Bad values are reported to the user (GOV.UK error summary) and ignored, never thrown.
import { z } from "zod";
import { JUDGEMENT_FILTER_VALUES } from "@/lib/catalogue/judgements";
import { parseQueryFields, type QueryFieldError, type RawParams } from "@/lib/core/url-query";
import { RISK_INDICATOR_IDS } from "@/lib/risk/config";
import { RISK_QUERY_FIELDS, RISK_SORT_KEYS } from "@/lib/risk/national";
import { FLAG_KINDS } from "@/lib/risk/rules";

export const RISK_JUDGEMENT_FILTERS = JUDGEMENT_FILTER_VALUES;

const riskFilterSchema = z.object({
  region: z.string().regex(/^E12\d{6}$/, "Choose a region from the list"),
  judgement: z.enum(RISK_JUDGEMENT_FILTERS, { error: "Choose an Ofsted judgement from the list" }),
  indicator: z.enum(RISK_INDICATOR_IDS, { error: "Choose a flagged indicator from the list" }),
  kind: z.enum(FLAG_KINDS, { error: "Choose a kind of flag from the list" }),
  severity: z.enum(["red", "amber"], { error: "Choose red or amber" }),
  sort: z.enum(RISK_SORT_KEYS, { error: "Sort by one of the table's columns" }),
  order: z.enum(["asc", "desc"], { error: "Sort order must be ascending or descending" }),
});

export type RiskFilterValues = Partial<z.infer<typeof riskFilterSchema>>;
type RiskFilterField = keyof z.infer<typeof riskFilterSchema>;
export type RiskFilterError = QueryFieldError<RiskFilterField>;

const RISK_FILTER_FIELDS = RISK_QUERY_FIELDS satisfies readonly RiskFilterField[];

export function parseRiskFilters(raw: RawParams): { filters: RiskFilterValues; errors: RiskFilterError[] } {
  const { values, errors } = parseQueryFields(raw, riskFilterSchema.shape, RISK_FILTER_FIELDS);
  return { filters: values, errors };
}
