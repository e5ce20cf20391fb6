// The published parts of an LA dashboard (/la/<LA>): everything on the page that comes from the
// published figures and is the same for every viewer. Each is written once per dashboard as markup
// (publishedMarkup, decision 0034) and placed by app/la/[code]/page.tsx around the viewer's own parts.
// Every part depends on the dashboard alone — its LA, view and figures — never on who is looking:
// tests/integration/published-markup-twin.test.ts writes every part of every LA as React would.
import type { ReactNode } from "react";
import { ComparisonSvg } from "@/components/charts/comparison-svg";
import { TrendSvg } from "@/components/charts/trend-svg";
import { AreaBody } from "@/components/dashboard/area-section";
import { ComparisonData, comparisonChart } from "@/components/dashboard/comparison-section";
import { TrendData, trendChart } from "@/components/dashboard/trend-section";
import { IndicatorDefinitions } from "@/components/dashboard/definitions";
import { OfstedAtAGlance, WrongDirection } from "@/components/dashboard/first-screen";
import { NeighboursPanel } from "@/components/dashboard/neighbours-panel";
import { OfstedPanel } from "@/components/dashboard/ofsted-panel";
import { Breadcrumbs, Heading, InsetText, Link, NotificationBanner, SummaryList, WarningText } from "@/components/govuk";
import { areaSlug, type DashboardAreaId } from "@/lib/dashboard/areas";
import type { Dashboard } from "@/lib/dashboard/build";
import { formatIsoDate } from "@/lib/dashboard/format";
import { dashboardLinks } from "./links";

const LA_TYPE: Record<string, string> = {
  COUNTY: "County council",
  UNITARY: "Unitary authority",
  METROPOLITAN_DISTRICT: "Metropolitan district",
  LONDON_BOROUGH: "London borough",
};

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

/** The top of the page: breadcrumbs, name, and what a reader must know first (abolished, created, joint returns, small numbers). */
function AuthorityHead({ dashboard }: { dashboard: Dashboard }) {
  const { la } = dashboard;
  return (
    <>
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
    </>
  );
}

type Parts = { [part: string]: () => ReactNode };

/** Each published part of the page by name, as a function that makes its React elements. */
export function publishedParts(dashboard: Dashboard): Parts {
  const { la, view } = dashboard;
  const links = dashboardLinks(dashboard);
  const csv = links.csv;
  const parts: Parts = {
    head: () => <AuthorityHead dashboard={dashboard} />,
    "ofsted-at-a-glance": () => (
      <>
        <Heading level={3} size="s">
          Latest Ofsted judgements
        </Heading>
        <OfstedAtAGlance dashboard={dashboard} />
      </>
    ),
    "wrong-direction": () => (
      <>
        <Heading level={3} size="s">
          Moving the wrong way
        </Heading>
        <WrongDirection dashboard={dashboard} />
      </>
    ),
    contents: () => (
      <>
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
      </>
    ),
    ofsted: () => (
      <>
        <Heading level={2} size="m" id="ofsted-heading">
          Ofsted inspections
        </Heading>
        <OfstedPanel dashboard={dashboard} csvHref={csv("ofsted")} />
      </>
    ),
    neighbours: () => (
      <>
        <Heading level={2} size="m" id="neighbours-heading">
          Statistical neighbours
        </Heading>
        <NeighboursPanel dashboard={dashboard} year={view.year} hrefFor={links.grouping} />
      </>
    ),
    "trend-svg": () => <TrendSvg id="trend-svg" {...trendChart(dashboard)} />,
    "comparison-svg": () => <ComparisonSvg id="comparison-svg" {...comparisonChart(dashboard)} />,
    "trend-data": () => <TrendData dashboard={dashboard} />,
    "comparison-data": () => <ComparisonData dashboard={dashboard} />,
    definitions: () => (
      <>
        <Heading level={2} size="m" id="definitions-heading">
          What the measures mean
        </Heading>
        <IndicatorDefinitions dashboard={dashboard} />
      </>
    ),
    about: () => (
      <>
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
      </>
    ),
  };
  for (const area of dashboard.areas)
    parts[areaPart(area.id)] = () => (
      <AreaBody area={area} dashboard={dashboard} hrefFor={links.card} csvHref={csv(`area-${areaSlug(area.id)}`)} />
    );
  return parts;
}

/** The name of an area's part. */
export const areaPart = (id: DashboardAreaId) => `area-${id}`;
