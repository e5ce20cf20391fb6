// Tables of the backtest's results (server component). Every figure comes from the result object.
import { Heading, Paragraph, Table } from "@/components/govuk";
import type { LeadTime, MethodResult, OutcomeResult } from "@/lib/risk/backtest";

const pct = (x: number) => (Number.isNaN(x) ? "–" : `${Math.round(x * 100)}%`);
const auc = (x: number) => (Number.isNaN(x) ? "–" : x.toFixed(2));

function topCell(m: MethodResult, share: number): string {
  const t = m.top.find((x) => Math.abs(x.share - share) < 1e-9);
  if (m.rule) return "–";
  return t ? `${pct(t.precision)} / ${pct(t.recall)} (${t.hits} of ${t.flagged})` : "–";
}

export function MethodTable({ outcome, level }: { outcome: OutcomeResult; level: 3 | 4 }) {
  return (
    <>
      <Heading level={level} size="s">
        Outcome: {outcome.label} ({outcome.adverse} of {outcome.inspections} inspections)
      </Heading>
      <Table
        caption={`How well each method picked out inspections judged ${outcome.label.replace(/^Inadequate/, "Inadequate")}`}
        captionSize="s"
        firstCellIsHeader
        head={[
          "Method",
          "ROC AUC (95% interval)",
          "Top 10%: precision / recall",
          "Top 20%: precision / recall",
          "Yes/no rule: precision / recall",
        ]}
        rows={outcome.methods.map((m) => [
          m.n < outcome.inspections ? `${m.label} — ${m.n} inspections it could score` : m.label,
          `${auc(m.auc)} (${auc(m.ci.low)} to ${auc(m.ci.high)})${m.compositeAucSameCases !== null ? `; composite on the same inspections ${auc(m.compositeAucSameCases)}` : ""}`,
          topCell(m, 0.1),
          topCell(m, 0.2),
          m.rule ? `${pct(m.rule.precision)} / ${pct(m.rule.recall)} (${m.rule.hits} of ${m.rule.flagged})` : "–",
        ])}
      />
    </>
  );
}

function leadRow(l: LeadTime): (string | number)[] {
  return [
    l.label,
    `${l.flagged} of ${l.adverse}`,
    l.median === null ? "–" : `${l.median} months`,
    l.months.length ? `${l.months[0]} to ${l.months[l.months.length - 1]} months` : "–",
    l.months.filter((m) => m >= 12).length,
    l.censored,
  ];
}

export function LeadTimeTable({ outcome }: { outcome: OutcomeResult }) {
  return (
    <Table
      caption={`Lead time: how long before the inspection the flag was already up (outcome: ${outcome.label})`}
      captionSize="s"
      firstCellIsHeader
      head={[
        "Flag",
        "Inadequate outcomes flagged on the day",
        "Median lead time",
        "Range",
        "Flagged 12 months or more ahead",
        "Up since the authority's first figures",
      ]}
      numericColumns={[4, 5]}
      rows={outcome.leadTimes.map(leadRow)}
    />
  );
}

export function PeriodTable({ outcome }: { outcome: OutcomeResult }) {
  return (
    <>
      <Table
        caption="Composite score ROC AUC in two periods"
        captionSize="s"
        firstCellIsHeader
        head={["Inspections", "Number", "Inadequate", "ROC AUC"]}
        numericColumns={[1, 2, 3]}
        rows={outcome.periods.map((p) => [p.label, p.n, p.adverse, auc(p.auc)])}
      />
      <Paragraph size="s">No interval is given for the two periods: each has too few Inadequate outcomes for one to mean much.</Paragraph>
    </>
  );
}
