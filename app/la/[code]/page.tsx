// /la/[code] — the DCS dashboard for one local authority. Thin: reads the view from the URL, asks
// lib/dashboard/server for the computed dashboard, and lays out the sections. Sections are kept
// separate: the first screen (how the authority is doing), one section per Ofsted area (decision 0026),
// then the full risk flags and plan summary (signed in), Ofsted history, neighbours, definitions and identifiers.
import { readPathParam } from "@/lib/core/path-param";
import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { Suspense } from "react";
import { PlanSummary } from "@/components/plans/plan-summary";
import { LaRiskPanel } from "@/components/risk/la-risk-panel";
import { TriagePanel } from "@/components/triage/triage-panel";
import { areaSectionAttributes } from "@/components/dashboard/area-section";
import { ComparisonSection } from "@/components/dashboard/comparison-section";
import { PlanStatus, RiskPosition } from "@/components/dashboard/first-screen";
import { PublishedPart } from "@/components/dashboard/published-markup";
import { rendersPayloadOnly, type IslandElement } from "@/components/govuk/static-part";
import { dashboardLinks } from "@/components/dashboard/links";
import { areaPart, publishedParts } from "@/components/dashboard/published-parts";
import { TrendSection } from "@/components/dashboard/trend-section";
import { ViewForm } from "@/components/dashboard/view-form";
import { ErrorSummary, ErrorSummaryFocus, Heading, Paragraph } from "@/components/govuk";
import { getAuthorityDashboard, getDashboardYears, getNeighbourModels, resolveDashboardCode } from "@/lib/dashboard/server";
import { periodLabel } from "@/lib/dashboard/periods";
import { parseDashboardView } from "@/lib/dashboard/view-schema";

export const dynamic = "force-dynamic";

type Params = Promise<{ code: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

async function load(code: string, searchParams: SearchParams) {
  const raw = await searchParams;
  const decoded = readPathParam(code);
  const laNumber = decoded === null ? null : await resolveDashboardCode(decoded);
  if (!laNumber) notFound();
  if (laNumber !== code) {
    const query = new URLSearchParams(Object.entries(raw).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : []))).toString();
    permanentRedirect(`/la/${laNumber}${query ? `?${query}` : ""}`);
  }
  const { view, errors } = parseDashboardView(raw, await getDashboardYears(), await getNeighbourModels());
  const dashboard = await getAuthorityDashboard(laNumber, view);
  if (!dashboard) notFound();
  return { dashboard, view, errors };
}

export async function generateMetadata({ params, searchParams }: { params: Params; searchParams: SearchParams }): Promise<Metadata> {
  const { code } = await params;
  const decoded = readPathParam(code);
  const laNumber = decoded === null ? null : await resolveDashboardCode(decoded);
  if (!laNumber) return { title: "Page not found" };
  const { view, errors } = parseDashboardView(await searchParams, await getDashboardYears(), await getNeighbourModels());
  const dashboard = await getAuthorityDashboard(laNumber, view);
  return { title: `${errors.length ? "Error: " : ""}${dashboard?.la.name ?? "Page not found"}` };
}

