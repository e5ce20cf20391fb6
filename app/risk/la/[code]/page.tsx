import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { Breadcrumbs, Heading, Paragraph } from "@/components/govuk";
import { LaRiskPanelView } from "@/components/risk/la-risk-panel";
import { resolveAuthorityCode } from "@/lib/data/authorities";
import { getAuthorityRisk } from "@/lib/data/risk";

export const dynamic = "force-dynamic";
type Params = Promise<{ code: string }>;

async function load(code: string) {
  const laNumber = await resolveAuthorityCode(decodeURIComponent(code).trim());
  if (!laNumber) notFound();
  if (laNumber !== code) permanentRedirect(`/risk/la/${laNumber}`);
  const risk = await getAuthorityRisk(laNumber);
  if (!risk) notFound();
  return { laNumber, risk };
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { code } = await params;
  const laNumber = await resolveAuthorityCode(decodeURIComponent(code).trim());
  const risk = laNumber ? await getAuthorityRisk(laNumber) : null;
  if (!risk) return { title: "Page not found" };
  return { title: `Risk flags: ${risk.kind === "current" ? risk.assessment.name : risk.name}` };
}

export default async function AuthorityRiskPage({ params }: { params: Params }) {
  const { code } = await params;
  const { laNumber, risk } = await load(code);
  const name = risk.kind === "current" ? risk.assessment.name : risk.name;
  return (
    <>
      <Breadcrumbs items={[{ label: "Risk flags", href: "/risk" }, { label: name }]} />
      <Heading level={1} size="l" caption={risk.kind === "current" ? risk.assessment.regionName : "Former local authority"}>
        {name}
      </Heading>
      <Paragraph>
        <Link href={`/la/${laNumber}`}>All of {name}&apos;s published figures and Ofsted inspections</Link>
      </Paragraph>
      <LaRiskPanelView risk={risk} />
    </>
  );
}
