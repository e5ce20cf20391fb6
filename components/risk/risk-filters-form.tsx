// Filters of the national risk page: a plain GET form, so the URL holds the state and it works
// without JavaScript. The current sort is carried through hidden fields.
import { Button, Select } from "@/components/govuk";
import { RISK_INDICATOR_IDS, RISK_INDICATORS } from "@/lib/risk/config";
import { FLAG_KIND_LABELS, FLAG_KINDS } from "@/lib/risk/rules";
import { RISK_JUDGEMENT_FILTERS, type RiskFilterError, type RiskFilterValues } from "@/lib/validation/risk-filters";

const JUDGEMENT_OPTIONS: Record<(typeof RISK_JUDGEMENT_FILTERS)[number], string> = {
  OUTSTANDING: "Outstanding",
  GOOD: "Good",
  REQUIRES_IMPROVEMENT: "Requires improvement to be good",
  INADEQUATE: "Inadequate",
  NONE: "Not yet judged",
};

type Props = { filters: RiskFilterValues; errors: RiskFilterError[]; regions: { code: string; name: string }[] };

export function RiskFiltersForm({ filters, errors, regions }: Props) {
  const error = (field: RiskFilterError["field"]) => errors.find((e) => e.field === field)?.message;
  return (
    <form method="get" action="/risk" className="mb-6 grid gap-x-6 tablet:grid-cols-2 desktop:grid-cols-3" role="search" aria-label="Filter local authorities by risk">
      <Select
        id="region"
        name="region"
        label="Region"
        defaultValue={filters.region ?? ""}
        error={error("region")}
        options={[{ value: "", text: "All regions" }, ...regions.map((r) => ({ value: r.code, text: r.name }))]}
      />
      <Select
        id="judgement"
        name="judgement"
        label="Current Ofsted judgement"
        defaultValue={filters.judgement ?? ""}
        error={error("judgement")}
        options={[{ value: "", text: "Any judgement" }, ...RISK_JUDGEMENT_FILTERS.map((j) => ({ value: j, text: JUDGEMENT_OPTIONS[j] }))]}
      />
      <Select
        id="indicator"
        name="indicator"
        label="Flagged indicator"
        defaultValue={filters.indicator ?? ""}
        error={error("indicator")}
        options={[{ value: "", text: "Any indicator" }, ...RISK_INDICATOR_IDS.map((id) => ({ value: id, text: RISK_INDICATORS[id].shortLabel }))]}
      />
      <Select
        id="kind"
        name="kind"
        label="Kind of flag"
        defaultValue={filters.kind ?? ""}
        error={error("kind")}
        options={[{ value: "", text: "Any kind" }, ...FLAG_KINDS.map((k) => ({ value: k, text: FLAG_KIND_LABELS[k] }))]}
      />
      <Select
        id="severity"
        name="severity"
        label="Severity"
        defaultValue={filters.severity ?? ""}
        error={error("severity")}
        options={[
          { value: "", text: "Red or amber" },
          { value: "red", text: "Red" },
          { value: "amber", text: "Amber" },
        ]}
      />
      {filters.sort ? <input type="hidden" name="sort" value={filters.sort} /> : null}
      {filters.order ? <input type="hidden" name="order" value={filters.order} /> : null}
      <div className="mb-6 desktop:self-end desktop:mb-[30px]">
        <Button type="submit" variant="secondary" className="mb-0">
          Apply filters
        </Button>
      </div>
    </form>
  );
}
