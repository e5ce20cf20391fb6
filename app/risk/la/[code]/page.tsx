import { readPathParam } from "@/lib/core/path-param";
import type { Metadata } from "next";
import { Link } from "@/components/govuk/link";
import { notFound, permanentRedirect } from "next/navigation";
import { Breadcrumbs, Heading, Paragraph } from "@/components/govuk";
import { LaRiskPanelView } from "@/components/risk/la-risk-panel";
import { TriageStatusTag } from "@/components/triage/status-tag";
import { TriageForm } from "@/components/triage/triage-form";
import { TriageHistory } from "@/components/triage/triage-history";
import { TriageStateSummary } from "@/components/triage/triage-state-summary";
import { formTitle } from "@/lib/actions/form-title";
import { resolveAuthorityCode } from "@/lib/dashboard/authorities";
import { can } from "@/lib/auth/permissions";
import { getCurrentUser, requireAccess } from "@/lib/auth/request";
import { getAuthorityRisk } from "@/lib/risk/server";
import { getTriageDetail, getTriageReleaseId } from "@/lib/triage/server";
import { inboxQuery, parseInboxFilters } from "@/lib/triage/filters";
import { updateTriage } from "../../actions";

export const dynamic = "force-dynamic";
type Params = Promise<{ code: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

async function load(code: string) {
  const decoded = readPathParam(code);
  const laNumber = decoded === null ? null : await resolveAuthorityCode(decoded.trim());
  if (!laNumber) notFound();
  if (laNumber !== code) permanentRedirect(`/risk/la/${laNumber}`);
  // Flags and scores are not public (issue 14): DfE analysts, and this LA's own DCS and team managers.
  await requireAccess("risk.view", { kind: "risk", laNumber });
  const risk = await getAuthorityRisk(laNumber);
  if (!risk) notFound();
  return { laNumber, risk };
}

/** The inbox view the analyst came from (`?inbox=status%3DNEW…`), rebuilt from validated filters only. */
function inboxHref(raw: Record<string, string | string[] | undefined>): string {
  const from = typeof raw.inbox === "string" ? raw.inbox : "";
  return `/risk${inboxQuery(parseInboxFilters(Object.fromEntries(new URLSearchParams(from))).filters)}`;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { code } = await params;
  const decoded = readPathParam(code);
  const laNumber = decoded === null ? null : await resolveAuthorityCode(decoded.trim());
  const risk = laNumber ? await getAuthorityRisk(laNumber) : null;
  if (!risk || !laNumber) return { title: "Page not found" };
  const user = await getCurrentUser();
  if (!can(user, "risk.view", { kind: "risk", laNumber })) return { title: "Risk flags" };
  // "Error: " after a refused triage save submitted without JavaScript
  return { title: await formTitle(`Risk flags: ${risk.kind === "current" ? risk.assessment.name : risk.name}`) };
}

export default async function AuthorityRiskPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { code } = await params;
  const { laNumber, risk } = await load(code);
  const name = risk.kind === "current" ? risk.assessment.name : risk.name;
  // DfE analysts only (null for anyone else): triage of current LAs.
  const triage = risk.kind === "current" ? await getTriageDetail(laNumber) : null;
  // A DCS or team manager cannot open the national ranking: their way back is the LA's dashboard.
  const mayRank = can(await getCurrentUser(), "risk.view", { kind: "risk", laNumber: null });
  const back = triage ? inboxHref(await searchParams) : mayRank ? "/risk" : `/la/${laNumber}`;
  const title = `Risk flags: ${name}`;
  return (
    <>
      <Breadcrumbs items={[{ label: triage ? "Risk inbox" : mayRank ? "Risk flags" : name, href: back }, { label: name }]} />
      <Heading level={1} size="l" caption={risk.kind === "current" ? risk.assessment.regionName : "Former local authority"}>
        {name}
      </Heading>
      {triage ? (
        <p className="govuk-body">
          Triage: <TriageStatusTag status={triage.state?.status ?? "NEW"} /> <a href="#triage">Record a review</a> ·{" "}
          <Link href={back}>Back to the inbox</Link>
        </p>
      ) : null}
      <Paragraph>
        <Link href={`/la/${laNumber}`}>All of {name}&apos;s published figures and Ofsted inspections</Link>
      </Paragraph>
      <LaRiskPanelView risk={risk} nationalLink={mayRank} />
      {triage ? (
        <section aria-labelledby="triage-heading" id="triage" className="mt-8">
          <Heading level={2} size="m" id="triage-heading">
            Triage
          </Heading>
          <TriageStateSummary state={triage.state} />
          <Heading level={3} size="s">
            Record a review
          </Heading>
          <TriageForm
            action={updateTriage}
            laNumber={laNumber}
            status={triage.state?.status ?? "NEW"}
            version={triage.state?.version ?? 0}
            releaseId={await getTriageReleaseId()}
            title={title}
          />
          <Heading level={3} size="s">
            History
          </Heading>
          <TriageHistory events={triage.events} laName={name} total={triage.total} />
        </section>
      ) : null}
    </>
  );
}
