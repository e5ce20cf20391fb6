// Filters of the national risk page: a plain GET form, so the URL holds the state and it works
// without JavaScript. The current sort is carried through hidden fields. For DfE analysts it also
// filters by triage status (the `triage` prop); nobody else sees that field.
import { FilterForm } from "@/components/govuk";
import { judgementFilterOptions } from "@/lib/catalogue/judgements";
import { regionOptions } from "@/lib/dashboard/list-filters";
import { RISK_INDICATOR_IDS, RISK_INDICATORS } from "@/lib/risk/config";
import { FLAG_KIND_LABELS, FLAG_KINDS } from "@/lib/risk/rules";
import { INBOX_STATUS_FILTER_LABELS, INBOX_STATUS_FILTERS, type InboxStatusFilter } from "@/lib/triage/inbox";
import { RISK_JUDGEMENT_FILTERS, type RiskFilterError, type RiskFilterValues } from "@/lib/risk/filters";

const SEVERITY_OPTIONS = [
  { value: "red", text: "Red" },
  { value: "amber", text: "Amber" },
];

/** The analysts' inbox adds a triage status filter and its own sorts (DfE analysts only). */
type TriageFilter = { status?: InboxStatusFilter; error?: string; sort?: string };

type Props = { filters: RiskFilterValues; errors: RiskFilterError[]; regions: { code: string; name: string }[]; triage?: TriageFilter };

export function RiskFiltersForm({ filters, errors, regions, triage }: Props) {
  return (
    <FilterForm
      action="/risk"
      label="Filter local authorities by risk"
      search
      className="mb-6 grid gap-x-6 tablet:grid-cols-2 desktop:grid-cols-3"
      errors={errors}
      fields={[
        triage
          ? {
              name: "status",
              label: "Triage status",
              value: triage.status,
              error: triage.error,
              any: "Any status",
              options: INBOX_STATUS_FILTERS.map((s) => ({ value: s, text: INBOX_STATUS_FILTER_LABELS[s] })),
            }
          : null,
        { name: "region", label: "Region", value: filters.region, any: "All regions", options: regionOptions(regions) },
        {
          name: "judgement",
          label: "Current Ofsted judgement",
          value: filters.judgement,
          any: "Any judgement",
          options: judgementFilterOptions(RISK_JUDGEMENT_FILTERS),
        },
        {
          name: "indicator",
          label: "Flagged indicator",
          value: filters.indicator,
          any: "Any indicator",
          options: RISK_INDICATOR_IDS.map((id) => ({ value: id, text: RISK_INDICATORS[id].shortLabel })),
        },
        {
          name: "kind",
          label: "Kind of flag",
          value: filters.kind,
          any: "Any kind",
          options: FLAG_KINDS.map((k) => ({ value: k, text: FLAG_KIND_LABELS[k] })),
        },
        { name: "severity", label: "Severity", value: filters.severity, any: "Red or amber", options: SEVERITY_OPTIONS },
        { name: "sort", hidden: true, value: triage?.sort ?? filters.sort },
        { name: "order", hidden: true, value: filters.order },
      ]}
      submit={{ label: "Apply filters", className: "mb-6 desktop:self-end desktop:mb-[30px]", flush: true }}
    />
  );
}
