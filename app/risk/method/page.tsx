import type { Metadata } from "next";
import { Link } from "@/components/govuk/link";
import { Breadcrumbs, Heading, InsetText, List, Paragraph, Table, WarningText } from "@/components/govuk";
import { LeadTimeTable, MethodTable, PeriodTable } from "@/components/risk/backtest-results";
import { getBacktest } from "@/lib/risk/server";
import { aucLine } from "@/lib/risk/backtest";
import {
  BACKTEST,
  BACKTEST_TARGETS,
  COMPARATOR,
  INDICATOR_RULES,
  MAX_PERIODS_BACK_OVER_MARKER,
  PUBLICATION_LAGS,
  RISK_INDICATOR_IDS,
  RISK_INDICATORS,
  SCORE_POINTS,
} from "@/lib/risk/config";
import { formatIsoDate } from "@/lib/risk/dates";
import { formatDifference, formatLevel } from "@/lib/risk/format";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "How the risk flags and score work" };

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const pct = (x: number) => `${Math.round(x * 100)}%`;

export default async function RiskMethodPage() {
  const result = await getBacktest();
  const overall = result.outcomes.overall;
  const sub = result.outcomes.leadershipOrHelp;
  const composite = overall.methods.find((m) => m.id === "composite")!;
  const caseload = overall.methods.find((m) => m.id === "caseload_fte")!;
  const agency = overall.methods.find((m) => m.id === "agency20")!;
  const fitted = overall.methods.find((m) => m.id === "fitted");
  const top20 = composite.top.find((t) => Math.abs(t.share - 0.2) < 1e-9)!;
  const subComposite = sub.methods.find((m) => m.id === "composite")!;
  const lead20 = overall.leadTimes[0]!;
  const singles = overall.methods.filter((m) => (RISK_INDICATOR_IDS as readonly string[]).includes(m.id));
  const best = singles.reduce((b, m) => (m.auc > b.auc ? m : b), singles[0]!);
  const metAuc = composite.auc >= BACKTEST_TARGETS.auc;
  const metRecall = top20.recall >= BACKTEST_TARGETS.recallTop20;

  return (
    <>
      <Breadcrumbs items={[{ label: "Risk flags", href: "/risk" }, { label: "How the flags and score work" }]} />
      <Heading level={1} size="l" caption="Lead indicators">
        How the risk flags and score work
      </Heading>
      <Paragraph size="l">
        The Public Accounts Committee found in 2016 that the Department for Education held lead indicators — agency staff, turnover,
        caseloads, re-referrals, repeat child protection plans — but did not act on them before services failed. This service turns those
        published figures into flags and a score, and tests them against every graded Ofsted inspection so far.
      </Paragraph>

      <Heading level={2} size="m" id="backtest">
        How well it did
      </Heading>
      <InsetText>
        <p className="govuk-body font-bold">{aucLine(result)}</p>
        <p className="govuk-body mb-0">
          Across {result.inspections} graded ILACS inspections from {formatIsoDate(result.firstInspection)} to{" "}
          {formatIsoDate(result.lastInspection)} ({overall.adverse} judged Inadequate overall), each scored only from figures published
          before the inspection day.
        </p>
      </InsetText>
      <Paragraph>
        In plain terms: picking one inspection that ended Inadequate and one that did not, the score ranked the Inadequate one higher{" "}
        {pct(composite.auc)} of the time (50% would be chance, 100% perfect). With only {overall.adverse} Inadequate judgements the
        uncertainty is wide: the 95% interval runs from {composite.ci.low.toFixed(2)} to {composite.ci.high.toFixed(2)}.{" "}
        {metAuc ? "That meets" : "That is below"} the {BACKTEST_TARGETS.auc.toFixed(2)} this work aimed for. The best single indicator,{" "}
        {best.label.replace(/ alone$/, "").toLowerCase()}, reached {best.auc.toFixed(2)}
        {best.id === "caseload_fte" ? "" : ` (caseload ${caseload.auc.toFixed(2)})`}.
      </Paragraph>
      <Paragraph>
        Flagging the {pct(0.2)} of authorities with the highest scores on each inspection day caught {top20.hits} of {top20.adverse}{" "}
        Inadequate judgements ( recall {pct(top20.recall)})
        {metRecall ? "" : `, short of the ${pct(BACKTEST_TARGETS.recallTop20)} aimed for`}; {pct(top20.precision)} of the flagged
        inspections ended Inadequate. The plain rule &ldquo;agency staff 20% or more&rdquo; caught {agency.rule?.hits} of{" "}
        {agency.rule?.adverse} ({pct(agency.rule?.recall ?? Number.NaN)}) at {pct(agency.rule?.precision ?? Number.NaN)} precision. Where
        the top-20% flag was up on the day of an Inadequate inspection, it had typically been up for {lead20.median ?? "–"} months before
        it.
      </Paragraph>
      <WarningText>
        Most authorities flagged were not judged Inadequate, and some that were had no flag. Use a flag to ask questions of an authority,
        never as a prediction of its next judgement.
      </WarningText>

      <Heading level={3} size="s">
        Ofsted no longer gives a single overall grade
      </Heading>
      <Paragraph>
        From April 2026 Ofsted removed the single overall effectiveness grade for local authority children&apos;s services. The backtest
        therefore also tests the score against the sub-judgements: an inspection counts as adverse when it found the impact of leaders, or
        the experiences and progress of children who need help and protection, Inadequate. On that outcome ({sub.adverse} of{" "}
        {sub.inspections} inspections) the composite&apos;s ROC AUC was {subComposite.auc.toFixed(2)} (95% interval{" "}
        {subComposite.ci.low.toFixed(2)} to {subComposite.ci.high.toFixed(2)}).
      </Paragraph>

      <Heading level={3} size="s">
        Every method, both outcomes
      </Heading>
      <Paragraph size="s">
        Precision is the share of flagged inspections that ended adverse; recall is the share of adverse inspections that were flagged.
        &ldquo;Top 10%&rdquo; means the authority was among the highest-scoring tenth of all authorities in England on the day of its
        inspection (a joint workforce return counts once). Intervals come from {BACKTEST.bootstrapResamples.toLocaleString("en-GB")}{" "}
        bootstrap resamples of whole authorities (two inspections of one authority are not independent).
      </Paragraph>
      <MethodTable outcome={overall} level={4} />
      <MethodTable outcome={sub} level={4} />
      {fitted ? (
        <Paragraph size="s">
          The fitted logistic regression is there as a check on the choice of a points score. It is refitted before each inspection on the
          outcomes published by then, so it cannot score the earliest {result.inspections - fitted.n} inspections; on the {fitted.n} it
          could score it reached {fitted.auc.toFixed(2)}, against {fitted.compositeAucSameCases?.toFixed(2)} for the points score on the
          same inspections.
        </Paragraph>
      ) : null}

      <Heading level={3} size="s">
        Lead time
      </Heading>
      <LeadTimeTable outcome={overall} />
      <Paragraph size="s">
        Lead time runs from the first publication after which the flag stayed up continuously until the inspection. Figures come out twice a
        year (workforce in February, children in need in October), so lead times move in steps of about six months. Where the flag was up
        from the authority&apos;s first figures held here (workforce at 30 September 2017, public from March 2018), the true lead time was
        at least as long as shown.
      </Paragraph>

      <Heading level={3} size="s">
        Stability over time
      </Heading>
      <PeriodTable outcome={overall} />

      <Heading level={2} size="m" id="flags">
        The flags
      </Heading>
      <Paragraph>
        Each lead indicator is checked five ways. All the numbers live in one configuration file and apply everywhere in this service.
      </Paragraph>
      <Table
        caption="Flag rules by indicator"
        captionSize="s"
        firstCellIsHeader
        head={[
          "Indicator",
          "At or above a set level",
          "Worse than comparators",
          "Worse and worsening",
          "Sharp deterioration",
          "Rising two years running",
        ]}
        rows={RISK_INDICATOR_IDS.map((id) => {
          const r = INDICATOR_RULES[id];
          return [
            RISK_INDICATORS[id].shortLabel,
            `amber ${formatLevel(id, r.threshold.amber)}, red ${formatLevel(id, r.threshold.red)}`,
            `amber ${formatDifference(id, r.neighbours.amber)} above the median, red ${formatDifference(id, r.neighbours.red)}`,
            `${formatDifference(id, r.worseAndWorsening.aboveBy)} above the median and up ${formatDifference(id, r.worseAndWorsening.risenBy)} on the year (amber)`,
            `up ${formatDifference(id, r.deterioration.oneYear)} in a year or ${formatDifference(id, r.deterioration.twoYears)} in two (amber); ${formatDifference(id, r.deterioration.redTwoYears)} in two (red)`,
            r.rising ? `up each year, ${formatDifference(id, r.rising.minTotal)} or more in all (amber)` : "not used",
          ];
        })}
      />
      <List type="bullet">
        <li>
          Set levels: agency staff at 20% (amber) and 40% (red) are the Public Accounts Committee&apos;s (2016): 20% &ldquo;a major
          problem&rdquo;, 40% &ldquo;something is seriously wrong&rdquo;. No public body has set levels for the others; they sit at about
          the highest tenth (amber) and highest 3% (red) of English authorities in 2017 to 2024.
        </li>
        <li>
          Comparators: the median of the authority&apos;s ten DfE statistical neighbours for the same period, counting a joint workforce
          return once and needing at least {COMPARATOR.minimumComparators} figures. Before the neighbour grouping used here was published
          (April 2021), the backtest compares with the other authorities in the same region instead, so it never uses a grouping that did
          not yet exist.
        </li>
        <li>
          Markers: a figure published as a letter (c, low, u, x or z) is not a number, so it can neither raise nor clear a flag. When the
          newest figure is a marker, the rules use the figure{" "}
          {MAX_PERIODS_BACK_OVER_MARKER === 1 ? "one year" : `${MAX_PERIODS_BACK_OVER_MARKER} years`} older if there is one, and say so.
        </li>
      </List>

      <Heading level={2} size="m" id="score">
        The score
      </Heading>
      <Paragraph>
        The score is a transparent points score. No weight was fitted to inspection outcomes: with only {overall.adverse} Inadequate
        judgements, weights fitted on earlier inspections did worse on later ones than simple points (see the fitted comparator above).
      </Paragraph>
      <List type="bullet">
        <li>
          Caseload: {SCORE_POINTS.caseload.perCase} point for each case per social worker above {SCORE_POINTS.caseload.above}, up to{" "}
          {SCORE_POINTS.caseload.max} points.
        </li>
        {(Object.keys(SCORE_POINTS.flags) as (keyof typeof SCORE_POINTS.flags)[]).map((id) => (
          <li key={id}>
            {RISK_INDICATORS[id].shortLabel}: {SCORE_POINTS.flags[id].threshold.amber} point for an amber and{" "}
            {SCORE_POINTS.flags[id].threshold.red} for a red set-level flag; the same again for a flag against comparators.
          </li>
        ))}
        <li>
          Re-referrals and repeat child protection plans are flagged for context but add no points: on their own they did no better than
          chance in the backtest (see the table above). A missing figure adds no points.
        </li>
        <li>
          The previous Ofsted grade and the time since the last inspection were tried while designing the score and left out: the earlier
          grade is unknown for every authority&apos;s first ILACS inspection, and adding them changed the ranking little.
        </li>
      </List>

      <Heading level={2} size="m" id="point-in-time">
        Only what was public at the time
      </Heading>
      <Paragraph>Every figure the backtest uses for an inspection was published before the inspection day:</Paragraph>
      <List type="bullet">
        <li>
          Workforce figures (at 30 September of a year) count as published at the end of {MONTHS[PUBLICATION_LAGS.CSWW.month - 1]} the
          following year.
        </li>
        <li>
          Children in need, referrals and child protection plans (year to 31 March) count as published at the end of{" "}
          {MONTHS[PUBLICATION_LAGS.CIN.month - 1]} the same year.
        </li>
        <li>Ofsted judgements count from their publication date.</li>
      </List>

      <Heading level={2} size="m" id="limits">
        What this cannot tell you
      </Heading>
      <List type="bullet">
        <li>
          Revisions: the database keeps the latest published version of each figure, so the backtest uses revised figures from the date the
          first version came out. Revisions are usually small, but this may flatter the results a little.
        </li>
        <li>
          Design: the set levels (from the spread of figures in 2017 to 2024) and the points were chosen by people who had seen how single
          indicators related to these same inspections. No number was fitted, but the choice was not blind, so a fresh set of inspections
          would probably score it a little lower. The time-forward fitted comparator does not have this weakness.
        </li>
        <li>
          The earliest inspections (2018) were scored from the first workforce figures held here (30 September 2017), and the judgements
          before ILACS are not held, so an authority&apos;s earlier history is missing for its first inspection.
        </li>
        <li>
          Inspections of authorities that no longer exist (Bournemouth, Northamptonshire, Cumbria) are included, scored from their own
          figures.
        </li>
      </List>
      <Paragraph size="s">
        Results computed on {formatIsoDate(result.computedAt.slice(0, 10))} from the data in this service (they are recomputed when new data
        is imported). Run them yourself with <code>npm run backtest</code>.{" "}
        <Link href="/risk">Back to risk flags for all local authorities</Link>.
      </Paragraph>
    </>
  );
}
