// /la/[code] — the DCS dashboard for one local authority. Thin: reads the view from the URL, asks
// lib/dashboard/server for the computed dashboard, and lays out the sections. Sections are kept
// separate; the risk flags and the improvement plan summary sit after the lead indicators.
import { readPathParam } from "@/lib/core/path-param";
import type { Metadata } from "next";
import { Link } from "@/components/govuk/link";
import { notFound, permanentRedirect } from "next/navigation";
import { Suspense } from "react";
import { PlanSummary } from "@/components/plans/plan-summary";
import { LaRiskPanel } from "@/components/risk/la-risk-panel";
import { TriagePanel } from "@/components/triage/triage-panel";
import { ComparisonSection } from "@/components/dashboard/comparison-section";
import { IndicatorDefinitions } from "@/components/dashboard/definitions";
import { HeadlineCards } from "@/components/dashboard/headline-cards";
import { HeadlineTable } from "@/components/dashboard/headline-table";
import { NeighboursPanel } from "@/components/dashboard/neighbours-panel";
import { OfstedPanel } from "@/components/dashboard/ofsted-panel";
import { TrendSection } from "@/components/dashboard/trend-section";
import { ViewForm } from "@/components/dashboard/view-form";
import {
  Breadcrumbs,
  Details,
  ErrorSummary,
  ErrorSummaryFocus,
  Heading,
  InsetText,
  NotificationBanner,
  Paragraph,
  SummaryList,
} from "@/components/govuk";
import { getAuthorityDashboard, getDashboardYears, getNeighbourModels, resolveDashboardCode } from "@/lib/dashboard/server";
import { formatIsoDate } from "@/lib/dashboard/format";
import { periodLabel } from "@/lib/dashboard/periods";
import { parseDashboardView, viewQuery } from "@/lib/dashboard/view-schema";

export const dynamic = "force-dynamic";

