import type { Metadata } from "next";
import { Link } from "@/components/govuk/link";
import { ErrorSummary, Heading, Paragraph, WarningText } from "@/components/govuk";
import { RiskCharts } from "@/components/risk/risk-charts";
import { RiskFiltersForm } from "@/components/risk/risk-filters-form";
import { RiskTable } from "@/components/risk/risk-table";
import { ShownCount } from "@/components/risk/shown-count";
import { INBOX_TITLE, InboxPage } from "@/components/triage/inbox-page";
import { formTitle } from "@/lib/actions/form-title";
import { listNationalRisk } from "@/lib/data/risk";
import { canSeeTriage } from "@/lib/data/triage";
import { formatIsoDate } from "@/lib/risk/dates";
import { parseRiskFilters, riskFilterQuery, type RiskFilterValues } from "@/lib/validation/risk-filters";
import { parseInboxFilters } from "@/lib/validation/triage-filters";
import { bulkUpdateTriage } from "./actions";
import { periodLabel } from "@/lib/catalogue/periods";

export const dynamic = "force-dynamic";
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const raw = await searchParams;
  if (await canSeeTriage()) {
    // "Error: " after a bad filter, or after a refused bulk update submitted without JavaScript
    return { title: parseInboxFilters(raw).errors.length ? `Error: ${INBOX_TITLE}` : await formTitle(INBOX_TITLE) };
  }
  const { errors } = parseRiskFilters(raw);
  return { title: `${errors.length ? "Error: " : ""}Risk flags for all local authorities` };
}

/** DfE analysts get the working inbox (issue 9); everyone else the public ranking, which shows no triage at all. */
export default async function RiskPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = await searchParams;
  if (await canSeeTriage()) return <InboxPage raw={raw} action={bulkUpdateTriage} title={INBOX_TITLE} />;
  return <PublicRiskPage raw={raw} />;
}

async function PublicRiskPage({ raw }: { raw: Awaited<SearchParams> }) {
  const parsed = parseRiskFilters(raw);
  const view = await listNationalRisk(parsed.filters);
  // A well-formed region code that is not one of England's regions is an error too.
  const regionKnown = !parsed.filters.region || view.regions.some((r) => r.code === parsed.filters.region);
  const errors = regionKnown ? parsed.errors : [...parsed.errors, { field: "region" as const, message: "Choose a region from the list" }];
  const filters: RiskFilterValues = regionKnown ? parsed.filters : { ...parsed.filters, region: undefined };
  const shown = regionKnown ? view : await listNationalRisk(filters);
  const filtered = Boolean(filters.region || filters.judgement || filters.indicator || filters.kind || filters.severity);

  return (
    <>
      {errors.length > 0 ? <ErrorSummary errors={errors.map((e) => ({ href: `#${e.field}`, text: e.message }))} /> : null}
      <Heading level={1} size="l" caption="Lead indicators">
        Risk flags for all local authorities
      </Heading>
      <Paragraph size="l">
        Which authorities&apos; published lead indicators — agency staff, turnover, vacancies, caseloads, re-referrals and repeat child protection plans —
        look like those of services that were later judged Inadequate.
      </Paragraph>
      <WarningText>
        A flag is a prompt to ask questions, not a judgement. Tested against past inspections, the score missed some services later judged Inadequate
        and picked out many that were not. <Link href="/risk/method">How the flags and score work, and how well they did</Link>.
      </WarningText>
      <Paragraph>
        Assessed on {formatIsoDate(shown.asAt)} from figures published by then: the social work workforce {periodLabel("CSWW", shown.periods.workforce, "phrase")}, and
        children in need, referrals and child protection plans {periodLabel("CIN", shown.periods.childrenInNeed, "phrase")}. Ofsted judgements are the latest
        published.
      </Paragraph>

      <RiskFiltersForm filters={filters} errors={errors} regions={shown.regions} />

      <ShownCount shown={shown.rows.length} total={shown.total} filtered={filtered}>
        , highest risk score first unless sorted otherwise
      </ShownCount>
      <p className="govuk-body">
        <a href={`/risk/csv${riskFilterQuery(filters)}`} download className="govuk-link">
          Download these {shown.rows.length} rows as a spreadsheet (CSV)
        </a>
      </p>

      {shown.rows.length === 0 ? (
        <Paragraph>No local authority matches these filters.</Paragraph>
      ) : (
        <RiskTable
          rows={shown.tableRows}
          filters={filters}
          maxScore={shown.maxTrendScore}
          cacheKey={shown.cacheKey}
          caption={`Local authorities by risk score. Agency rate and caseload ${periodLabel("CSWW", shown.periods.workforce, "phrase")}; trend = score once each year's workforce figures were published.`}
        />
      )}
      <Paragraph size="s">
        Caseload is cases per case-holding social worker (full-time equivalent). A letter in place of a figure is the publisher&apos;s marker (for example
        u, low reliability): it is never read as a number, so it can neither raise nor clear a flag. <Link href="/about/data#symbols">What the markers mean</Link>.
      </Paragraph>

      {shown.rows.length > 0 ? (
        <RiskCharts cacheKey={shown.cacheKey} workforcePeriod={shown.periods.workforce} {...shown.charts} />
      ) : null}
    </>
  );
}
