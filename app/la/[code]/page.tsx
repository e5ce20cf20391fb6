// /la/[code] — the DCS dashboard for one local authority. Thin: reads the view from the URL, asks
// lib/dashboard/server for the computed dashboard, and lays out the sections. Sections are kept
// separate: the first screen (how the authority is doing), one section per Ofsted area (decision 0026),
// then the full risk flags and plan summary (signed in), Ofsted history, neighbours, definitions and identifiers.
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
import { AreaSection } from "@/components/dashboard/area-section";
import { areaSlug } from "@/lib/dashboard/areas";
import { OfstedAtAGlance, PlanStatus, RiskPosition, WrongDirection } from "@/components/dashboard/first-screen";
import { NeighboursPanel } from "@/components/dashboard/neighbours-panel";
import { OfstedPanel } from "@/components/dashboard/ofsted-panel";
import { TrendSection } from "@/components/dashboard/trend-section";
import { ViewForm } from "@/components/dashboard/view-form";
import {
  Breadcrumbs,
  ErrorSummary,
  ErrorSummaryFocus,
  Heading,
  InsetText,
  NotificationBanner,
  Paragraph,
  SummaryList,
  WarningText,
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
  // the charts sit in the area of the indicator they show (one chart pair on the page, decision 0026)
  const chartArea = dashboard.areas.find((a) => a.cards.some((c) => c.meta.id === trendMeta.id))?.id ?? dashboard.areas[0]!.id;

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

      {dashboard.smallNumbers ? (
        <WarningText>
          {la.name} has {dashboard.smallNumbers.population.toLocaleString("en-GB")} children aged 0 to 17: its rates and percentages rest on
          a handful of children, social workers or care leavers, so one child can move them a long way. They are marked “Small numbers” and
          drawn off the scale of the all-authority charts when they would stretch them.
        </WarningText>
      ) : null}

      <section aria-labelledby="overview-heading" id="overview" className="mb-8">
        <Heading level={2} size="m" id="overview-heading">
          How {la.name} is doing
        </Heading>
        <div className="grid gap-x-8 desktop:grid-cols-2">
          <div>
            <Heading level={3} size="s">
              Latest Ofsted judgements
            </Heading>
            <OfstedAtAGlance dashboard={dashboard} />
          </div>
          <div>
            <Heading level={3} size="s">
              Moving the wrong way
            </Heading>
            <WrongDirection dashboard={dashboard} />
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

      <nav aria-label="On this page" className="mb-6">
        <h2 className="govuk-heading-s mb-2">On this page</h2>
        <ul className="govuk-list govuk-body-s flex flex-wrap gap-x-6">
          {dashboard.areas.map((a) => (
            <li key={a.id}>
              <a href={`#${areaSlug(a.id)}`}>{a.label}</a>
            </li>
          ))}
          <li>
            <a href="#ofsted">Ofsted inspections</a>
          </li>
          <li>
            <a href="#neighbours">Statistical neighbours</a>
          </li>
          <li>
            <a href="#definitions">Definitions</a>
          </li>
          <li>
            <a href="#about-authority">About {la.name}</a>
          </li>
        </ul>
      </nav>

      <Paragraph size="s">
        Each area shows the latest published figure of its lead indicators, the change since the period before, and how it compares. Ranks
        and neighbours&apos; medians (*) are worked out by us from the published figures; markers are not ranked and a joint return counts
        once. Choose an indicator&apos;s name to see its trend and every authority&apos;s figure.{" "}
        <a href={csv("headline")} className="govuk-link" download>
          Download every area&apos;s lead indicators (CSV)
        </a>
      </Paragraph>

      {dashboard.areas.map((area) => (
        <AreaSection key={area.id} area={area} dashboard={dashboard} hrefFor={cardHref} csvHref={csv(`area-${areaSlug(area.id)}`)}>
          {area.id === chartArea ? (
            <section aria-labelledby="charts-heading" id="charts" className="mb-8">
              <Heading level={3} size="m" id="charts-heading">
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
          ) : null}
        </AreaSection>
      ))}

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

      <section aria-labelledby="about-authority-heading" id="about-authority" className="mb-8">
        <Heading level={2} size="m" id="about-authority-heading">
          About {la.name}
        </Heading>
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
            ...(dashboard.smallNumbers
              ? [
                  {
                    key: "Children aged 0 to 17",
                    value: `${dashboard.smallNumbers.population.toLocaleString("en-GB")} (ONS mid-year estimate): small numbers`,
                  },
                ]
              : []),
          ]}
        />
      </section>
    </>
  );
}
