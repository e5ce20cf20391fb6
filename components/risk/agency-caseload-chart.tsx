"use client";

// Agency rate (x) against caseload (y), one point per workforce return, by Ofsted judgement; with its
// table twin built from the same points (so the figures travel to the browser once).
import dynamic from "next/dynamic";
import { WhenNearScreen } from "@/components/charts/when-near-screen";
import { useMemo, type ReactNode } from "react";
import { Details } from "@/components/govuk/details";
import type { ScatterPoint } from "@/lib/risk/national";
import { decodeFromServer, type Encoded } from "@/lib/risk/national-rows";
import { escapeHtml, htmlCache, tableHtml } from "@/components/govuk/html";
import { ChartRegion } from "@/components/charts/chart-region";
import { SCATTER_SERIES, SCATTER_VIEW } from "./chart-specs";

// recharts is fetched, and the chart drawn, only when the chart comes near the screen
// (components/risk/risk-plots.tsx, components/charts/when-near-screen.tsx).
const ScatterPlot = dynamic(() => import("./risk-plots").then((m) => m.ScatterPlot), { ssr: false });

const NAMES: Record<ScatterPoint["judgement"], string> = Object.fromEntries(SCATTER_SERIES.map((s) => [s.judgement, s.name])) as Record<
  ScatterPoint["judgement"],
  string
>;

/** The twin table's markup (pure; exported for tests). */
export function renderScatterTwin(points: readonly ScatterPoint[]): string {
  return tableHtml({
    caption: "Agency rate and caseload, by current Ofsted judgement",
    captionSize: "s",
    captionId: "scatter-twin-caption",
    head: [
      { html: "Local authority" },
      { html: "Ofsted judgement" },
      { html: "Agency rate", numeric: true },
      { html: "Caseload", numeric: true },
    ],
    rows: points.map((p) => [
      { html: escapeHtml(p.label), header: true },
      { html: escapeHtml(NAMES[p.judgement]) },
      { html: `${escapeHtml(p.agency)}%`, numeric: true },
      { html: escapeHtml(p.caseload), numeric: true },
    ]),
  });
}

const cache = htmlCache();

type Props = { points: Encoded<ScatterPoint[]>; summary: string; cacheKey: string; drawn: ReactNode };

export function AgencyCaseloadChart({ points: encoded, summary, cacheKey, drawn }: Props) {
  const points = useMemo(() => decodeFromServer(encoded), [encoded]);
  return (
    <>
      <ChartRegion label={summary} view={SCATTER_VIEW}>
        <WhenNearScreen className="h-full" placeholder={drawn}>
          <ScatterPlot points={points} series={SCATTER_SERIES} />
        </WhenNearScreen>
      </ChartRegion>
      <Details summary="Show the figures in this chart as a table">
        <div dangerouslySetInnerHTML={{ __html: cache(cacheKey, () => renderScatterTwin(points)) }} />
        <p className="govuk-body-s">
          A joint return is one point, shown with the worse of its two authorities&apos; judgements. Suppressed figures are left out.
        </p>
      </Details>
    </>
  );
}
