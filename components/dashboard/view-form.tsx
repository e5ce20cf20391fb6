// What the charts show, as a plain GET form: the choice lands in the URL, so a link or a reload
// reproduces the view, and it works without JavaScript.
import { Button, Select } from "@/components/govuk";
import type { DashboardView } from "@/lib/dashboard/indicators";
import { BY_PERIOD } from "@/lib/dashboard/neighbour-models";
import type { ViewError } from "@/lib/dashboard/view-schema";

type Props = {
  action: string;
  view: DashboardView;
  indicators: { id: string; label: string }[];
  years: number[];
  yearLabel: (year: number) => string;
  /** DfE's statistical-neighbour groupings held, oldest first */
  groupings: { id: string; label: string }[];
  errors: ViewError[];
};

export function ViewForm({ action, view, indicators, years, yearLabel, groupings, errors }: Props) {
  const error = (field: ViewError["field"]) => errors.find((e) => e.field === field)?.message;
  return (
    <form
      method="get"
      action={`${action}#charts`}
      className="mb-6 grid grid-cols-[minmax(0,1fr)] gap-x-6 desktop:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)_minmax(0,1.5fr)_auto] desktop:items-end"
      aria-label="Choose what the charts show"
    >
      <Select
        id="indicator"
        name="indicator"
        label="Indicator"
        defaultValue={view.indicator}
        className="w-full"
        error={error("indicator")}
        options={indicators.map((i) => ({ value: i.id, text: i.label }))}
      />
      <Select
        id="comparator"
        name="comparator"
        label="Compare with neighbours'"
        defaultValue={view.comparator}
        className="w-full"
        error={error("comparator")}
        options={[
          { value: "median", text: "Median" },
          { value: "mean", text: "Mean" },
        ]}
      />
      <Select
        id="year"
        name="year"
        label="Year for the all-authority chart"
        defaultValue={String(view.year)}
        className="w-full"
        error={error("year")}
        options={[...years].reverse().map((y) => ({ value: String(y), text: yearLabel(y) }))}
      />
      <Select
        id="grouping"
        name="grouping"
        label="Statistical neighbour grouping"
        defaultValue={view.grouping ?? BY_PERIOD}
        className="w-full"
        error={error("grouping")}
        options={[
          { value: BY_PERIOD, text: "In force when each figure was published" },
          ...groupings.map((g) => ({ value: g.id, text: `DfE, ${g.label}` })),
        ]}
      />
      <div className="mb-6 desktop:mb-[30px]">
        <Button type="submit" variant="secondary" className="mb-0">
          Update charts
        </Button>
      </div>
    </form>
  );
}
