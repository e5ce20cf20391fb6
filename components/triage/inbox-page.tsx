// /risk for DfE analysts: the national ranking as a working inbox — triage status per LA, filters by
// triage status, region, flag and severity, sorts by score, change in score and days since last
// review, bulk update, CSV with triage. app/risk/page.tsx renders it only for people who may see
// triage; everyone else gets the public page.
import { Link } from "@/components/govuk/link";
import { ShownCount } from "@/components/risk/shown-count";
import { ErrorSummary, Heading, Paragraph, WarningText } from "@/components/govuk";
import { RiskCharts } from "@/components/risk/risk-charts";
import { RiskFiltersForm } from "@/components/risk/risk-filters-form";
import type { ServerAction } from "@/lib/actions/safe-action";
import { listNationalRisk } from "@/lib/risk/server";
import { getInbox } from "@/lib/triage/server";
import { formatIsoDate } from "@/lib/risk/dates";
import { encodeForClient, flagsByRegion, scatterPoints, scoreDistribution } from "@/lib/risk/national";
import {
  inboxDefaultOrder,
  toInboxTableRows,
  TRIAGE_STATUSES,
  TRIAGE_STATUS_LABELS,
  type AnyInboxSort,
  type StatusCounts,
} from "@/lib/triage/inbox";
import { hasInboxFilter, inboxQuery, parseInboxFilters, type InboxFilterValues } from "@/lib/triage/filters";
import type { InboxHeading } from "./inbox-table";
import { TriageInbox } from "./triage-inbox";
import { periodLabel } from "@/lib/catalogue/periods";

type RawParams = Record<string, string | string[] | undefined>;

export const INBOX_TITLE = "Risk inbox: all local authorities";

const COLUMNS: { key: AnyInboxSort | null; label: string; numeric?: boolean }[] = [
  { key: "name", label: "Local authority" },
  { key: "region", label: "Region" },
  { key: "judgement", label: "Ofsted" },
  { key: "score", label: "Score", numeric: true },
  { key: "change", label: "Change", numeric: true },
  { key: "red", label: "Flags" },
  { key: "status", label: "Triage status" },
  { key: "review", label: "Last reviewed" },
  { key: null, label: "Latest note" },
];

function headings(filters: InboxFilterValues): InboxHeading[] {
  const sort = filters.sort ?? "score";
  const order = filters.order ?? inboxDefaultOrder(sort);
  return COLUMNS.map((c) => {
    if (!c.key) return { label: c.label };
    const active = c.key === sort;
    const next = active ? (order === "asc" ? "desc" : "asc") : inboxDefaultOrder(c.key);
    return {
      label: c.label,
      numeric: c.numeric,
      href: `/risk${inboxQuery(filters, { sort: c.key, order: next })}#inbox-table`,
      ariaSort: active ? (order === "asc" ? "ascending" : "descending") : undefined,
      arrow: active ? (order === "asc" ? "▲" : "▼") : undefined,
    };
  });
}

function StatusCountsLine({ counts }: { counts: StatusCounts }) {
  return (
    <p className="govuk-body" data-testid="triage-counts">
      Triage of all local authorities:{" "}
      {TRIAGE_STATUSES.map((s, i) => (
        <span key={s}>
          {i > 0 ? " · " : null}
          <Link href={`/risk?status=${s}`}>
            {TRIAGE_STATUS_LABELS[s]}: {counts[s]}
          </Link>
          {s === "NEW" && counts.reopened > 0 ? ` (${counts.reopened} changed since their review)` : null}
        </span>
      ))}
    </p>
  );
}

