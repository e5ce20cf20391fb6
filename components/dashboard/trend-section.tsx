// The time series of the chosen indicator: chart (client, lazy), what is marked on it in words,
// the table twin and its CSV download.
import type { ReactNode } from "react";
import { LazyTrendChart } from "@/components/charts/lazy-charts";
import { ChartFigure } from "@/components/charts/svg-frame";
import { Heading, List, Paragraph } from "@/components/govuk";
import type { Dashboard } from "@/lib/dashboard/build";
import { formatIsoDate } from "@/lib/dashboard/format";
import { periodShort } from "@/lib/dashboard/periods";
import { UNIT_LABELS, unitSuffix } from "@/lib/core/values";
import { TrendLegend } from "./chart-legend";
import { ChartData } from "./data-table";
import { dashboardLinks } from "./links";
import { viewQuery } from "@/lib/dashboard/view-schema";

/** The trend chart's figures and words, for the drawn chart and the interactive one alike. */
export function trendChart(dashboard: Dashboard) {
  const { trend, la } = dashboard;
  const names = { la: la.name, england: "England", region: la.regionName, comparator: `Neighbours' ${trend.comparator} (computed)` };
  const title = `${trend.meta.label}: ${la.name} compared with England, ${la.regionName} and its statistical neighbours' ${trend.comparator}`;
  const plotted = trend.points.filter((p) => p.la !== null);
  const unit = unitSuffix(trend.meta.unit);
  const withUnit = (t: string) => (/^-?[\d.]+$/.test(t) ? `${t}${unit}` : t);
  const description = plotted.length
    ? `${plotted.length} years plotted for ${la.name}, ${plotted[0]!.label} to ${plotted.at(-1)!.label}. Latest ${withUnit(plotted.at(-1)!.laText)}, England ${withUnit(plotted.at(-1)!.englandText)}.`
    : `No figures plotted for ${la.name}.`;
  return {
    title,
    description,
    unit: trend.meta.unit,
    points: trend.points,
    names,
    annotations: trend.annotations,
    inspections: trend.inspections,
    domain: trend.domain,
  };
}

/**
 * `drawn` and `data`: the server-drawn chart and its table twin with the CSV link (the published parts
 * "trend-svg" and "trend-data", components/dashboard/published-parts.tsx).
 */
export function TrendSection({ dashboard, drawn, data }: { dashboard: Dashboard; drawn: ReactNode; data: ReactNode }) {
  const { trend } = dashboard;
  const chart = trendChart(dashboard);
  const { title, description, names } = chart;
  return (
    <section aria-labelledby="trend-heading" className="mb-8">
      <Heading level={3} size="m" id="trend-heading">
        {trend.meta.label} over time
      </Heading>
      <Paragraph size="s">
        {UNIT_LABELS[trend.meta.unit] ? `Unit: ${UNIT_LABELS[trend.meta.unit]}. ` : ""}
        {trend.meta.polarity === "HIGHER_IS_WORSE"
          ? "Lower is better."
          : trend.meta.polarity === "HIGHER_IS_BETTER"
            ? "Higher is better."
            : "Neither higher nor lower is better in itself."}{" "}
        The neighbours&apos; {trend.comparator} is worked out by us from the published figures of the neighbours with a number that year; it
        is not a published figure.
      </Paragraph>
      {trend.groupings.length > 0 ? (
        <p className="govuk-body-s" data-testid="trend-groupings">
          Statistical neighbours:{" "}
          {trend.groupings
            .map((g) => {
              const from = periodShort(trend.meta.series, g.periods[0]!);
              const to = periodShort(trend.meta.series, g.periods.at(-1)!);
              const why = g.chosen ? " (your choice)" : g.beforeFirst ? " (published after these figures: the earliest grouping held)" : "";
              return `DfE's ${g.label} grouping for ${from === to ? from : `${from} to ${to}`}${why}`;
            })
            .join("; ")}
          .
          {trend.groupings.some((g) => g.chosen)
            ? ""
            : " Each year is compared with the grouping in force when its figures were published."}
        </p>
      ) : null}
      <TrendLegend names={names} />
      <ChartFigure
        title={title}
        chart={<LazyTrendChart {...chart} drawn={drawn} />}
        caption={
          <>
            {description} Hover over a point for its figures; once the page&apos;s JavaScript has loaded, focus the chart and use the left
            and right arrow keys to read each year.
          </>
        }
      />
      {trend.inspections.length > 0 || trend.annotations.length > 0 ? (
        <>
          <Heading level={4} size="s">
            Marked on the chart
          </Heading>
          <List type="bullet" className="govuk-body-s">
            {trend.inspections.map((m) => (
              <li key={m.date}>
                Ofsted {m.typeLabel.toLowerCase()} on {formatIsoDate(m.date)}: overall effectiveness {m.label} (vertical line).
              </li>
            ))}
            {trend.annotations.map((a, i) => (
              <li key={i}>
                {a.kind === "covid" ? `${a.text} (shaded band)` : a.kind === "boundary" ? `${a.text} (red dashed line)` : a.text}
              </li>
            ))}
          </List>
        </>
      ) : null}
      {data}
    </section>
  );
}

/** The trend chart's table twin and CSV download. */
export function TrendData({ dashboard }: { dashboard: Dashboard }) {
  const { trend, la, view } = dashboard;
  const links = dashboardLinks(dashboard);
  return (
    <ChartData
      id="trend-table"
      csvHref={links.csv("trend", viewQuery(view, links.latestYear, { year: links.latestYear }))}
      table={trend.table}
      caption={`${trend.meta.label} — ${la.name}, England, ${la.regionName} and neighbours' ${trend.comparator}`}
      numericColumns={[1, 2, 3, 4]}
      testId="trend-table"
    />
  );
}
