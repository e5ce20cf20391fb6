import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { AuthorityHeadlineTable } from "@/components/authorities/headline-table";
import { InspectionHistory } from "@/components/authorities/inspection-history";
import { Breadcrumbs, Heading, InsetText, NotificationBanner, SummaryList } from "@/components/govuk";
import { getAuthorityOverview, resolveAuthorityCode } from "@/lib/data/authorities";
import { formatDate } from "@/lib/format/values";

export const dynamic = "force-dynamic";

type Params = Promise<{ code: string }>;

const LA_TYPE: Record<string, string> = {
  COUNTY: "County council",
  UNITARY: "Unitary authority",
  METROPOLITAN_DISTRICT: "Metropolitan district",
  LONDON_BOROUGH: "London borough",
};

async function load(code: string) {
  const laNumber = await resolveAuthorityCode(decodeURIComponent(code).trim());
  if (!laNumber) notFound();
  if (laNumber !== code) permanentRedirect(`/la/${laNumber}`);
  const overview = await getAuthorityOverview(laNumber);
  if (!overview) notFound();
  return overview;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { code } = await params;
  const laNumber = await resolveAuthorityCode(decodeURIComponent(code).trim());
  if (!laNumber) return { title: "Page not found" };
  const overview = await getAuthorityOverview(laNumber);
  return { title: overview?.la.name ?? "Page not found" };
}

export default async function AuthorityPage({ params }: { params: Params }) {
  const { code } = await params;
  const { la, headline, inspections, position, positionAsAt } = await load(code);
  const joint = la.jointReturns.map((j) => j.jointReturn);
  const successors = la.changesFrom.filter((c) => c.toLa.laNumber !== la.laNumber);
  const predecessors = la.changesTo.filter((c) => c.fromLa.laNumber !== la.laNumber);

  return (
    <>
      <Breadcrumbs items={[{ label: "All local authorities", href: "/" }, { label: la.name }]} />
      <Heading level={1} size="l" caption={la.region.name}>
        {la.name}
      </Heading>

      {la.existsTo ? (
        <NotificationBanner title="Important" heading={`${la.name} no longer exists`}>
          <p className="govuk-body">
            It was abolished on {formatDate(la.existsTo)}. Its figures below are those published while it existed.
            {successors.length > 0 ? (
              <>
                {" "}
                Its area is now covered by{" "}
                {successors.map((s, i) => (
                  <span key={s.toLa.laNumber}>
                    {i > 0 ? (i === successors.length - 1 ? " and " : ", ") : null}
                    <Link href={`/la/${s.toLa.laNumber}`}>{s.toLa.name}</Link>
                  </span>
                ))}
                .
              </>
            ) : null}
          </p>
        </NotificationBanner>
      ) : null}

      {predecessors.length > 0 ? (
        <InsetText>
          {la.name} was created on {formatDate(predecessors[0]!.change.effective)}, from{" "}
          {predecessors.map((p, i) => (
            <span key={p.fromLa.laNumber}>
              {i > 0 ? (i === predecessors.length - 1 ? " and " : ", ") : null}
              <Link href={`/la/${p.fromLa.laNumber}`}>{p.fromLa.name}</Link>
            </span>
          ))}
          . Figures for earlier years are published for the former authorities, not for {la.name}.
        </InsetText>
      ) : null}

      {joint.map((j) => (
        <InsetText key={j.id}>
          Workforce figures for {j.fromPeriod === j.toPeriod ? j.fromPeriod : `${j.fromPeriod} to ${j.toPeriod}`} are returned jointly by{" "}
          {j.members.map((m, i) => (
            <span key={m.la.laNumber}>
              {i > 0 ? " and " : null}
              {m.la.laNumber === la.laNumber ? m.la.name : <Link href={`/la/${m.la.laNumber}`}>{m.la.name}</Link>}
            </span>
          ))}
          : the workforce figures shown here are for both authorities together.
        </InsetText>
      ))}

      <SummaryList
        rows={[
          { key: "DfE LA number", value: la.laNumber },
          {
            key: "ONS code",
            value: (
              <>
                {la.onsCode}
                {la.codes.filter((c) => c.onsCode !== la.onsCode).map((c) => (
                  <span key={c.onsCode} className="block text-base text-govuk-secondary-text">
                    formerly {c.onsCode}
                    {c.validTo ? ` (until ${formatDate(c.validTo)})` : ""}
                  </span>
                ))}
              </>
            ),
          },
          { key: "Type", value: la.laType ? LA_TYPE[la.laType] : "Not known" },
          { key: "Region", value: la.subRegion ? `${la.region.name} (${la.subRegion.name})` : la.region.name },
        ]}
      />

      <Heading level={2} size="m" id="indicators">
        Lead indicators
      </Heading>
      <AuthorityHeadlineTable laName={la.name} regionName={la.region.name} rows={headline} />

      <Heading level={2} size="m" id="ofsted">
        Ofsted inspections
      </Heading>
      <InspectionHistory laName={la.name} position={position} positionAsAt={positionAsAt} inspections={inspections} />
    </>
  );
}