type Params = Promise<{ code: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const LA_TYPE: Record<string, string> = {
  COUNTY: "County council",
  UNITARY: "Unitary authority",
  METROPOLITAN_DISTRICT: "Metropolitan district",
  LONDON_BOROUGH: "London borough",
};

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

function Names({ items }: { items: { laNumber: string; name: string }[] }) {
  return (
    <>
      {items.map((s, i) => (
        <span key={s.laNumber}>
          {i > 0 ? (i === items.length - 1 ? " and " : ", ") : null}
          <Link href={`/la/${s.laNumber}`}>{s.name}</Link>
        </span>
      ))}
    </>
  );
}

export default async function AuthorityPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { code } = await params;
  const { dashboard, view, errors } = await load(code, searchParams);
  const { la } = dashboard;
  const base = `/la/${la.laNumber}`;
  const latestYear = dashboard.years.at(-1) ?? view.year;
  const query = viewQuery(view, latestYear);
  const csv = (table: string, q = "") => `${base}/csv/${table}${q}`;
  const cardHref = (indicator: string) =>
    `${base}${viewQuery({ ...view, year: latestYear }, latestYear, { indicator: indicator as typeof view.indicator })}#charts`;
  const trendMeta = dashboard.trend.meta;

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
      <Breadcrumbs items={[{ label: "All local authorities", href: "/" }, { label: la.name }]} />
      <Heading level={1} size="l" caption={la.regionName}>
        {la.name}
      </Heading>

      {la.existsTo ? (
        <NotificationBanner title="Important" heading={`${la.name} no longer exists`}>
          <p className="govuk-body">
            It was abolished on {formatIsoDate(la.existsTo)}. Its figures below are those published while it existed.
            {dashboard.successors.length > 0 ? (
              <>
                {" "}
                Its area is now covered by <Names items={dashboard.successors} />.
              </>
            ) : null}
          </p>
        </NotificationBanner>
      ) : null}

      {dashboard.predecessors.length > 0 ? (
        <InsetText>
          {la.name} was created on {formatIsoDate(dashboard.predecessors[0]!.effective)}, from <Names items={dashboard.predecessors} />.
          Figures for earlier years are published for the former authorities, not for {la.name}.
        </InsetText>
      ) : null}

      {dashboard.jointReturns.map((j) => (
        <InsetText key={j.id}>
          Workforce figures for {j.fromPeriod === j.toPeriod ? j.fromPeriod : `${j.fromPeriod} to ${j.toPeriod}`} are returned jointly by{" "}
          {j.memberNames.map((m, i) => (
            <span key={m.laNumber}>
              {i > 0 ? " and " : null}
              {m.laNumber === la.laNumber ? m.name : <Link href={`/la/${m.laNumber}`}>{m.name}</Link>}
            </span>
          ))}
          : the workforce figures shown here are for both authorities together, and ranks count them once.
        </InsetText>
      ))}

      <nav aria-label="On this page" className="mb-6">
        <h2 className="govuk-heading-s mb-2">On this page</h2>
        <ul className="govuk-list govuk-body-s flex flex-wrap gap-x-6">
          <li>
            <a href="#summary">Lead indicators</a>
          </li>
          <li>
            <a href="#charts">Trends and comparison</a>
          </li>
          <li>
            <a href="#ofsted">Ofsted inspections</a>
          </li>
          <li>
            <a href="#neighbours">Statistical neighbours</a>
          </li>
          <li>
            <a href="#definitions">Definitions</a>
          </li>
        </ul>
      </nav>

      <SummaryList
        rows={[
          { key: "DfE LA number", value: la.laNumber },
          {
            key: "ONS code",
            value: (
              <>
                {la.onsCode}
                {la.codes
                  .filter((c) => c.onsCode !== la.onsCode)
                  .map((c) => (
                    <span key={c.onsCode} className="block text-base text-govuk-secondary-text">
                      formerly {c.onsCode}
                      {c.validTo ? ` (until ${formatIsoDate(c.validTo)})` : ""}
                    </span>
                  ))}
              </>
            ),
          },
          { key: "Type", value: la.laType ? LA_TYPE[la.laType] : "Not known" },
          { key: "Region", value: la.subRegionName ? `${la.regionName} (${la.subRegionName})` : la.regionName },
        ]}
      />

      <section aria-labelledby="indicators" id="summary" className="mb-8">
        <Heading level={2} size="m" id="indicators">
          Lead indicators
        </Heading>
        <Paragraph size="s">
          Latest published figure for each measure, the change since the period before, and how it compares. Ranks and neighbours&apos;
          medians (*) are worked out by us from the published figures; markers are not ranked and a joint return counts once.
        </Paragraph>
        <HeadlineCards cards={dashboard.cards} laName={la.name} regionName={la.regionName} hrefFor={cardHref} />
        <Details summary="Show these figures as a table" id="headline-table" open>
          <HeadlineTable cards={dashboard.cards} laName={la.name} regionName={la.regionName} />
        </Details>
        <p className="govuk-body-s">
          <a href={csv("headline")} className="govuk-link" download>
            Download the lead indicators (CSV)
          </a>
        </p>
      </section>

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

      <section aria-labelledby="charts-heading" id="charts" className="mb-8">
        <Heading level={2} size="m" id="charts-heading">
          Trends and comparison
        </Heading>
        <ViewForm
          action={base}
          view={view}
          indicators={dashboard.cards.map((c) => ({ id: c.meta.id, label: c.meta.label }))}
          years={dashboard.years}
          yearLabel={(y) => periodLabel(trendMeta.series, y)}
          groupings={dashboard.neighbours.models}
          errors={errors}
        />
        <TrendSection dashboard={dashboard} csvHref={csv("trend", viewQuery(view, latestYear, { year: latestYear }))} />
        <ComparisonSection dashboard={dashboard} csvHref={csv("compare", query)} />
      </section>

      <section aria-labelledby="ofsted-heading" id="ofsted" className="render-when-near mb-8">
        <Heading level={2} size="m" id="ofsted-heading">
          Ofsted inspections
        </Heading>
        <OfstedPanel dashboard={dashboard} csvHref={csv("ofsted")} />
      </section>

      <section aria-labelledby="neighbours-heading" id="neighbours" className="render-when-near mb-8">
        <Heading level={2} size="m" id="neighbours-heading">
          Statistical neighbours
        </Heading>
        <NeighboursPanel
          dashboard={dashboard}
          year={view.year}
          hrefFor={(choice) => `${base}${viewQuery(view, latestYear, { grouping: choice })}#neighbours`}
        />
      </section>

      <section aria-labelledby="definitions-heading" id="definitions" className="render-when-near mb-8">
        <Heading level={2} size="m" id="definitions-heading">
          What the measures mean
        </Heading>
        <IndicatorDefinitions dashboard={dashboard} />
      </section>
    </>
  );
}
