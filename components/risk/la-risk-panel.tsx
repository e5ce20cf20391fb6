// One LA's risk flags, score, factors and trend. Server component, for the LA page:
//   <LaRiskPanel laNumber={la.laNumber} />
// (it reads through getAuthorityRisk, cached per data version). LaRiskPanelView renders already-read data.
import { can } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/request";
import { Link } from "@/components/govuk/link";
import { Details, Heading, Paragraph, SummaryList, Table } from "@/components/govuk";
import { getAuthorityRisk, type AuthorityRisk } from "@/lib/risk/server";
import { RISK_AREA_LABELS, RISK_AREAS, RISK_INDICATORS } from "@/lib/risk/config";
import { rankText } from "@/lib/risk/national-rows";
import { pointsByArea } from "@/lib/risk/score";
import { formatIsoDate } from "@/lib/risk/dates";
import { formatLevel, formatNumber, formatRaw, periodLabel } from "@/lib/risk/format";
import { FLAG_KIND_LABELS, lowerIf } from "@/lib/risk/rules";
import { ScoreTrend } from "./score-trend";
import { SeverityTag } from "./severity-tag";
import { periodLabel as seriesPeriodLabel } from "@/lib/catalogue/periods";

type HeadingLevel = 2 | 3;

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
  const all = [...a.flags.map((f) => f.severity), ...a.history.map((h) => h.severity)];
  const red = all.filter((x) => x === "red").length;
  const amber = all.length - red;
  const byArea = pointsByArea(a.factors);
  const scoring = a.flags.filter((f) => f.points > 0);
  const moved = risk.moved ?? null;

  return (
    <section aria-labelledby="risk-heading">
      <Heading level={headingLevel} size="m" id="risk-heading">
        Risk flags
      </Heading>
      <Paragraph size="s">
        Assessed on {formatIsoDate(risk.asAt)} from figures published by then, each as first published (workforce{" "}
        {seriesPeriodLabel("CSWW", risk.periods.workforce, "phrase")}; children in need, referrals and child protection plans{" "}
        {seriesPeriodLabel("CIN", risk.periods.childrenInNeed, "phrase")}). A flag is a prompt to ask questions: not a prediction, not an
        Ofsted judgement, not a finding about any child.
      </Paragraph>
      <SummaryList
        rows={[
          {
            key: "Risk score",
            value: (
              <>
                <strong>{a.score} points</strong> — {rankText(row.rank, row.joint, of)} local authorities
              </>
            ),
          },
          {
            key: "Points by area",
            value: RISK_AREAS.filter((area) => byArea[area]).length
              ? RISK_AREAS.filter((area) => byArea[area])
                  .map((area) => `${RISK_AREA_LABELS[area]}: ${byArea[area]}`)
                  .join(" · ")
              : "None",
          },
          {
            key: "Flags",
            value: all.length === 0 ? "None" : `${red} red, ${amber} amber (${scoring.length + a.history.length} add to the score)`,
          },
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
          ...(moved
            ? [
                {
                  key: "Since the last release",
                  value:
                    moved.moves.length === 0
                      ? `No change since the release of ${formatIsoDate(moved.since)} (${moved.now} points).`
                      : `${moved.before} → ${moved.now} points since the release of ${formatIsoDate(moved.since)}: ${moved.moves
                          .map((m) => `${m.label} ${m.before} → ${m.now}`)
                          .join("; ")}.`,
                },
              ]
            : []),
        ]}
      />

      <Heading level={sub} size="s">
        What the score is made of
      </Heading>
      {a.factors.length === 0 ? (
        <Paragraph>
          No points: no figure is among the worst 20% in England (or agency staff at 20% or more), and no recent Ofsted finding scores.
        </Paragraph>
      ) : (
        <Table
          caption={`Points making up ${a.name}'s risk score of ${a.score}`}
          captionSize="s"
          head={["Factor", "Area", "Points", "Why"]}
          numericColumns={[2]}
          rows={a.factors.map((f) => [f.label, RISK_AREA_LABELS[f.area], f.points, f.reason])}
        />
      )}
      {scoring.length > 0 ? (
        <>
          <Heading level={sub} size="s">
            Which figures would lower it
          </Heading>
          <ul className="govuk-list govuk-list--bullet">
            {scoring.map((f) => (
              <li key={`${f.indicatorId}-${f.kind}`}>
                {RISK_INDICATORS[f.indicatorId].shortLabel} ({formatRaw(f.indicatorId, f.raw)}): {lowerIf(f)}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <Heading level={sub} size="s">
        Flags
      </Heading>
      {a.flags.length === 0 && a.history.length === 0 ? (
        <Paragraph>No lead indicator is flagged.</Paragraph>
      ) : (
        <Table
          caption={`Flags for ${a.name}: those that add to the score first`}
          captionSize="s"
          head={["Severity", "Indicator", "Figure", "Compared with", "Points", "Why"]}
          rows={[
            ...a.history.map((h) => [
              { text: <SeverityTag severity={h.severity} /> },
              {
                text: (
                  <>
                    {h.kind === "previous-judgement" ? "Previous inspection" : "Monitoring visit"}
                    <span className="block text-base text-govuk-secondary-text">{RISK_AREA_LABELS[h.area]}</span>
                  </>
                ),
              },
              "–",
              "–",
              { text: String(h.points) },
              { text: h.reason },
            ]),
            ...a.flags.map((f) => [
              { text: <SeverityTag severity={f.severity} /> },
              {
                text: (
                  <>
                    {RISK_INDICATORS[f.indicatorId].shortLabel}
                    <span className="block text-base text-govuk-secondary-text">
                      {FLAG_KIND_LABELS[f.kind]} · {RISK_AREA_LABELS[f.area]}
                    </span>
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
              { text: f.points > 0 ? String(f.points) : "0 (context)" },
              {
                text: (
                  <>
                    {f.reason}
                    <span className="block text-base text-govuk-secondary-text">Rule: {f.rule}.</span>
                    {f.context ? <span className="block text-base text-govuk-secondary-text">{f.context}</span> : null}
                    {f.note ? <span className="block text-base text-govuk-secondary-text">{f.note}</span> : null}
                  </>
                ),
              },
            ]),
          ]}
        />
      )}

      {a.notes.length > 0 ? (
        <>
          <Heading level={sub} size="s">
            Figures not used or not scored
          </Heading>
          <ul className="govuk-list govuk-list--bullet">
            {a.notes.map((n) => (
              <li key={`${n.indicatorId}-${n.period}-${n.text.length}`}>{n.text}</li>
            ))}
          </ul>
        </>
      ) : null}

      <Details summary="How the flags and the score are worked out">
        <Paragraph>
          Each input gives 1 point at amber and 2 at red: agency staff at the Public Accounts Committee&apos;s 20% and 40%; every other
          figure when it is among the worst 20% (amber) or 5% (red) of authorities in England for the same period; and the worst
          sub-judgement at the previous graded inspection, and a recent monitoring visit. Rates on small counts are not scored. Comparisons
          with statistical neighbours and over time are shown as context and add nothing.{" "}
          <Link href="/risk/method">The method, and how well it did on inspections it had not seen</Link>.
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