export async function InboxPage({ raw, action, title }: { raw: RawParams; action: ServerAction; title: string }) {
  const parsed = parseInboxFilters(raw);
  const view = await listNationalRisk(parsed.filters.risk);
  // A well-formed region code that is not one of England's regions is an error too.
  const regionKnown = !parsed.filters.risk.region || view.regions.some((r) => r.code === parsed.filters.risk.region);
  const errors = regionKnown ? parsed.errors : [...parsed.errors, { field: "region" as const, message: "Choose a region from the list" }];
  const filters: InboxFilterValues = regionKnown
    ? parsed.filters
    : { ...parsed.filters, risk: { ...parsed.filters.risk, region: undefined } };
  const shown = regionKnown ? view : await listNationalRisk(filters.risk);
  const inbox = await getInbox(shown, filters);
  if (!inbox) return null; // signed out between the check and here: app/risk/page.tsx decides again on the next request
  const rows = inbox.rows.map((r) => r.row);
  const query = inboxQuery(filters);
  const filtered = hasInboxFilter(filters);
  const chartKey = filters.status ? `${shown.cacheKey}|inbox|${rows.map((r) => r.laNumber).join(",")}` : shown.cacheKey;
  const scatter = filters.status ? scatterPoints(rows) : null;

  const top = (
    <>
      {errors.length > 0 ? <ErrorSummary errors={errors.map((e) => ({ href: `#${e.field}`, text: e.message }))} /> : null}
      <Heading level={1} size="l" caption="Lead indicators · DfE analysts">
        {INBOX_TITLE}
      </Heading>
      <Paragraph>
        Every local authority ranked by its risk score, with where it stands in triage. Work through them: record what you found on each
        one&apos;s page, or tick several and update them together. A local authority marked &ldquo;reviewed&rdquo; comes back as new, with
        the reason, when a new data release gives it a new flag, turns a flag red or raises its score by a point or more.
      </Paragraph>
      <WarningText>
        A flag is a prompt to ask questions, not a judgement.{" "}
        <Link href="/risk/method">How the flags and score work, and how well they did</Link>.
      </WarningText>
      <Paragraph>
        Assessed on {formatIsoDate(shown.asAt)} from figures published by then: the social work workforce{" "}
        {periodLabel("CSWW", shown.periods.workforce, "phrase")}, and children in need, referrals and child protection plans{" "}
        {periodLabel("CIN", shown.periods.childrenInNeed, "phrase")}.
      </Paragraph>
      <StatusCountsLine counts={inbox.counts} />

      <RiskFiltersForm
        filters={filters.risk}
        errors={errors.flatMap((e) => (e.field === "status" ? [] : [{ field: e.field, message: e.message }]))}
        regions={shown.regions}
        triage={{ status: filters.status, error: errors.find((e) => e.field === "status")?.message, sort: filters.sort }}
      />

      <ShownCount shown={rows.length} total={shown.total} filtered={filtered} />
      <p className="govuk-body">
        <a href={`/risk/csv${query}`} download className="govuk-link">
          Download these {rows.length} rows with their triage status and latest note (CSV)
        </a>
      </p>
    </>
  );
  const charts =
    rows.length > 0 ? (
      scatter ? (
        <RiskCharts
          cacheKey={chartKey}
          workforcePeriod={shown.periods.workforce}
          scatter={encodeForClient(scatter)}
          scatterCount={scatter.length}
          inadequatePoints={scatter.filter((p) => p.judgement === "INADEQUATE").length}
          distribution={scoreDistribution(rows)}
          byRegion={flagsByRegion(rows)}
        />
      ) : (
        <RiskCharts cacheKey={chartKey} workforcePeriod={shown.periods.workforce} {...shown.charts} />
      )
    ) : null;

  // the bulk update's outcome (error summary or success banner) comes first on the page, above `top`
  return (
    <TriageInbox
      action={action}
      rows={encodeForClient(toInboxTableRows(inbox.rows))}
      headings={headings(filters)}
      caption={`Local authorities in the inbox. Ofsted is the latest graded inspection's overall judgement. Change is the score now minus the score before the workforce figures ${periodLabel("CSWW", shown.periods.workforce, "phrase")} were published; last reviewed is when an analyst last changed or noted the local authority.`}
      laQuery={query ? `?inbox=${encodeURIComponent(query.slice(1))}` : ""}
      releaseId={inbox.releaseId}
      title={title}
      top={top}
      after={charts}
    />
  );
}
