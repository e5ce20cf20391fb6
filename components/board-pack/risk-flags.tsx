// The board pack's risk flags with their reasons, as assessed on the pack's date. Rendered only for
// people who may see this LA's risk (decision 0017): the page decides, this only draws.
import { Paragraph, StaticTable } from "@/components/govuk";
import { SeverityTag } from "@/components/risk/severity-tag";
import type { LaAssessment } from "@/lib/risk/assess";
import { RISK_INDICATORS } from "@/lib/risk/config";
import { formatRaw, periodLabel } from "@/lib/risk/format";
import { formatIsoDate } from "@/lib/dashboard/format";

export function RiskFlags({ assessment }: { assessment: LaAssessment }) {
  const { flags, score, factors } = assessment;
  const red = flags.filter((f) => f.severity === "red").length;
  return (
    <section aria-labelledby="board-pack-risk" className="board-pack-section">
      <h2 id="board-pack-risk" className="govuk-heading-l">
        Risk flags
      </h2>
      <Paragraph size="s">
        {`Assessed as at ${formatIsoDate(assessment.asAt)} from the figures published by then. Not published: for the authority and the Department for Education only. A flag is a prompt to ask questions, not a judgement.`}
      </Paragraph>
      <Paragraph>
        {`Risk score ${score} points${factors.length ? ` (${factors.map((f) => `${f.label}: ${f.points}`).join("; ")})` : ""}. ${
          flags.length === 0 ? "No lead indicator is flagged." : `${red} red and ${flags.length - red} amber flags.`
        }`}
      </Paragraph>
      {flags.length > 0 ? (
        <StaticTable
          captionId="board-pack-risk-caption"
          caption="Flags, red first, with the reason for each"
          captionSize="s"
          head={["Severity", "Indicator", "Figure", "Why"]}
          rows={flags.map((f) => [
            { text: <SeverityTag severity={f.severity} className="board-pack-tag" /> },
            RISK_INDICATORS[f.indicatorId].shortLabel,
            `${formatRaw(f.indicatorId, f.raw)} (${periodLabel(f.indicatorId, f.period)})`,
            {
              text: (
                <>
                  {f.reason}
                  {f.note ? <span className="block text-govuk-secondary-text">{f.note}</span> : null}
                </>
              ),
            },
          ])}
        />
      ) : null}
    </section>
  );
}
