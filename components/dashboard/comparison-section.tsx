// Every LA for the chosen indicator and year, ranked, with this LA and its neighbours highlighted.
import type { ReactNode } from "react";
import { LazyComparisonChart } from "@/components/charts/lazy-charts";
import { ChartFigure } from "@/components/charts/svg-frame";
import type { ComparisonBar } from "@/components/charts/chart-types";
import { Heading, Paragraph } from "@/components/govuk";
import type { Dashboard } from "@/lib/dashboard/build";
import { cellText } from "@/lib/dashboard/build";
import { ordinal } from "@/lib/dashboard/rank";
import { ChartData } from "./data-table";
import { dashboardLinks } from "./links";
import { unitSuffix } from "@/lib/core/values";

/** The all-authority chart's bars and words, for the drawn chart and the interactive one alike. */
export function comparisonChart(dashboard: Dashboard) {
  const { comparison: c, la } = dashboard;
  const bars: ComparisonBar[] = c.units.flatMap((u) =>
    u.rank && u.figure.value !== null
      ? [{ key: u.key, name: u.name, value: u.figure.value, text: u.figure.raw, group: u.role, offScale: u.offScale }]
      : [],
  );
  const subject = c.units.find((u) => u.role === "subject");
  const title = `${c.meta.label}, ${c.periodText}: every local authority, ranked`;
  const description = subject?.rank
    ? `${la.name} is ${subject.rank.tied ? "joint " : ""}${ordinal(subject.rank.rank)} of ${subject.rank.of} with ${subject.figure.raw}${unitSuffix(c.meta.unit)}.`
    : `${la.name} has no ranked figure for ${c.periodText}${subject?.figure.marker ? ` (published as "${subject.figure.marker}")` : ""}.`;
  return {
    title,
    description,
    unit: c.meta.unit,
    bars,
    england: c.england && c.england.value !== null ? { value: c.england.value, text: cellText(c.england) } : null,
    limit: c.offScaleLimit,
  };
}

/**
 * `drawn` and `data`: the server-drawn chart and its table twin with the CSV link (the published parts
 * "comparison-svg" and "comparison-data", components/dashboard/published-parts.tsx).
 */
export function ComparisonSection({ dashboard, drawn, data }: { dashboard: Dashboard; drawn: ReactNode; data: ReactNode }) {
  const { comparison: c, la } = dashboard;
  const chart = comparisonChart(dashboard);
  const { title, description } = chart;
  const offScale = c.units.filter((u) => u.offScale);
  const unranked = c.units.filter((u) => !u.rank);
  return (
    <section aria-labelledby="compare-heading" className="mb-8">
      <Heading level={3} size="m" id="compare-heading">
        {c.meta.label}: all local authorities, {c.periodText}
      </Heading>
      <Paragraph size="s">
        {c.ranked} figures are ranked{c.meta.polarity === "HIGHER_IS_BETTER" ? ", highest first" : ", lowest first"}; a joint return counts
        once.
      </Paragraph>
      <ul className="govuk-list govuk-body-s mb-2 flex flex-wrap gap-x-6">
        <li>
          <span aria-hidden="true" className="mr-2 inline-block h-3 w-5 border border-govuk-text bg-govuk-blue align-middle" />
          {la.name}
        </li>
        <li>
          <span aria-hidden="true" className="mr-2 inline-block h-3 w-5 bg-govuk-light-blue align-middle" />
          Statistical neighbours
        </li>
        <li>
          <span aria-hidden="true" className="mr-2 inline-block h-3 w-5 bg-govuk-mid-grey align-middle" />
          Other authorities
        </li>
      </ul>
      <ChartFigure
        title={title}
        chart={<LazyComparisonChart {...chart} drawn={drawn} />}
        caption={
          <>
            {description} Hover over a bar for its figure; once the page&apos;s JavaScript has loaded, focus the chart and use the arrow
            keys to read each authority.
            {offScale.length > 0
              ? ` ${offScale.map((u) => `${u.name} (${u.figure.raw})`).join(", ")} ${offScale.length === 1 ? "is" : "are"} far beyond the others and drawn to the top edge, off the scale; the table gives the figure.`
              : ""}
            {unranked.length > 0
              ? ` ${unranked.length} ${unranked.length === 1 ? "authority has" : "authorities have"} a marker instead of a figure and ${unranked.length === 1 ? "is" : "are"} listed in the table, not drawn.`
              : ""}
          </>
        }
      />
      {data}
    </section>
  );
}

/** The all-authority chart's table twin and CSV download. */
export function ComparisonData({ dashboard }: { dashboard: Dashboard }) {
  const { comparison: c } = dashboard;
  const links = dashboardLinks(dashboard);
  return (
    <ChartData
      id="compare-table"
      csvHref={links.csv("compare", links.query)}
      table={c.table}
      caption={`${c.meta.label}, ${c.periodText}, all local authorities ranked`}
      numericColumns={[3]}
      firstCellIsHeader={false}
      testId="compare-table"
    />
  );
}