export default async function AuthorityPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { code } = await params;
  const { dashboard, view, errors } = await load(code, searchParams);
  const { la } = dashboard;
  const links = dashboardLinks(dashboard);
  const trendMeta = dashboard.trend.meta;
  // the charts sit in the area of the indicator they show (one chart pair on the page, decision 0026)
  const chartArea = dashboard.areas.find((a) => a.cards.some((c) => c.meta.id === trendMeta.id))?.id ?? dashboard.areas[0]!.id;
  // The published parts (components/dashboard/published-parts.tsx), written once per dashboard and shared
  // by every viewer (decision 0034); the error summary, the view form, the charts and each viewer's own
  // panels are React.
  const parts = publishedParts(dashboard);
  const payloadOnly = await rendersPayloadOnly();
  const published = (part: string, element: IslandElement) => (
    <PublishedPart key={part} dashboard={dashboard} part={part} render={parts[part]!} payloadOnly={payloadOnly} {...element} />
  );

  return (
    <>
      {errors.length > 0 ? (
        <ErrorSummaryFocus>
          <ErrorSummary
            errors={errors.map((e) => ({ href: `#${e.field}`, text: e.message }))}
            description="The charts show the default choice instead."
          />
        </ErrorSummaryFocus>
      ) : null}
      {published("head", { id: "authority-head" })}

      <section aria-labelledby="overview-heading" id="overview" className="mb-8">
        <Heading level={2} size="m" id="overview-heading">
          How {la.name} is doing
        </Heading>
        <div className="grid gap-x-8 desktop:grid-cols-2">
          {published("ofsted-at-a-glance", { id: "ofsted-at-a-glance" })}
          <div>
            {published("wrong-direction", { id: "wrong-direction" })}
            {/* Signed-in people who may see them only (decision 0017); nothing for anyone else. */}
            <Suspense fallback={null}>
              <RiskPosition laNumber={la.laNumber} />
            </Suspense>
            <Suspense fallback={null}>
              <PlanStatus laNumber={la.laNumber} />
            </Suspense>
          </div>
        </div>
      </section>

      {published("contents", { as: "nav", id: "contents", "aria-label": "On this page", className: "mb-6" })}

      <Paragraph size="s">
        Each area shows the latest published figure of its lead indicators, the change since the period before, and how it compares. Ranks
        and neighbours&apos; medians (*) are worked out by us from the published figures; markers are not ranked and a joint return counts
        once. Choose an indicator&apos;s name to see its trend and every authority&apos;s figure.{" "}
        <a href={links.csv("headline")} className="govuk-link" download>
          Download every area&apos;s lead indicators (CSV)
        </a>
      </Paragraph>

      {dashboard.areas.map((area) => {
        const attributes = areaSectionAttributes(area);
        if (area.id !== chartArea) return published(areaPart(area.id), { as: "section", ...attributes });
        return (
          <section key={area.id} {...attributes}>
            {published(areaPart(area.id), { id: `${attributes.id}-body` })}
            <section aria-labelledby="charts-heading" id="charts" className="mb-8">
              <Heading level={3} size="m" id="charts-heading">
                Trends and comparison
              </Heading>
              <ViewForm
                action={links.base}
                view={view}
                indicators={dashboard.cards.map((c) => ({ id: c.meta.id, label: c.meta.label }))}
                years={dashboard.years}
                yearLabel={(y) => periodLabel(trendMeta.series, y)}
                groupings={dashboard.neighbours.models}
                errors={errors}
              />
              <TrendSection
                dashboard={dashboard}
                drawn={published("trend-svg", { id: "trend-drawn", className: "h-full" })}
                data={published("trend-data", { id: "trend-data" })}
              />
              <ComparisonSection
                dashboard={dashboard}
                drawn={published("comparison-svg", { id: "comparison-drawn", className: "h-full" })}
                data={published("comparison-data", { id: "comparison-data" })}
              />
            </section>
          </section>
        );
      })}

      <Suspense fallback={null}>
        <LaRiskPanel laNumber={la.laNumber} />
      </Suspense>
      {/* DfE analysts only (renders nothing for anyone else): the LA's triage status and history beside its flags. */}
      <Suspense fallback={null}>
        <TriagePanel laNumber={la.laNumber} laName={la.name} />
      </Suspense>
      {/* Renders only for people who may view this LA's plan (dcs/team manager of the LA, DfE analysts). */}
      <Suspense fallback={null}>
        <PlanSummary laNumber={la.laNumber} />
      </Suspense>

      {published("ofsted", { as: "section", "aria-labelledby": "ofsted-heading", id: "ofsted", className: "render-when-near mb-8" })}
      {published("neighbours", {
        as: "section",
        "aria-labelledby": "neighbours-heading",
        id: "neighbours",
        className: "render-when-near mb-8",
      })}
      {published("definitions", {
        as: "section",
        "aria-labelledby": "definitions-heading",
        id: "definitions",
        className: "render-when-near mb-8",
      })}
      {published("about", { as: "section", "aria-labelledby": "about-authority-heading", id: "about-authority", className: "mb-8" })}
    </>
  );
}
