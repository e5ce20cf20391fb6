import type { Metadata } from "next";
import { Link } from "@/components/govuk/link";
import { Breadcrumbs, Heading, InsetText, List, Paragraph, Table, WarningText } from "@/components/govuk";
import { CalibrationTable, LeadTimeTable, MethodTable } from "@/components/risk/backtest-results";
import { getBacktest } from "@/lib/risk/server";
import { aucLine, posthocAucLine, type OutcomeResult } from "@/lib/risk/backtest";
import { POSTHOC_RULES } from "@/lib/risk/posthoc";
import {
  BACKTEST,
  BACKTEST_TARGETS,
  COMPARATOR,
  HISTORY_RULES,
  INDICATOR_RULES,
  INPUT_POINTS,
  MAX_PERIODS_BACK_OVER_MARKER,
  RISK_AREA_LABELS,
  RISK_INDICATOR_IDS,
  RISK_INDICATORS,
  areaOf,
  baseOf,
  worseDirection,
} from "@/lib/risk/config";
import { formatIsoDate } from "@/lib/risk/dates";
import { formatLevel } from "@/lib/risk/format";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "How the risk flags and score work" };

const pct = (x: number) => (Number.isNaN(x) ? "–" : `${Math.round(x * 100)}%`);
const f2 = (x: number) => (Number.isNaN(x) ? "–" : x.toFixed(2));

