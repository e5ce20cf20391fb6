// What the charts show, as a plain GET form: the choice lands in the URL, so a link or a reload
// reproduces the view, and it works without JavaScript.
import { FilterForm } from "@/components/govuk";
import type { DashboardView } from "@/lib/dashboard/indicators";
import { BY_PERIOD } from "@/lib/dashboard/neighbour-models";
import type { ViewError } from "@/lib/dashboard/view-schema";

const COMPARATORS = [
  { value: "median", text: "Median" },
  { value: "mean", text: "Mean" },
];

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
  return (
    <FilterForm
      action={`${action}#charts`}
      label="Choose what the charts show"
      className="mb-6 grid grid-cols-[minmax(0,1fr)] gap-x-6 desktop:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)_minmax(0,1.5fr)_auto] desktop:items-end"
      errors={errors}
      fields={[
        {
          name: "indicator",
          label: "Indicator",
          value: view.indicator,
          className: "w-full",
          options: indicators.map((i) => ({ value: i.id, text: i.label })),
        },
        { name: "comparator", label: "Compare with neighbours'", value: view.comparator, className: "w-full", options: COMPARATORS },
        {
          name: "year",
          label: "Year for the all-authority chart",
          value: String(view.year),
          className: "w-full",
          options: [...years].reverse().map((y) => ({ value: String(y), text: yearLabel(y) })),
        },
        {
          name: "grouping",
          label: "Statistical neighbour grouping",
          value: view.grouping ?? BY_PERIOD,
          className: "w-full",
          options: [
            { value: BY_PERIOD, text: "In force when each figure was published" },
            ...groupings.map((g) => ({ value: g.id, text: `DfE, ${g.label}` })),
          ],
        },
      ]}
      submit={{ label: "Update charts", className: "mb-6 desktop:mb-[30px]", flush: true }}
    />
  );
}
