"use client";

// Agency rate (x) against caseload (y), one point per workforce return, by Ofsted judgement; with its
// table twin built from the same points (so the figures travel to the browser once).
import { useMemo } from "react";
import { CartesianGrid, Legend, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";
import { Details } from "@/components/govuk/details";
import { decodeFromServer, type Encoded, type ScatterPoint } from "@/lib/risk/national";
import { createHtmlCache, escapeHtml, tableHtml } from "./html";
import { useMounted } from "./use-mounted";

// Colour is never the only cue: each judgement also has its own marker shape and a legend entry.
const SERIES = [
  { judgement: "OUTSTANDING", name: "Outstanding", fill: "#00703c", shape: "circle" },
  { judgement: "GOOD", name: "Good", fill: "#1d70b8", shape: "square" },
  { judgement: "REQUIRES_IMPROVEMENT", name: "Requires improvement to be good", fill: "#912b88", shape: "triangle" },
  { judgement: "INADEQUATE", name: "Inadequate", fill: "#d4351c", shape: "diamond" },
  { judgement: "NONE", name: "Not yet judged", fill: "#505a5f", shape: "cross" },
] as const;

const NAMES: Record<ScatterPoint["judgement"], string> = Object.fromEntries(SERIES.map((s) => [s.judgement, s.name])) as Record<ScatterPoint["judgement"], string>;

/** The twin table's markup (pure; exported for tests). */
export function renderScatterTwin(points: readonly ScatterPoint[]): string {
  return tableHtml({
    caption: "Agency rate and caseload, by current Ofsted judgement",
    captionId: "scatter-twin-caption",
    head: [{ html: "Local authority" }, { html: "Ofsted judgement" }, { html: "Agency rate", numeric: true }, { html: "Caseload", numeric: true }],
    rows: points.map((p) => [
      { html: escapeHtml(p.label), header: true },
      { html: escapeHtml(NAMES[p.judgement]) },
      { html: `${escapeHtml(p.agency)}%`, numeric: true },
      { html: escapeHtml(p.caseload), numeric: true },
    ]),
  });
}

const cache = createHtmlCache();

type Props = { points: Encoded<ScatterPoint[]>; summary: string; cacheKey: string };

export function AgencyCaseloadChart({ points: encoded, summary, cacheKey }: Props) {
  const mounted = useMounted();
  const points = useMemo(() => decodeFromServer(encoded), [encoded]);
  return (
    <>
      <div role="img" aria-label={summary} className="h-[340px] w-full">
        {mounted ? (
          <ResponsiveContainer width="100%" height={340}>
            <ScatterChart margin={{ top: 10, right: 16, bottom: 28, left: 4 }} accessibilityLayer={false}>
              <CartesianGrid stroke="#e5e6e7" />
              <XAxis type="number" dataKey="agency" name="Agency rate" unit="%" tick={{ fill: "#0b0c0c", fontSize: 14 }} label={{ value: "Agency social worker rate (%)", position: "insideBottom", offset: -16, fill: "#0b0c0c" }} />
              <YAxis type="number" dataKey="caseload" name="Caseload" domain={["dataMin - 1", "dataMax + 1"]} tickFormatter={(v: number) => v.toFixed(0)} tick={{ fill: "#0b0c0c", fontSize: 14 }} width={40} label={{ value: "Caseload", angle: -90, position: "insideLeft", fill: "#0b0c0c" }} />
              <Tooltip cursor={{ strokeDasharray: "3 3" }} />
              <Legend verticalAlign="top" wrapperStyle={{ fontSize: 14, paddingBottom: 8 }} formatter={(value: string) => <span style={{ color: "#0b0c0c" }}>{value}</span>} />
              {SERIES.map((s) => {
                const data = points.filter((p) => p.judgement === s.judgement);
                return data.length ? <Scatter key={s.judgement} name={s.name} data={data} fill={s.fill} shape={s.shape} isAnimationActive={false} /> : null;
              })}
            </ScatterChart>
          </ResponsiveContainer>
        ) : null}
      </div>
      <Details summary="Show the figures in this chart as a table">
        <div dangerouslySetInnerHTML={{ __html: cache(cacheKey, () => renderScatterTwin(points)) }} />
        <p className="govuk-body-s">A joint return is one point, shown with the worse of its two authorities&apos; judgements. Suppressed figures are left out.</p>
      </Details>
    </>
  );
}
