// Tables of the backtest's results (server component). Every figure comes from the result object.
import { Heading, Table } from "@/components/govuk";
import type { Calibration, LeadTime, MethodResult, OutcomeResult } from "@/lib/risk/backtest";

const pct = (x: number) => (Number.isNaN(x) ? "–" : `${Math.round(x * 100)}%`);
const auc = (x: number) => (Number.isNaN(x) ? "–" : x.toFixed(2));

function topCell(m: MethodResult, share: number): string {
  const t = m.top.find((x) => Math.abs(x.share - share) < 1e-9);
  if (m.rule) return "–";
  return t ? `${pct(t.precision)} / ${pct(t.recall)} (${t.hits} of ${t.flagged})` : "–";
}

export function MethodTable({ outcome, level, caption }: { outcome: OutcomeResult; level: 3 | 4; caption: string }) {
  return (
    <>
      <Heading level={level} size="s">
        {caption}: {outcome.label} ({outcome.adverse} of {outcome.inspections} inspections)
      </Heading>
      <Table
        caption={`${caption}: how well each method picked out inspections judged ${outcome.label}`}
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
          m.label,
          `${auc(m.auc)} (${auc(m.ci.low)} to ${auc(m.ci.high)})`,
          topCell(m, 0.1),
          topCell(m, 0.2),
          m.rule ? `${pct(m.rule.precision)} / ${pct(m.rule.recall)} (${m.rule.hits} of ${m.rule.flagged})` : "–",
        ])}
      />
    </>
  );
}

export function LeadTimeTable({ lead }: { lead: LeadTime }) {
  return (
    <Table
      caption="Lead time on the held-out inspections judged Inadequate in any sub-judgement: how long before the inspection the flag was already up"
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
      rows={[
        [
          lead.label,
          `${lead.flagged} of ${lead.adverse}`,
          lead.median === null ? "–" : `${lead.median} months`,
          lead.months.length ? `${lead.months[0]} to ${lead.months[lead.months.length - 1]} months` : "–",
          lead.months.filter((m) => m >= 12).length,
          lead.censored,
        ],
      ]}
    />
  );
}

export function CalibrationTable({ calibration }: { calibration: Calibration }) {
  return (
    <Table
      caption="Calibration on the held-out inspections, by tenth of predicted risk (the map fitted on the development period)"
      captionSize="s"
      firstCellIsHeader
      head={["Predicted risk", "Inspections", "Mean predicted", "Judged Inadequate in any sub-judgement"]}
      numericColumns={[1, 2, 3]}
      rows={calibration.table.map((r) => [`${pct(r.from)} to ${pct(r.to)}`, r.n, pct(r.meanPredicted), `${pct(r.observed)} (${r.events})`])}
    />
  );
}