export default async function RiskMethodPage() {
  const result = await getBacktest();
  const held = result.heldOut.outcomes.inadequateAny;
  const composite = held.methods.find((m) => m.id === "composite")!;
  const agency = held.methods.find((m) => m.id === "agency20")!;
  const top10 = composite.top.find((t) => Math.abs(t.share - 0.1) < 1e-9)!;
  const top20 = composite.top.find((t) => Math.abs(t.share - 0.2) < 1e-9)!;
  const singles = held.methods.filter((m) => m.id !== "composite" && m.id !== "agency20" && !Number.isNaN(m.auc));
  const best = singles.reduce((b, m) => (m.auc > b.auc ? m : b), singles[0]!);
  const secondary = result.heldOut.outcomes.requiresImprovementAny.methods.find((m) => m.id === "composite")!;
  const history = result.heldOut.outcomes.overall.methods.find((m) => m.id === "composite")!;
  const dev = result.development.outcomes.inadequateAny.methods.find((m) => m.id === "composite")!;
  const cal = result.calibration;
  const lead = result.heldOut.leadTime;
  const met = (ok: boolean) => (ok ? "met" : "not met");
  // The post-hoc variant (decision 0030), shown beside the pre-registered score, never instead of it.
  const ph = result.posthoc;
  const phHeld = ph.heldOut.inadequateAny;
  const phScore = phHeld.find((m) => m.id === "posthoc")!;
  const phTop20 = phScore.top.find((t) => Math.abs(t.share - 0.2) < 1e-9)!;
  const phDev = ph.development.inadequateAny.find((m) => m.id === "posthoc")!;
  const beside = (outcome: OutcomeResult, methods: OutcomeResult["methods"]): OutcomeResult => ({
    ...outcome,
    label: `${outcome.label}, pre-registered score beside the post-hoc variant`,
    methods: [outcome.methods.find((m) => m.id === "composite")!, ...methods],
  });

  return (
    <>
      <Breadcrumbs items={[{ label: "Risk flags", href: "/risk" }, { label: "How the flags and score work" }]} />
      <Heading level={1} size="l" caption="Lead indicators">
        How the risk flags and score work
      </Heading>
      <Paragraph size="l">
        The Public Accounts Committee found in 2016 that the Department for Education held lead indicators — agency staff, turnover,
        caseloads, re-referrals, repeat child protection plans — but did not act on them before services failed. This service turns those
        published figures, and the authority&apos;s inspection history, into flags and a points score, and tests them against Ofsted&apos;s
        graded inspections.
      </Paragraph>

      <Heading level={2} size="m" id="backtest">
        How well it did on inspections it had not seen
      </Heading>
      <InsetText>
        <p className="govuk-body font-bold">{aucLine(result)}</p>
        <p className="govuk-body mb-0">
          {held.inspections} graded inspections dated from {formatIsoDate(BACKTEST.heldOutFrom)}, {held.adverse} of them judged Inadequate
          for at least one of help and protection, children in care, care leavers or the impact of leaders. Each was scored once, only from
          figures published before the inspection day, with a design written down and committed before any of them was scored (decision
          0024).
        </p>
      </InsetText>
      <Paragraph>
        In plain terms: picking one of these inspections that found something Inadequate and one that did not, the score ranked the first
        higher {pct(composite.auc)} of the time (50% would be chance, 100% perfect). With only {held.adverse} such inspections the
        uncertainty is wide: the 95% interval, from {BACKTEST.bootstrapResamples.toLocaleString("en-GB")} resamples of whole authorities,
        runs from {f2(composite.ci.low)} to {f2(composite.ci.high)}. The aim was {BACKTEST_TARGETS.auc.toFixed(2)} or more:{" "}
        {met(composite.auc >= BACKTEST_TARGETS.auc)}.
      </Paragraph>
      <Paragraph>
        Flagging the {pct(0.2)} of authorities in England with the highest scores on each inspection day caught {top20.hits} of{" "}
        {top20.adverse} (recall {pct(top20.recall)}; aim {pct(BACKTEST_TARGETS.recallTop20)}:{" "}
        {met(top20.recall >= BACKTEST_TARGETS.recallTop20)}
        ), and {pct(top20.precision)} of the flagged inspections found something Inadequate (aim {pct(BACKTEST_TARGETS.precisionTop20)}:{" "}
        {met(top20.precision >= BACKTEST_TARGETS.precisionTop20)}). The top {pct(0.1)} caught {top10.hits} of {top10.adverse} at{" "}
        {pct(top10.precision)} precision. The plain rule &ldquo;agency staff 20% or more&rdquo; caught {agency.rule?.hits} of{" "}
        {agency.rule?.adverse} at {pct(agency.rule?.precision ?? Number.NaN)} precision. The best single input on these inspections was{" "}
        {best.label.replace(/ alone$/, "").toLowerCase()} ({f2(best.auc)}, interval {f2(best.ci.low)} to {f2(best.ci.high)}).
      </Paragraph>
      <Paragraph>
        Calibration: a map from score to chance (two numbers, fitted on the development period only) gave a Brier score of{" "}
        {cal.brier.toFixed(3)} on the held-out inspections, against {cal.brierBaseline.toFixed(3)} for always saying the development
        period&apos;s rate of {pct(cal.developmentRate)} (lower is better). Where the top-20% flag was up on the day of an Inadequate
        finding, it had been up for a median of {lead.median ?? "–"} months before.
      </Paragraph>
      <WarningText>
        Most authorities flagged were not judged Inadequate, and some that were had no flag. A flag is a reason to ask questions of an
        authority, never a prediction of its next judgement.
      </WarningText>

      <Heading level={3} size="s">
        What a flag is not
      </Heading>
      <Paragraph>
        A flag is not a prediction that an authority is inadequate, not an Ofsted judgement, and not a finding about any child. It says a
        published figure is among the worst in England, or above a level the Public Accounts Committee named, or that Ofsted has recently
        found problems, and points to where to look.
      </Paragraph>

      <Heading level={3} size="s">
        The outcomes
      </Heading>
      <Paragraph>
        From April 2026 Ofsted gives no single overall grade to children&apos;s services, so the outcome tested is &ldquo;Inadequate in any
        sub-judgement&rdquo;: help and protection, children in care (with care leavers before 2023), care leavers (judged separately from
        2023) or the impact of leaders. On &ldquo;requires improvement or worse in any sub-judgement&rdquo; the held-out ROC AUC was{" "}
        {f2(secondary.auc)} (interval {f2(secondary.ci.low)} to {f2(secondary.ci.high)}); on the old &ldquo;Inadequate overall&rdquo;, kept
        for history only, {f2(history.auc)} ({f2(history.ci.low)} to {f2(history.ci.high)}).
      </Paragraph>

      <Heading level={3} size="s">
        Every method on the held-out inspections
      </Heading>
      <Paragraph size="s">
        Precision is the share of flagged inspections that had the outcome; recall the share of those with the outcome that were flagged.
        &ldquo;Top 10%&rdquo; means the authority was among the highest-scoring tenth of all authorities in England on its inspection day
        (ties at the cut-off in; a score of 0 is never flagged; a joint workforce return counts once). A single input is scored by its own
        figure, worse end first.
      </Paragraph>
      <MethodTable outcome={held} level={4} caption="Held-out" />
      <MethodTable outcome={result.heldOut.outcomes.requiresImprovementAny} level={4} caption="Held-out" />
      <MethodTable outcome={result.heldOut.outcomes.overall} level={4} caption="Held-out" />
      <LeadTimeTable lead={lead} />
      <CalibrationTable calibration={cal} />
      <Paragraph size="s">
        The calibration map: log-odds = {cal.intercept.toFixed(2)} + {cal.slope.toFixed(2)} × score. Lead time runs from the first
        publication or judgement after which the flag stayed up continuously until the inspection.
      </Paragraph>

      <Heading level={3} size="s" id="post-hoc">
        A variant designed after the held-out result was seen (post-hoc)
      </Heading>
      <WarningText>
        This variant was designed after the held-out result above had been seen. It is not the headline and does not drive the flags or the
        score anywhere in this service; it is reported so that the extra inputs can be judged, and it needs inspections after December 2026
        to be tested fairly.
      </WarningText>
      <InsetText>
        <p className="govuk-body mb-0">{posthocAucLine(result)}</p>
      </InsetText>
      <Paragraph>
        It adds the inspection-history inputs the issue asked for that the pre-registered design did not score, and replaces its two
        inspection-history inputs (decision 0030): each area judged at the previous graded inspection (help and protection, children in
        care, care leavers, leadership) gives {POSTHOC_RULES.areaPoints.REQUIRES_IMPROVEMENT} point for requires improvement and{" "}
        {POSTHOC_RULES.areaPoints.INADEQUATE} for inadequate; a last graded inspection {POSTHOC_RULES.staleInspectionMonths} months old or
        more, or none on record, gives {POSTHOC_RULES.staleInspectionPoints}; and each monitoring visit and each focused visit published in
        the {POSTHOC_RULES.visitMonths} months before gives {POSTHOC_RULES.monitoringVisitPoints}. The workforce, help and protection,
        children in care and care leaver inputs are unchanged. Only judgements and visits carried out and published before the inspection
        day count.
      </Paragraph>
      <Paragraph>
        On the same {phScore.n} held-out inspections its ROC AUC was {f2(phScore.auc)} (interval {f2(phScore.ci.low)} to{" "}
        {f2(phScore.ci.high)}), against {f2(composite.auc)} ({f2(composite.ci.low)} to {f2(composite.ci.high)}) for the pre-registered score
        {Math.abs(phScore.auc - composite.auc) < 0.05
          ? ": with intervals this wide, a difference this small is no evidence that either is better"
          : ", on inspections it was designed after seeing"}
        . Its top 20% caught {phTop20.hits} of {phTop20.adverse} (recall {pct(phTop20.recall)}) at {pct(phTop20.precision)} precision; its
        Brier score was {ph.calibration.brier.toFixed(3)} (pre-registered {cal.brier.toFixed(3)}). On the development period:{" "}
        {f2(phDev.auc)} ({f2(phDev.ci.low)} to {f2(phDev.ci.high)}). Ofsted&apos;s visits are held here only from 28 February 2023 (its
        in-year tables), so for most held-out inspections no visit could count, and none in the development period. Whether a focused visit
        signals more risk or less was not known in advance: its points are an assumption, and the table shows each new input alone.
      </Paragraph>
      <MethodTable outcome={beside(held, phHeld)} level={4} caption="Held-out, post-hoc" />
      <MethodTable
        outcome={beside(result.heldOut.outcomes.requiresImprovementAny, ph.heldOut.requiresImprovementAny)}
        level={4}
        caption="Held-out, post-hoc"
      />

      <Heading level={3} size="s">
        The development period
      </Heading>
      <Paragraph>
        Inspections dated and published by {formatIsoDate(BACKTEST.developmentEnd)} ({result.development.inspections}) were used only to
        check that the pipeline runs and to fit the calibration map; {result.neither} inspections dated in 2022 but published in 2023 are in
        neither set. On them the score&apos;s ROC AUC was {f2(dev.auc)} (interval {f2(dev.ci.low)} to {f2(dev.ci.high)}). Many of the inputs
        (children in care, care leavers) are held only from 2021, so the earliest development inspections were scored on the workforce, help
        and protection figures and inspection history alone.
      </Paragraph>
      <MethodTable outcome={result.development.outcomes.inadequateAny} level={4} caption="Development" />

      <Heading level={2} size="m" id="score">
        The score
      </Heading>
      <Paragraph>
        Each input below gives 0 points, {INPUT_POINTS.amber} (amber) or {INPUT_POINTS.red} (red); the score is the sum. No weight was
        fitted to inspection outcomes. Which way is worse comes from each indicator&apos;s published direction, not from the outcomes.
        &ldquo;Worst 20%&rdquo; is the authority&apos;s position among all authorities in England in the same period of that indicator, ties
        in. Flags and points say which Ofsted area they speak to.
      </Paragraph>
      <Table
        caption="Inputs of the score"
        captionSize="s"
        firstCellIsHeader
        head={["Input (latest figure known on the day)", "Area", "Amber (1 point)", "Red (2 points)", "Not scored when based on"]}
        rows={[
          ...RISK_INDICATOR_IDS.map((id) => {
            const r = INDICATOR_RULES[id];
            const base = baseOf(id);
            const word = worseDirection(id) === "higher" ? "highest" : "lowest";
            return [
              RISK_INDICATORS[id].shortLabel,
              RISK_AREA_LABELS[areaOf(id)],
              r.level.kind === "set-level" ? `${formatLevel(id, r.level.amber)} or more` : `${word} ${pct(r.level.amberShare)} in England`,
              r.level.kind === "set-level" ? `${formatLevel(id, r.level.red)} or more` : `${word} ${pct(r.level.redShare)} in England`,
              base ? `fewer than ${base.minimum} ${base.noun}` : "–",
            ];
          }),
          [
            "Worst sub-judgement at the previous graded inspection",
            RISK_AREA_LABELS.inspection_history,
            "requires improvement",
            "inadequate",
            "–",
          ],
          [
            `A monitoring visit published in the ${HISTORY_RULES.monitoringVisitMonths} months before`,
            RISK_AREA_LABELS.inspection_history,
            `${HISTORY_RULES.monitoringVisitPoints} point (the authority was judged inadequate and is being monitored)`,
            "–",
            "–",
          ],
        ]}
      />
      <List type="bullet">
        <li>
          Agency staff at 20% and 40% are the Public Accounts Committee&apos;s levels (2016): 20% &ldquo;a major problem&rdquo;, 40%
          &ldquo;something is seriously wrong&rdquo;.
        </li>
        <li>
          Small counts: a rate is not scored where it rests on a small number — fewer than 20 full-time equivalent social workers for the
          workforce rates, fewer than 30 children (or plans, conferences, placements) for the others; a count published as a suppression
          marker counts as small. The authority&apos;s card says &ldquo;not scored: based on fewer than …&rdquo;. So an authority with a
          handful of staff cannot top the ranking on one small count.
        </li>
        <li>
          Part years: a new authority&apos;s first figure that covers only part of a year (Cumberland&apos;s and Westmorland and
          Furness&apos;s turnover at 30 September 2023, after they began on 1 April 2023) is never compared with a full year. North
          Yorkshire and Somerset became unitary councils on the same areas and keep their figures.
        </li>
        <li>
          Markers: a figure published as a letter (c, low, u, x, z, k) is not a number, so it scores nothing, and the card says why. When
          the newest figure is a marker, the figure{" "}
          {MAX_PERIODS_BACK_OVER_MARKER === 1 ? "one year" : `${MAX_PERIODS_BACK_OVER_MARKER} years`} older is used if there is one, and the
          card says so.
        </li>
        <li>
          Indicators with no stated direction (children in need, looked after, child protection plans per 10,000, spending) are shown as
          context and score nothing. Spending is published for 2024-25 only here, so it cannot be tested forward in time.
        </li>
        <li>
          Ties: authorities with the same score share a rank, shown as &ldquo;joint&rdquo; (&ldquo;joint 53rd of 153&rdquo;); the rank is 1
          + the number of authorities scoring more.
        </li>
      </List>

      <Heading level={2} size="m" id="flags">
        Flags and the score agree
      </Heading>
      <Paragraph>
        A flag that scores is exactly an input at amber or red, and shows its points. Other flags are context, to help a reader: the figure
        against the median of the authority&apos;s statistical neighbours (at least {COMPARATOR.minimumComparators} of them with a figure;
        before April 2021 the other authorities in its region), worse and worsening, a sharp rise over one or two years, rising two years
        running. Each of those says &ldquo;context: does not add to the score&rdquo; and why, so no authority can show a red flag with a
        score of 0 without that sentence.
      </Paragraph>

      <Heading level={2} size="m" id="point-in-time">
        Only what was public at the time, as it was first published
      </Heading>
      <List type="bullet">
        <li>
          A figure counts as known on a day only if its release was published strictly before it (workforce at 30 September: the end of
          February the following year; children in need, referrals and child protection for the year to 31 March: the end of October;
          children looked after and care leavers: the end of November).
        </li>
        <li>
          Every published version of every figure is kept. For a day, the engine uses the version published before it: a figure revised by a
          later release is used as first published until the revision was out.
        </li>
        <li>Ofsted judgements and visits count from their publication date.</li>
      </List>

      <Heading level={2} size="m" id="limits">
        What this cannot tell you
      </Heading>
      <List type="bullet">
        <li>
          Few events: {held.adverse} held-out inspections found something Inadequate, so every figure above is uncertain, as its interval
          shows.
        </li>
        <li>
          The statistical-neighbour grouping used for context flags is the April 2021 one; the grouping in force on each day (May 2025 from
          then) is not yet used by the engine.
        </li>
        <li>
          Children in care and care leaver figures are held from 2021 and children&apos;s social worker counts for 2024 only, so those
          inputs are missing for earlier inspections and count nothing there.
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
