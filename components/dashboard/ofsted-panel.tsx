// Ofsted: latest overall effectiveness and every sub-judgement, dates, the previous graded judgement
// with direction of travel, the full ILACS history and visits.
import { Heading, JudgementTag, Paragraph, StaticTable, SummaryList } from "@/components/govuk";
import type { Dashboard } from "@/lib/dashboard/build";
import { formatIsoDate } from "@/lib/dashboard/format";

const TYPE_LABEL: Record<string, string> = {
  ILACS_STANDARD: "Standard inspection",
  ILACS_SHORT: "Short inspection",
  ILACS_FOCUSED_VISIT: "Focused visit",
  MONITORING_VISIT: "Monitoring visit",
};
// Before 1 January 2023 Ofsted judged children in care and care leavers together.
const SUB_JUDGEMENT_CHANGE = "2023-01-01";

const TRAVEL: Record<string, string> = { improved: "Improved", declined: "Declined", same: "No change" };

export function OfstedPanel({ dashboard, csvHref }: { dashboard: Dashboard; csvHref: string }) {
  const { ofsted, la } = dashboard;
  const p = ofsted.position;
  const combinedCare = p?.inspectionDate ? p.inspectionDate < SUB_JUDGEMENT_CHANGE : false;
  const latestGraded = ofsted.graded[0] ?? null;
  return (
    <>
      {p ? (
        <>
          <Heading level={3} size="s">
            Latest judgement (Ofsted, as at {formatIsoDate(ofsted.asAt)})
          </Heading>
          {p.overall ? (
            <SummaryList
              rows={[
                { key: "Overall effectiveness", value: <JudgementTag judgement={p.overall} /> },
                { key: "Impact of leaders on social work practice", value: <JudgementTag judgement={p.leadership} /> },
                { key: "Children who need help and protection", value: <JudgementTag judgement={p.helpAndProtection} /> },
                {
                  key: combinedCare ? "Children in care and care leavers" : "Children in care",
                  value: <JudgementTag judgement={p.childrenInCare} />,
                },
                {
                  key: "Care leavers",
                  value: combinedCare ? (
                    "Judged with children in care (inspections before 1 January 2023)"
                  ) : (
                    <JudgementTag judgement={p.careLeavers} />
                  ),
                },
                { key: "Inspection date", value: formatIsoDate(p.inspectionDate) },
                { key: "Publication date", value: formatIsoDate(p.publicationDate) },
                {
                  key: "Previous judgement",
                  value: ofsted.previous ? (
                    <>
                      <JudgementTag judgement={ofsted.previous.overall} />{" "}
                      <span className="govuk-body-s">(inspected {formatIsoDate(ofsted.previous.inspectionDate)})</span>
                    </>
                  ) : (
                    "No earlier ILACS graded inspection"
                  ),
                },
                {
                  key: "Direction of travel",
                  value: ofsted.travel ? (
                    <strong
                      data-testid="direction-of-travel"
                      className={
                        ofsted.travel === "improved" ? "text-govuk-success" : ofsted.travel === "declined" ? "text-govuk-error" : ""
                      }
                    >
                      <span aria-hidden="true">{ofsted.travel === "improved" ? "▲ " : ofsted.travel === "declined" ? "▼ " : "▶ "}</span>
                      {TRAVEL[ofsted.travel]}
                      {ofsted.previous && latestGraded ? ` since ${formatIsoDate(ofsted.previous.inspectionDate)}` : ""}
                    </strong>
                  ) : (
                    "Not enough graded inspections to compare"
                  ),
                },
              ]}
            />
          ) : (
            <Paragraph>{la.name} had not been inspected under the ILACS framework at this date.</Paragraph>
          )}
        </>
      ) : la.existsTo ? (
        <Paragraph>There is no current judgement: the authority was abolished on {formatIsoDate(la.existsTo)}.</Paragraph>
      ) : null}

      <Heading level={3} size="s">
        Graded inspections
      </Heading>
      {ofsted.graded.length === 0 ? (
        <Paragraph>No graded ILACS inspection is published for {la.name}.</Paragraph>
      ) : (
        <StaticTable
          captionId="ofsted-graded-caption"
          caption={`ILACS graded inspections of ${la.name}, newest first`}
          captionSize="s"
          head={["Inspected", "Published", "Type", "Overall", "Leaders", "Help and protection", "Children in care", "Care leavers"]}
          rows={ofsted.graded.map((i) => [
            formatIsoDate(i.inspectionDate),
            formatIsoDate(i.publicationDate),
            TYPE_LABEL[i.type] ?? i.type,
            { text: <JudgementTag judgement={i.overall} /> },
            { text: <JudgementTag judgement={i.leadership} /> },
            { text: <JudgementTag judgement={i.helpAndProtection} /> },
            { text: <JudgementTag judgement={i.childrenInCare} /> },
            i.inspectionDate && i.inspectionDate < SUB_JUDGEMENT_CHANGE
              ? "With children in care"
              : { text: <JudgementTag judgement={i.careLeavers} /> },
          ])}
        />
      )}
      {ofsted.visits.length > 0 ? (
        <StaticTable
          captionId="ofsted-visits-caption"
          caption={`Focused and monitoring visits to ${la.name} (no judgements), newest first`}
          captionSize="s"
          head={["Visited", "Published", "Type", "Theme"]}
          rows={ofsted.visits.map((v) => [
            formatIsoDate(v.inspectionDate),
            formatIsoDate(v.publicationDate),
            TYPE_LABEL[v.type] ?? v.type,
            v.visitTheme ?? "–",
          ])}
        />
      ) : null}
      <Paragraph size="s">
        Source: Ofsted, local authority inspection outcomes (releases as at 31 March 2024 and 31 March 2025). Visits are listed only for the
        years those releases cover.{" "}
        {ofsted.graded.length > 0 ? (
          <a href={csvHref} className="govuk-link" download>
            Download the graded inspections (CSV)
          </a>
        ) : null}
      </Paragraph>
    </>
  );
}
