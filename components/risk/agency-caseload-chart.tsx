"use client";

// Agency rate (x) against caseload (y), one point per workforce return, by Ofsted judgement; with its
// table twin built from the same points (so the figures travel to the browser once).
import dynamic from "next/dynamic";
import { WhenNearScreen } from "@/components/charts/when-near-screen";
import { useMemo } from "react";
import { Details } from "@/components/govuk/details";
import { JUDGEMENT_FILTER_LABELS } from "@/lib/catalogue/judgements";
import type { ScatterPoint } from "@/lib/risk/national";
import { decodeFromServer, type Encoded } from "@/lib/risk/national-rows";
import { escapeHtml, htmlCache, tableHtml } from "@/components/govuk/html";
import type { ScatterSeries } from "./risk-plots";

// recharts is fetched, and the chart drawn, only when the chart comes near the screen
// (components/risk/risk-plots.tsx, components/charts/when-near-screen.tsx).
const ScatterPlot = dynamic(() => import("./risk-plots").then((m) => m.ScatterPlot), { ssr: false });

// Colour is never the only cue: each judgement also has its own marker shape and a legend entry.
const SERIES: readonly ScatterSeries[] = [
  { judgement: "OUTSTANDING", name: JUDGEMENT_FILTER_LABELS.OUTSTANDING, fill: "#00703c", shape: "circle" },
  { judgement: "GOOD", name: JUDGEMENT_FILTER_LABELS.GOOD, fill: "#1d70b8", shape: "square" },
  { judgement: "REQUIRES_IMPROVEMENT", name: JUDGEMENT_FILTER_LABELS.REQUIRES_IMPROVEMENT, fill: "#912b88", shape: "triangle" },
  { judgement: "INADEQUATE", name: JUDGEMENT_FILTER_LABELS.INADEQUATE, fill: "#d4351c", shape: "diamond" },
  { judgement: "NONE", name: JUDGEMENT_FILTER_LABELS.NONE, fill: "#505a5f", shape: "cross" },
];

const NAMES: Record<ScatterPoint["judgement"], string> = Object.fromEntries(SERIES.map((s) => [s.judgement, s.name])) as Record<
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

type Props = { points: Encoded<ScatterPoint[]>; summary: string; cacheKey: string };

export function AgencyCaseloadChart({ points: encoded, summary, cacheKey }: Props) {
  const points = useMemo(() => decodeFromServer(encoded), [encoded]);
  return (
    <>
      <div role="img" aria-label={summary} className="h-[340px] w-full">
        <WhenNearScreen placeholderClass="h-[340px]">
          <ScatterPlot points={points} series={SERIES} />
        </WhenNearScreen>
      </div>
      <Details summary="Show the figures in this chart as a table">
        <div dangerouslySetInnerHTML={{ __html: cache(cacheKey, () => renderScatterTwin(points)) }} />
        <p className="govuk-body-s">
          A joint return is one point, shown with the worse of its two authorities&apos; judgements. Suppressed figures are left out.
        </p>
      </Details>
    </>
  );
}
