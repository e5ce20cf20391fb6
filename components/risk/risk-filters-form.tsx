// Filters of the national risk page: a plain GET form, so the URL holds the state and it works
// without JavaScript. The current sort is carried through hidden fields. For DfE analysts it also
// filters by triage status (the `triage` prop); nobody else sees that field.
import { Button, Select } from "@/components/govuk";
import { JUDGEMENT_FILTER_LABELS } from "@/lib/catalogue/judgements";
import { RISK_INDICATOR_IDS, RISK_INDICATORS } from "@/lib/risk/config";
import { FLAG_KIND_LABELS, FLAG_KINDS } from "@/lib/risk/rules";
import { INBOX_STATUS_FILTER_LABELS, INBOX_STATUS_FILTERS, type InboxStatusFilter } from "@/lib/triage/inbox";
import { RISK_JUDGEMENT_FILTERS, type RiskFilterError, type RiskFilterValues } from "@/lib/risk/filters";

const JUDGEMENT_OPTIONS: Record<(typeof RISK_JUDGEMENT_FILTERS)[number], string> = JUDGEMENT_FILTER_LABELS;

/** The analysts' inbox adds a triage status filter and its own sorts (DfE analysts only). */
type TriageFilter = { status?: InboxStatusFilter; error?: string; sort?: string };

type Props = { filters: RiskFilterValues; errors: RiskFilterError[]; regions: { code: string; name: string }[]; triage?: TriageFilter };

export function RiskFiltersForm({ filters, errors, regions, triage }: Props) {
  const error = (field: RiskFilterError["field"]) => errors.find((e) => e.field === field)?.message;
  const sort = triage?.sort ?? filters.sort;
  return (
    <form
      method="get"
      action="/risk"
      className="mb-6 grid gap-x-6 tablet:grid-cols-2 desktop:grid-cols-3"
      role="search"
      aria-label="Filter local authorities by risk"
    >
      {triage ? (
        <Select
          id="status"
          name="status"
          label="Triage status"
          defaultValue={triage.status ?? ""}
          error={triage.error}
          options={[
            { value: "", text: "Any status" },
            ...INBOX_STATUS_FILTERS.map((s) => ({ value: s, text: INBOX_STATUS_FILTER_LABELS[s] })),
          ]}
        />
      ) : null}
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
        options={[
          { value: "", text: "Any indicator" },
          ...RISK_INDICATOR_IDS.map((id) => ({ value: id, text: RISK_INDICATORS[id].shortLabel })),
        ]}
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
      {sort ? <input type="hidden" name="sort" value={sort} /> : null}
      {filters.order ? <input type="hidden" name="order" value={filters.order} /> : null}
      <div className="mb-6 desktop:self-end desktop:mb-[30px]">
        <Button type="submit" variant="secondary" className="mb-0">
          Apply filters
        </Button>
      </div>
    </form>
  );
}
