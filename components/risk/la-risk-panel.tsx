// One LA's risk flags, score, factors and trend. Server component, for the LA page:
//   <LaRiskPanel laNumber={la.laNumber} />
// (it reads through getAuthorityRisk, cached per data version). LaRiskPanelView renders already-read data.
import { can } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/request";
import { Link } from "@/components/govuk/link";
import { Details, Heading, Paragraph, SummaryList, Table } from "@/components/govuk";
import { getAuthorityRisk, type AuthorityRisk } from "@/lib/risk/server";
import { RISK_INDICATORS } from "@/lib/risk/config";
import { formatIsoDate } from "@/lib/risk/dates";
import { formatLevel, formatNumber, formatRaw, periodLabel } from "@/lib/risk/format";
import { FLAG_KIND_LABELS } from "@/lib/risk/rules";
import { ScoreTrend } from "./score-trend";
import { SeverityTag } from "./severity-tag";
import { periodLabel as seriesPeriodLabel } from "@/lib/catalogue/periods";

type HeadingLevel = 2 | 3;

function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? "th" : (({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th");
  return `${n}${s}`;
}

/**
 * The LA's risk flags on its dashboard — only for people who may see them (issue 14): DfE analysts,
 * and this LA's own DCS and team managers. Renders nothing for anyone else (published statistics
 * only), so a DCS of one LA never sees another LA's flags.
 */
export async function LaRiskPanel({ laNumber, headingLevel = 2 }: { laNumber: string; headingLevel?: HeadingLevel }) {
  const user = await getCurrentUser();
  if (!can(user, "risk.view", { kind: "risk", laNumber })) return null;
  const risk = await getAuthorityRisk(laNumber);
  if (!risk) return null;
  return (
    <LaRiskPanelView risk={risk} headingLevel={headingLevel} nationalLink={can(user, "risk.view", { kind: "risk", laNumber: null })} />
  );
}

/** `nationalLink`: link to the national ranking (only for those who may open it). */
export function LaRiskPanelView({
  risk,
  headingLevel = 2,
  nationalLink = false,
}: {
  risk: AuthorityRisk;
  headingLevel?: HeadingLevel;
  nationalLink?: boolean;
}) {
  const sub = (headingLevel + 1) as 3 | 4;
  if (risk.kind === "former") {
    return (
      <section aria-labelledby="risk-heading">
        <Heading level={headingLevel} size="m" id="risk-heading">
          Risk flags
        </Heading>
        <Paragraph>
          Risk flags and scores are worked out for current local authorities only. {risk.name} was abolished on{" "}
          {formatIsoDate(risk.existsTo)}.
        </Paragraph>
      </section>
    );
  }
  const { assessment: a, row, of } = risk;
  const red = a.flags.filter((f) => f.severity === "red").length;
  const amber = a.flags.length - red;

  return (
    <section aria-labelledby="risk-heading">
      <Heading level={headingLevel} size="m" id="risk-heading">
        Risk flags
      </Heading>
      <Paragraph size="s">
        Assessed on {formatIsoDate(risk.asAt)} from figures published by then (workforce{" "}
        {seriesPeriodLabel("CSWW", risk.periods.workforce, "phrase")}; children in need, referrals and child protection plans{" "}
        {seriesPeriodLabel("CIN", risk.periods.childrenInNeed, "phrase")}). A flag is a prompt to ask questions, not a judgement.
      </Paragraph>
      <SummaryList
        rows={[
          {
            key: "Risk score",
            value: (
              <>
                <strong>{a.score} points</strong> — {row.rank === 1 ? "the highest" : `${ordinal(row.rank)} highest`} of {of} local
                authorities
              </>
            ),
          },
          { key: "Flags", value: a.flags.length === 0 ? "None" : `${red} red, ${amber} amber` },
          {
            key: "Score trend",
            value: row.trend.length ? (
              <>
                <span>
                  <ScoreTrend scores={row.trend.map((t) => t.score)} from={row.trend[0]?.period ?? 0} max={1} width={140} height={32} />
                </span>
                <span className="block text-base text-govuk-secondary-text">
                  {row.trend.map((t) => `${t.period}: ${t.score}`).join(" · ")} (workforce figures at 30 September of each year)
                </span>
              </>
            ) : (
              "No earlier scores"
            ),
          },
        ]}
      />

      <Heading level={sub} size="s">
        What the score is made of
      </Heading>
      {a.factors.length === 0 ? (
        <Paragraph>No points: caseload is at or below 16 per social worker and there are no workforce flags that score.</Paragraph>
      ) : (
        <Table
          caption={`Points making up ${a.name}'s risk score of ${a.score}`}
          captionSize="s"
          head={["Factor", "Points", "Why"]}
          numericColumns={[1]}
          rows={a.factors.map((f) => [f.label, f.points, f.reason])}
        />
      )}

      <Heading level={sub} size="s">
        Flags
      </Heading>
      {a.flags.length === 0 ? (
        <Paragraph>No lead indicator is flagged.</Paragraph>
      ) : (
        <Table
          caption={`Flags for ${a.name}, red first`}
          captionSize="s"
          head={["Severity", "Indicator", "Figure", "Compared with", "Why"]}
          rows={a.flags.map((f) => [
            { text: <SeverityTag severity={f.severity} /> },
            {
              text: (
                <>
                  {RISK_INDICATORS[f.indicatorId].shortLabel}
                  <span className="block text-base text-govuk-secondary-text">{FLAG_KIND_LABELS[f.kind]}</span>
                </>
              ),
            },
            {
              text: (
                <>
                  {formatRaw(f.indicatorId, f.raw)}
                  <span className="block text-base text-govuk-secondary-text">{periodLabel(f.indicatorId, f.period)}</span>
                </>
              ),
            },
            f.comparator
              ? `${f.comparator.label}: ${(f.kind === "threshold" ? formatLevel : formatNumber)(f.indicatorId, f.comparator.value)}`
              : "–",
            {
              text: (
                <>
                  {f.reason}
                  <span className="block text-base text-govuk-secondary-text">Rule: {f.rule}.</span>
                  {f.note ? <span className="block text-base text-govuk-secondary-text">{f.note}</span> : null}
                </>
              ),
            },
          ])}
        />
      )}

      {a.notes.length > 0 ? (
        <>
          <Heading level={sub} size="s">
            Figures not used
          </Heading>
          <ul className="govuk-list govuk-list--bullet">
            {a.notes.map((n) => (
              <li key={`${n.indicatorId}-${n.period}`}>{n.text}</li>
            ))}
          </ul>
        </>
      ) : null}

      <Details summary="How the flags and the score are worked out">
        <Paragraph>
          Each lead indicator is checked against set levels (for agency staff, the Public Accounts Committee&apos;s 20% and 40%), against
          the median of the authority&apos;s statistical neighbours, for getting worse while already worse than them, and for sharp rises
          over one or two years. The score adds points for caseload and for workforce flags.{" "}
          <Link href="/risk/method">The method, and how well it did against past Ofsted inspections</Link>.
        </Paragraph>
      </Details>
      {nationalLink ? (
        <Paragraph>
          <Link href="/risk">Risk flags for all local authorities</Link>
        </Paragraph>
      ) : null}
    </section>
  );
}
